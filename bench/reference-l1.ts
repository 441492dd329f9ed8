// The benchmark's baseline: the resources bench/reference-library.ts emits, written by hand with
// raw, deep-imported L1 classes (and the library's own azapi bindings, the only typed azapi
// classes there are). Same resource types and counts, same attributes; only the values that the
// library derives (generated names, content hashes) are literals here, as a user would write them.
// test/bench-reference.test.ts checks that both variants emit the same resources.
import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MachineLearningComputeCluster } from '@cdktf/provider-azurerm/lib/machine-learning-compute-cluster';
import { MachineLearningDatastoreBlobstorage } from '@cdktf/provider-azurerm/lib/machine-learning-datastore-blobstorage';
import { MachineLearningDatastoreDatalakeGen2 } from '@cdktf/provider-azurerm/lib/machine-learning-datastore-datalake-gen2';
import { MachineLearningDatastoreFileshare } from '@cdktf/provider-azurerm/lib/machine-learning-datastore-fileshare';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { declareProvidersAndResourceGroup } from './reference-common';
import { AzapiResource } from '../src/azapi/resource';

// The same literals as bench/reference-library.ts (kept local so this file loads nothing of the library).
const LAKE_FILESYSTEM_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/'
  + 'Microsoft.Storage/storageAccounts/stdatalake/blobServices/default/containers/curated';
const SHARE_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/'
  + 'Microsoft.Storage/storageAccounts/stshared/fileServices/default/shares/legacy';
const DATA_SCIENTISTS_GROUP = '11111111-2222-3333-4444-555555555555';
const TRAINING_IMAGE = 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1';
const CONDA_FILE = 'name: train\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.11\n  - pip\n  - pip:\n    - scikit-learn==1.5.0\n';
const ML_API = '2025-06-01';

const AZURE_ML_CORS = [{
  allowedHeaders: ['*'],
  allowedMethods: ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'POST', 'PATCH'],
  allowedOrigins: ['https://mlworkspace.azure.ai', 'https://ml.azure.com', 'https://*.ml.azure.com', 'https://ai.azure.com', 'https://*.ai.azure.com'],
  exposedHeaders: ['*'],
  maxAgeInSeconds: 1800,
}];

export function createReferenceStack(scope: Construct, id: string, index: number): TerraformStack {
  const stack = new TerraformStack(scope, id);
  const rg = declareProvidersAndResourceGroup(stack, index);
  const common = { location: rg.location, resourceGroupName: rg.name };
  const retain = { preventDestroy: true };
  const sfx = `b${index}`;

  // Associated resources.
  const storage = new StorageAccount(stack, 'Storage', {
    ...common,
    name: `stmlbench${sfx}`,
    accountKind: 'StorageV2',
    accountTier: 'Standard',
    accountReplicationType: 'GZRS',
    accessTier: 'Hot',
    isHnsEnabled: false,
    nfsv3Enabled: false,
    sftpEnabled: false,
    localUserEnabled: false,
    httpsTrafficOnlyEnabled: true,
    minTlsVersion: 'TLS1_2',
    allowNestedItemsToBePublic: false,
    publicNetworkAccessEnabled: true,
    // The workspace is created in identity mode, so its storage refuses shared keys from the first apply on.
    sharedAccessKeyEnabled: false,
    defaultToOauthAuthentication: true,
    crossTenantReplicationEnabled: false,
    infrastructureEncryptionEnabled: true,
    networkRules: { defaultAction: 'Allow', bypass: ['AzureServices'], ipRules: [], virtualNetworkSubnetIds: [] },
    blobProperties: {
      versioningEnabled: false,
      deleteRetentionPolicy: { days: 30 },
      containerDeleteRetentionPolicy: { days: 30 },
      corsRule: AZURE_ML_CORS,
    },
    shareProperties: { retentionPolicy: { days: 30 }, corsRule: AZURE_ML_CORS },
    lifecycle: retain,
  });

  const client = new DataAzurermClientConfig(stack, 'ClientConfig');
  const keyVault = new KeyVault(stack, 'KeyVault', {
    ...common,
    name: `kv-ml-bench-${sfx}`,
    tenantId: client.tenantId,
    skuName: 'standard',
    rbacAuthorizationEnabled: true,
    purgeProtectionEnabled: true,
    softDeleteRetentionDays: 90,
    publicNetworkAccessEnabled: false,
    enabledForDeployment: false,
    enabledForDiskEncryption: false,
    enabledForTemplateDeployment: false,
    networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: [], virtualNetworkSubnetIds: [] },
    lifecycle: retain,
  });

  const logs = new LogAnalyticsWorkspace(stack, 'LogAnalytics', {
    ...common,
    name: `log-ml-bench-${sfx}`,
    sku: 'PerGB2018',
    retentionInDays: 90,
    allowResourceOnlyPermissions: true,
    localAuthenticationEnabled: false,
    internetIngestionEnabled: true,
    internetQueryEnabled: true,
    lifecycle: retain,
  });

  const appInsights = new ApplicationInsights(stack, 'ApplicationInsights', {
    ...common,
    name: `appi-ml-bench-${sfx}`,
    applicationType: 'web',
    workspaceId: logs.id,
    retentionInDays: 90,
    disableIpMasking: false,
    localAuthenticationDisabled: false,
    internetIngestionEnabled: true,
    internetQueryEnabled: true,
    lifecycle: retain,
  });

  const registry = new ContainerRegistry(stack, 'ContainerRegistry', {
    ...common,
    name: `crmlbench${sfx}`,
    sku: 'Premium',
    adminEnabled: false,
    anonymousPullEnabled: false,
    dataEndpointEnabled: true,
    exportPolicyEnabled: true,
    networkRuleBypassOption: 'AzureServices',
    networkRuleSet: [{ defaultAction: 'Allow', ipRule: [] }],
    publicNetworkAccessEnabled: true,
    quarantinePolicyEnabled: false,
    retentionPolicyInDays: 7,
    trustPolicyEnabled: false,
    zoneRedundancyEnabled: false,
    lifecycle: retain,
  });

  // The workspace: azurerm 4.55.0 cannot create it in identity mode, so it is an azapi_resource in its final state.
  const workspace = new AzapiResource(stack, 'Workspace', {
    type: `Microsoft.MachineLearningServices/workspaces@${ML_API}`,
    name: `mlw-bench-${sfx}`,
    parentId: rg.id,
    location: rg.location,
    identity: { type: 'SystemAssigned' },
    body: {
      kind: 'Default',
      sku: { name: 'Basic', tier: 'Basic' },
      properties: {
        storageAccount: storage.id,
        keyVault: keyVault.id,
        applicationInsights: appInsights.id,
        containerRegistry: registry.id,
        publicNetworkAccess: 'Enabled',
        hbiWorkspace: false,
        v1LegacyMode: false,
        managedNetwork: { isolationMode: 'AllowInternetOutbound' },
        systemDatastoresAuthMode: 'Identity',
      },
    },
    replaceTriggersRefs: ['kind', 'properties.storageAccount', 'properties.keyVault', 'properties.applicationInsights',
      'properties.containerRegistry', 'properties.hbiWorkspace', 'properties.encryption', 'properties.enableServiceSideCMKEncryption'],
    responseExportValues: ['properties.discoveryUrl', 'properties.workspaceId'],
    ignoreCasing: true,
    lifecycle: retain,
  });
  const workspaceIdentity = workspace.identityPrincipalId;

  const diagnostics = (diagId: string, target: string) => new MonitorDiagnosticSetting(stack, diagId, {
    name: 'send-to-log-analytics',
    targetResourceId: target,
    logAnalyticsWorkspaceId: logs.id,
    enabledLog: [{ categoryGroup: 'allLogs' }],
    enabledMetric: [{ category: 'AllMetrics' }],
  });
  diagnostics('WorkspaceDiagnostics', workspace.id);
  diagnostics('KeyVaultDiagnostics', keyVault.id);

  // Grants: data scientists on the workspace and its storage; the workspace identity on its data.
  const grant = (grantId: string, role: string, scopeId: string, principalId: string, managedIdentity: boolean) =>
    new RoleAssignment(stack, grantId, {
      scope: scopeId,
      roleDefinitionName: role,
      principalId,
      principalType: managedIdentity ? 'ServicePrincipal' : 'Group',
      skipServicePrincipalAadCheck: managedIdentity ? true : undefined,
    });
  grant('DataScientistsWorkspace', 'AzureML Data Scientist', workspace.id, DATA_SCIENTISTS_GROUP, false);
  grant('DataScientistsBlob', 'Storage Blob Data Contributor', storage.id, DATA_SCIENTISTS_GROUP, false);
  grant('DataScientistsFiles', 'Storage File Data Privileged Contributor', storage.id, DATA_SCIENTISTS_GROUP, false);
  grant('WorkspaceReadsStorage', 'Storage Blob Data Reader', storage.id, workspaceIdentity, true);
  grant('WorkspaceReadsLake', 'Storage Blob Data Reader', LAKE_FILESYSTEM_ID, workspaceIdentity, true);

  // Compute.
  const cluster = (clusterId: string, name: string, vmSize: string, vmPriority: string, maxNodeCount: number) =>
    new MachineLearningComputeCluster(stack, clusterId, {
      name,
      location: rg.location,
      machineLearningWorkspaceId: workspace.id,
      vmSize,
      vmPriority,
      identity: { type: 'SystemAssigned' },
      localAuthEnabled: false,
      nodePublicIpEnabled: false,
      sshPublicAccessEnabled: false,
      scaleSettings: { minNodeCount: 0, maxNodeCount, scaleDownNodesAfterIdleDuration: 'PT2M' },
    });
  cluster('CpuCluster', `cpu-${sfx}`, 'Standard_DS3_v2', 'Dedicated', 4);
  cluster('GpuCluster', `gpu-${sfx}`, 'Standard_NC6s_v3', 'LowPriority', 2);

  // azurerm 4.55.0 has no idle shutdown on compute instances: azapi.
  const instanceBody = {
    properties: {
      computeType: 'ComputeInstance',
      disableLocalAuth: true,
      properties: {
        applicationSharingPolicy: 'Personal',
        computeInstanceAuthorizationType: 'personal',
        enableNodePublicIp: false,
        idleTimeBeforeShutdown: 'PT1H',
        sshSettings: { sshPublicAccess: 'Disabled' },
        vmSize: 'Standard_DS11_v2',
      },
    },
  };
  new AzapiResource(stack, 'Notebook', {
    type: 'Microsoft.MachineLearningServices/workspaces/computes@2026-05-01',
    name: `nb-${sfx}`,
    parentId: workspace.id,
    location: rg.location,
    identity: { type: 'SystemAssigned' },
    body: instanceBody,
    replaceTriggersExternalValues: { body: instanceBody, identity: { type: 'SystemAssigned' }, location: rg.location },
  });

  // Datastores.
  const container = new StorageContainer(stack, 'TrainingContainer', {
    name: 'training-data',
    storageAccountId: storage.id,
    containerAccessType: 'private',
    lifecycle: retain,
  });
  new MachineLearningDatastoreBlobstorage(stack, 'TrainingData', {
    name: 'training_data',
    workspaceId: workspace.id,
    storageContainerId: container.id,
    serviceDataAuthIdentity: 'WorkspaceSystemAssignedIdentity',
  });
  new MachineLearningDatastoreDatalakeGen2(stack, 'Lake', {
    name: 'lake',
    workspaceId: workspace.id,
    storageContainerId: LAKE_FILESYSTEM_ID,
    serviceDataIdentity: 'WorkspaceSystemAssignedIdentity',
  });
  const sas = new TerraformVariable(stack, 'legacy_share_sas', { type: 'string', sensitive: true });
  new MachineLearningDatastoreFileshare(stack, 'LegacyShare', {
    name: 'legacy_share',
    workspaceId: workspace.id,
    storageFileshareId: SHARE_ID,
    serviceDataIdentity: 'None',
    sharedAccessSignature: sas.stringValue,
  });

  // Environments and a data asset: immutable versions, replaced when their content changes.
  const version = (versionId: string, collection: string, asset: string, name: string, properties: Record<string, unknown>, sha: string) =>
    new AzapiResource(stack, versionId, {
      type: `Microsoft.MachineLearningServices/workspaces/${collection}/versions@${ML_API}`,
      name,
      parentId: `${workspace.id}/${collection}/${asset}`,
      body: { properties },
      replaceTriggersExternalValues: { content_sha256: sha },
      lifecycle: { createBeforeDestroy: true },
    });
  version('TrainEnv', 'environments', 'train', '1', { image: TRAINING_IMAGE, osType: 'Linux' },
    'ec37db679600b02d9c7055062ea82b9ae80be32b7491373bde5aac286a9aace7');
  version('CondaEnv', 'environments', 'train-conda', '1', { image: TRAINING_IMAGE, condaFile: CONDA_FILE, osType: 'Linux' },
    'a797ed29bee5e2a61e0d9d96a443069b61f3886c455514f34de7802cf4f14cd9');
  version('RawData', 'data', 'raw', '1', { dataType: 'uri_folder', dataUri: 'azureml://datastores/training_data/paths/raw/' },
    'ff7c6d1ddb1a708ffaaa96a0663fc95de0c50e7adbf6a8a43caab00d0292a915');
  return stack;
}

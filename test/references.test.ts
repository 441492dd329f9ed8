// Issue 12 item 3: every validated prop of every construct takes a Terraform reference. Checks skip
// references (Azure checks the value at apply), never crash on them or guess at them, and the stack
// synthesizes to conformant JSON with the reference in it.
import { TerraformStack, TerraformVariable } from 'cdktf';
import {
  BlobContainerTarget,
  BlobDatastore,
  ComputeCluster,
  ComputeInstance,
  ContainerRegistry,
  ContainerRegistrySku,
  DataAsset,
  DataLakeGen2Datastore,
  DataLakeGen2FileSystemTarget,
  DataPath,
  DatastoreCredentials,
  Duration,
  Environment,
  EnvironmentImage,
  FileShareDatastore,
  FileShareTarget,
  IWorkspace,
  KeyVault,
  LogAnalyticsWorkspace,
  ApplicationInsights,
  ManagedNetworkIsolation,
  Model,
  Principal,
  ResourceGroupRef,
  SecretValue,
  StorageAccount,
  StorageReplication,
  UserAssignedIdentityRef,
  VmSize,
  Workspace,
  WorkspaceIdentity,
  ComputeScheduleAction,
  DataAssetType,
  ModelType,
  VmPriority,
  OperatingSystem,
  AutoRebuild,
  KeyVaultSku,
  ConnectionCategory,
  ConnectionAuth,
} from '../src';
import { expectConformant, providerStack, synthJson } from './support/synth';

const SUB = '00000000-0000-0000-0000-000000000000';
const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');
const WORKSPACE_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw`;
const ACCOUNT_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/stdata`;

/** Makes Terraform variables of each kind in a stack. */
class Refs {
  private n = 0;
  constructor(private readonly stack: TerraformStack) {}
  public str(): string {
    return new TerraformVariable(this.stack, `s${this.n++}`, { type: 'string' }).stringValue;
  }
  public num(): number {
    return new TerraformVariable(this.stack, `n${this.n++}`, { type: 'number' }).numberValue;
  }
  public list(): string[] {
    return new TerraformVariable(this.stack, `l${this.n++}`, { type: 'list(string)' }).listValue;
  }
  public secret(): SecretValue {
    return SecretValue.fromSensitiveVariable(new TerraformVariable(this.stack, `x${this.n++}`, { type: 'string', sensitive: true }));
  }
}

function importedWorkspace(s: TerraformStack, isolation = ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND): IWorkspace {
  return Workspace.fromWorkspaceAttributes(s, 'Ws', { workspaceId: WORKSPACE_ID, location: 'westeurope', managedNetworkIsolation: isolation });
}

type Case = [string, (s: TerraformStack, r: Refs) => void];

const CASES: Case[] = [
  // Storage account
  ['StorageAccount name', (s, r) => new StorageAccount(s, 'X', { resourceGroup: RG, name: r.str() })],
  ['StorageAccount location', (s, r) => new StorageAccount(s, 'X', { resourceGroup: RG, location: r.str() })],
  ['StorageAccount ipRules from a list variable', (s, r) => new StorageAccount(s, 'X', { resourceGroup: RG, publicNetworkAccessEnabled: true, ipRules: r.list() })],
  ['StorageAccount ipRules entry', (s, r) => new StorageAccount(s, 'X', { resourceGroup: RG, publicNetworkAccessEnabled: true, ipRules: [r.str(), '20.1.2.3'] })],
  ['StorageAccount virtualNetworkSubnetIds', (s, r) => new StorageAccount(s, 'X', { resourceGroup: RG, publicNetworkAccessEnabled: true, virtualNetworkSubnetIds: r.list() })],
  ['StorageAccount blobSoftDeleteRetention', (s, r) => new StorageAccount(s, 'X', { resourceGroup: RG, blobSoftDeleteRetention: Duration.days(r.num()) })],
  ['StorageAccount replication', (s, r) => new StorageAccount(s, 'X', { resourceGroup: RG, replication: StorageReplication.of(r.str()) })],
  ['StorageAccount tags', (s, r) => new StorageAccount(s, 'X', { resourceGroup: RG, tags: { owner: r.str() } })],
  ['StorageAccount in a resource group by ID', (s, r) => new StorageAccount(s, 'X', { resourceGroup: ResourceGroupRef.fromId(r.str(), 'westeurope') })],
  // Key vault
  ['KeyVault name', (s, r) => new KeyVault(s, 'X', { resourceGroup: RG, name: r.str() })],
  ['KeyVault tenantId', (s, r) => new KeyVault(s, 'X', { resourceGroup: RG, tenantId: r.str() })],
  ['KeyVault ipRules from a list variable', (s, r) => new KeyVault(s, 'X', { resourceGroup: RG, publicNetworkAccessEnabled: true, ipRules: r.list() })],
  ['KeyVault ipRules entry', (s, r) => new KeyVault(s, 'X', { resourceGroup: RG, publicNetworkAccessEnabled: true, ipRules: [r.str()] })],
  ['KeyVault softDeleteRetention', (s, r) => new KeyVault(s, 'X', { resourceGroup: RG, softDeleteRetention: Duration.days(r.num()) })],
  // Container registry
  ['ContainerRegistry name', (s, r) => new ContainerRegistry(s, 'X', { resourceGroup: RG, name: r.str() })],
  ['ContainerRegistry ipRules from a list variable', (s, r) => new ContainerRegistry(s, 'X', { resourceGroup: RG, publicNetworkAccessEnabled: true, ipRules: r.list() })],
  ['ContainerRegistry ipRules entry', (s, r) => new ContainerRegistry(s, 'X', { resourceGroup: RG, publicNetworkAccessEnabled: true, ipRules: [r.str()] })],
  ['ContainerRegistry retention', (s, r) => new ContainerRegistry(s, 'X', { resourceGroup: RG, retention: Duration.days(r.num()) })],
  ['ContainerRegistry sku', (s, r) => new ContainerRegistry(s, 'X', { resourceGroup: RG, sku: ContainerRegistrySku.of(r.str()) })],
  // Monitoring
  ['LogAnalyticsWorkspace name', (s, r) => new LogAnalyticsWorkspace(s, 'X', { resourceGroup: RG, name: r.str() })],
  ['LogAnalyticsWorkspace retention', (s, r) => new LogAnalyticsWorkspace(s, 'X', { resourceGroup: RG, retention: Duration.days(r.num()) })],
  ['ApplicationInsights retention', (s, r) => new ApplicationInsights(s, 'X', { resourceGroup: RG, retention: Duration.days(r.num()) })],
  // Workspace
  ['Workspace name', (s, r) => new Workspace(s, 'X', { resourceGroup: RG, name: r.str(), publicNetworkAccessEnabled: true })],
  ['Workspace location', (s, r) => new Workspace(s, 'X', { resourceGroup: RG, location: r.str(), publicNetworkAccessEnabled: true })],
  ['Workspace imageBuildComputeName', (s, r) => new Workspace(s, 'X', { resourceGroup: RG, imageBuildComputeName: r.str(), publicNetworkAccessEnabled: true })],
  ['Workspace encryption keyId', (s, r) => {
    const kv = KeyVault.fromKeyVaultAttributes(s, 'Cmk', { keyVaultId: r.str(), purgeProtectionEnabled: true });
    const uai = UserAssignedIdentityRef.fromAttributes({ identityId: r.str(), principalId: r.str(), clientId: r.str(), key: 'cmk' });
    new Workspace(s, 'X', { resourceGroup: RG, publicNetworkAccessEnabled: true, identity: WorkspaceIdentity.userAssigned(uai), encryption: { keyVault: kv, keyId: r.str() } });
  }],
  ['Workspace serverless subnetId', (s, r) => new Workspace(s, 'X', { resourceGroup: RG, publicNetworkAccessEnabled: false, privateEndpointsManagedElsewhere: true, serverlessCompute: { subnetId: r.str() } })],
  ['Workspace storageReplication', (s, r) => new Workspace(s, 'X', { resourceGroup: RG, publicNetworkAccessEnabled: true, storageReplication: StorageReplication.of(r.str()) })],
  ['Workspace outbound rule name and FQDN', (s, r) => {
    const ws = new Workspace(s, 'X', { resourceGroup: RG, publicNetworkAccessEnabled: true, managedNetwork: { isolationMode: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND } });
    ws.addFqdnOutboundRule(r.str(), r.str());
  }],
  ['Workspace service-tag outbound rule', (s, r) => {
    const ws = new Workspace(s, 'X', { resourceGroup: RG, publicNetworkAccessEnabled: true, managedNetwork: { isolationMode: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND } });
    ws.addServiceTagOutboundRule(r.str(), { serviceTag: r.str(), protocol: r.str(), portRanges: r.str() });
  }],
  ['Workspace private-endpoint outbound rule', (s, r) => {
    const ws = new Workspace(s, 'X', { resourceGroup: RG, publicNetworkAccessEnabled: true, managedNetwork: { isolationMode: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND } });
    ws.addPrivateEndpointOutboundRule(r.str(), { serviceResourceId: r.str(), subResourceTarget: r.str() });
  }],
  ['Workspace imported by ID', (s, r) => new ComputeCluster(s, 'C', { workspace: Workspace.fromWorkspaceId(s, 'W', r.str(), 'westeurope'), subnetId: r.str() })],
  ['Workspace with a user-assigned identity', (s, r) => new Workspace(s, 'X', {
    resourceGroup: RG,
    publicNetworkAccessEnabled: true,
    identity: WorkspaceIdentity.userAssigned(UserAssignedIdentityRef.fromAttributes({ identityId: r.str(), principalId: r.str(), clientId: r.str(), key: 'ws' })),
  })],
  // Compute cluster
  ['ComputeCluster name', (s, r) => new ComputeCluster(s, 'X', { workspace: importedWorkspace(s), name: r.str() })],
  ['ComputeCluster vmSize', (s, r) => new ComputeCluster(s, 'X', { workspace: importedWorkspace(s), vmSize: VmSize.of(r.str()) })],
  ['ComputeCluster minNodes/maxNodes', (s, r) => new ComputeCluster(s, 'X', { workspace: importedWorkspace(s), minNodes: r.num(), maxNodes: r.num() })],
  ['ComputeCluster idle time in seconds', (s, r) => new ComputeCluster(s, 'X', { workspace: importedWorkspace(s), idleTimeBeforeScaleDown: Duration.seconds(r.num()) })],
  ['ComputeCluster idle time in minutes', (s, r) => new ComputeCluster(s, 'X', { workspace: importedWorkspace(s), idleTimeBeforeScaleDown: Duration.minutes(r.num()) })],
  ['ComputeCluster subnetId', (s, r) => new ComputeCluster(s, 'X', { workspace: importedWorkspace(s, ManagedNetworkIsolation.DISABLED), subnetId: r.str() })],
  ['ComputeCluster location', (s, r) => new ComputeCluster(s, 'X', { workspace: importedWorkspace(s), location: r.str() })],
  ['ComputeCluster ssh', (s, r) => new ComputeCluster(s, 'X', { workspace: importedWorkspace(s), ssh: { adminUsername: r.str(), publicKey: r.str(), password: r.secret() } })],
  // Compute instance
  ['ComputeInstance name and size', (s, r) => new ComputeInstance(s, 'X', { workspace: importedWorkspace(s), name: r.str(), vmSize: VmSize.of(r.str()), assignedUser: { objectId: r.str(), tenantId: r.str() } })],
  ['ComputeInstance idle time in hours', (s, r) => new ComputeInstance(s, 'X', { workspace: importedWorkspace(s), idleTimeBeforeShutdown: Duration.hours(r.num()), assignedUser: { objectId: r.str(), tenantId: r.str() } })],
  ['ComputeInstance ssh key and subnet', (s, r) => new ComputeInstance(s, 'X', { workspace: importedWorkspace(s, ManagedNetworkIsolation.DISABLED), sshPublicKey: r.str(), subnetId: r.str(), assignedUser: { objectId: r.str(), tenantId: r.str() } })],
  ['ComputeInstance schedule', (s, r) => new ComputeInstance(s, 'X', {
    workspace: importedWorkspace(s),
    assignedUser: { objectId: r.str(), tenantId: r.str() },
    schedules: [{ action: ComputeScheduleAction.STOP, cronExpression: r.str(), timeZone: r.str(), startTime: r.str() }],
  })],
  // Datastores
  ['BlobDatastore name and container ID', (s, r) => new BlobDatastore(s, 'X', { workspace: importedWorkspace(s), name: r.str(), container: BlobContainerTarget.fromContainerId(r.str()), credentials: DatastoreCredentials.accountKey(r.secret()) })],
  ['BlobDatastore container by name', (s, r) => new BlobDatastore(s, 'X', {
    workspace: importedWorkspace(s),
    container: BlobContainerTarget.fromContainerName(StorageAccount.fromStorageAccountId(s, 'Acc', r.str()), r.str()),
    credentials: DatastoreCredentials.sasToken(r.secret()),
  })],
  ['DataLakeGen2Datastore service principal', (s, r) => new DataLakeGen2Datastore(s, 'X', {
    workspace: importedWorkspace(s),
    fileSystem: DataLakeGen2FileSystemTarget.fromFileSystemId(r.str()),
    credentials: DatastoreCredentials.servicePrincipal({ tenantId: r.str(), clientId: r.str(), clientSecret: r.secret() }),
  })],
  ['FileShareDatastore share ID', (s, r) => new FileShareDatastore(s, 'X', { workspace: importedWorkspace(s), share: FileShareTarget.fromShareId(r.str()), credentials: DatastoreCredentials.accountKey(r.secret()) })],
  ['FileShareDatastore created share quota', (s, r) => new FileShareDatastore(s, 'X', {
    workspace: importedWorkspace(s),
    share: FileShareTarget.create(StorageAccount.fromStorageAccountId(s, 'Acc', ACCOUNT_ID), r.str(), { quotaGiB: r.num() }),
    credentials: DatastoreCredentials.accountKey(r.secret()),
  })],
  // Assets
  ['Environment name, version and image', (s, r) => new Environment(s, 'X', { workspace: importedWorkspace(s), name: r.str(), version: r.str(), image: EnvironmentImage.fromUri(r.str()) })],
  ['Environment image from a registry', (s, r) => new Environment(s, 'X', {
    workspace: importedWorkspace(s), image: EnvironmentImage.fromRegistry(ContainerRegistry.fromContainerRegistryAttributes(s, 'Acr', { containerRegistryId: r.str(), loginServer: r.str() }), r.str(), { tag: r.str() }),
  })],
  ['Environment inference port', (s, r) => new Environment(s, 'X', { workspace: importedWorkspace(s), image: EnvironmentImage.fromUri('mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest'), inference: { scoring: { path: r.str(), port: r.num() }, liveness: { path: '/health', port: 5001 }, readiness: { path: '/health', port: 5001 } } })],
  ['Environment.curated name and version', (s, r) => new Model(s, 'X', { workspace: importedWorkspace(s), path: DataPath.fromUri(r.str()), jobName: Environment.curated(s, r.str(), { version: r.str() }).reference })],
  ['DataAsset name, version and path', (s, r) => new DataAsset(s, 'X', { workspace: importedWorkspace(s), name: r.str(), version: r.str(), path: DataPath.fromUri(r.str()), type: DataAssetType.MLTABLE, referencedUris: [r.str()] })],
  ['DataAsset path on a datastore', (s, r) => new DataAsset(s, 'X', { workspace: importedWorkspace(s), path: DataPath.fromDatastore(r.str(), r.str()) })],
  ['Model name, version, path and job', (s, r) => new Model(s, 'X', { workspace: importedWorkspace(s), name: r.str(), version: r.str(), path: DataPath.fromUri(r.str()), jobName: r.str() })],
  // Enum-like values, duplicate names and URI schemes (issue 12: checks added in the hardening pass)
  ['Model type from a reference', (s, r) => new Model(s, 'X', { workspace: importedWorkspace(s), path: DataPath.fromUri(r.str()), type: ModelType.of(r.str()) })],
  ['ComputeCluster priority from a reference', (s, r) => new ComputeCluster(s, 'X', { workspace: importedWorkspace(s), priority: r.str() as VmPriority })],
  ['Environment osType and autoRebuild from references', (s, r) => new Environment(s, 'X', {
    workspace: importedWorkspace(s),
    image: EnvironmentImage.fromUri('mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest'),
    osType: r.str() as OperatingSystem,
    autoRebuild: r.str() as AutoRebuild,
  })],
  ['KeyVault sku from a reference', (s, r) => new KeyVault(s, 'X', { resourceGroup: RG, sku: r.str() as KeyVaultSku })],
  ['Two computes and two datastores named by references in one workspace', (s, r) => {
    const ws = importedWorkspace(s);
    new ComputeCluster(s, 'X', { workspace: ws, name: r.str() });
    new ComputeCluster(s, 'Y', { workspace: ws, name: r.str() });
    new BlobDatastore(s, 'D1', { workspace: ws, name: r.str(), container: BlobContainerTarget.fromContainerId(r.str()) });
    new BlobDatastore(s, 'D2', { workspace: ws, name: r.str(), container: BlobContainerTarget.fromContainerId(r.str()) });
  }],
  ['Two environments with name:version from references', (s, r) => {
    const ws = importedWorkspace(s);
    const image = EnvironmentImage.fromUri('mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest');
    new Environment(s, 'X', { workspace: ws, name: r.str(), version: r.str(), image });
    new Environment(s, 'Y', { workspace: ws, name: r.str(), version: r.str(), image });
  }],
  ['Storage accounts named by one reference in two resource groups', (s, r) => {
    const name = r.str();
    new StorageAccount(s, 'X', { resourceGroup: RG, name });
    new StorageAccount(s, 'Y', { resourceGroup: ResourceGroupRef.fromName('rg-other', 'westeurope'), name });
  }],
  ['DataAsset URI built from a reference', (s, r) => new DataAsset(s, 'X', { workspace: importedWorkspace(s), path: DataPath.fromUri(`https://${r.str()}.blob.core.windows.net/raw/a/`) })],
  ['Connection category from a reference', (s, r) => importedWorkspace(s).addConnection('C', { category: ConnectionCategory.of(r.str()), target: r.str(), auth: ConnectionAuth.none() })],
  ['ComputeCluster idle time in days', (s, r) => new ComputeCluster(s, 'X', { workspace: importedWorkspace(s), idleTimeBeforeScaleDown: Duration.days(r.num()) })],
  // Grants
  ['Principal by object ID with a key', (s, r) => importedWorkspace(s).grantDataScientist(Principal.group(r.str(), { key: 'data-scientists' }))],
  ['Storage grant to an identity from attributes', (s, r) => StorageAccount.fromStorageAccountId(s, 'Acc', r.str()).grantBlobDataReader(UserAssignedIdentityRef.fromAttributes({ identityId: r.str(), principalId: r.str(), key: 'reader' }))],
];

describe('every validated prop takes a Terraform reference', () => {
  test.each(CASES)('%s', (_what, build) => {
    const s = providerStack();
    build(s, new Refs(s));
    const json = synthJson(s);
    expect(JSON.stringify(json)).toMatch(/var\.[slnx]\d+/);
    expectConformant(json);
  });
});

describe('durations from references', () => {
  test('minutes, hours and days of a variable become Terraform templates, not multiplied tokens', () => {
    const s = providerStack();
    const r = new Refs(s);
    const ws = importedWorkspace(s);
    new ComputeCluster(s, 'C', { workspace: ws, name: 'idle-var', idleTimeBeforeScaleDown: Duration.minutes(r.num()) });
    new StorageAccount(s, 'S', { resourceGroup: RG, name: 'stidlevar', blobSoftDeleteRetention: Duration.days(r.num()) });
    const json = synthJson(s);
    const cluster: any = Object.values(json.resource.azurerm_machine_learning_compute_cluster)[0];
    expect(cluster.scale_settings.scale_down_nodes_after_idle_duration).toBe('PT${var.n0}M');
    const storage: any = Object.values(json.resource.azurerm_storage_account)[0];
    expect(storage.blob_properties.delete_retention_policy.days).toBe('${var.n1}');
  });
});

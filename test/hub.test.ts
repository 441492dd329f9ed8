// Hub (azurerm_ai_foundry): the four AVM hub examples of Azure/terraform-azurerm-avm-res-machinelearningservices-workspace
// (default_ai_hub, ai_hub_managed_key_vault, hub_and_projects, private_ai_hub) expressed with Hub, Project and the
// typed connections; created dependencies as for Workspace; grants; bad input.
import { TerraformStack } from 'cdktf';
import { expectConformant, ofType, only, providerStack, synthJson, warningsOf } from './support/synth';
import { AiServicesConnection } from '../src/connection/azure-connections';
import { ContainerRegistry } from '../src/container-registry/container-registry';
import { Principal } from '../src/core/grants';
import { UserAssignedIdentityRef } from '../src/core/identity';
import { ResourceGroupRef } from '../src/core/resource-group';
import { Hub } from '../src/hub/hub';
import { Project } from '../src/hub/project';
import { KeyVault } from '../src/key-vault/key-vault';
import { PrivateDns } from '../src/network/private-dns';
import { Subnet } from '../src/network/subnet';
import { StorageAccount } from '../src/storage/storage-account';
import { Workspace } from '../src/workspace/workspace';
import { WorkspaceContainerRegistry, WorkspaceIdentity, WorkspaceKind } from '../src/workspace/workspace-options';
import { ManagedNetworkIsolation } from '../src/workspace/workspace-ref';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const RG_ID = `${SUB}/resourceGroups/rg-ai`;
const RG = ResourceGroupRef.fromName('rg-ai', 'westeurope');
const STORAGE_ID = `${RG_ID}/providers/Microsoft.Storage/storageAccounts/staihub`;
const KV_ID = `${RG_ID}/providers/Microsoft.KeyVault/vaults/kv-aihub`;
const ACR_ID = `${RG_ID}/providers/Microsoft.ContainerRegistry/registries/craihub`;
const AI_ID = `${RG_ID}/providers/Microsoft.CognitiveServices/accounts/ai-hub`;
const AI_ENDPOINT = 'https://ai-hub.cognitiveservices.azure.com/';
const SUBNET_ID = `${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/private_endpoints`;
const WS_TYPE = 'Microsoft.MachineLearningServices/workspaces@2025-06-01';

function synth(stack: TerraformStack): any {
  const json = synthJson(stack);
  expectConformant(json);
  return json;
}

/** The AIServices connection every AVM hub example adds: Entra ID, shared to all, with the account's ID. */
function aiServicesConnection(stack: TerraformStack, hub: Hub): AiServicesConnection {
  return new AiServicesConnection(stack, 'AiServices', { workspace: hub, resourceId: AI_ID, endpoint: AI_ENDPOINT });
}

function expectAiServicesBody(json: any): void {
  const conn = Object.values(ofType(json, 'azapi_resource')).find((r: any) => r.type.includes('/connections@')) as any;
  expect(conn.body).toEqual({
    properties: { category: 'AIServices', target: AI_ENDPOINT, authType: 'AAD', isSharedToAll: true, metadata: { ApiType: 'Azure', ResourceId: AI_ID } },
  });
  expect(conn.parent_id).toMatch(/^\$\{azurerm_ai_foundry\.[\w]+\.id\}$|^\$\{azapi_resource\.[\w]+\.id\}$/);
}

describe('Hub: AVM examples', () => {
  test('default_ai_hub: brought storage and key vault, no managed network, public, with an AI Services connection', () => {
    const stack = providerStack('default-ai-hub');
    const hub = new Hub(stack, 'AiHub', {
      resourceGroup: RG,
      storageAccount: StorageAccount.fromStorageAccountId(stack, 'Storage', STORAGE_ID),
      keyVault: KeyVault.fromKeyVaultId(stack, 'KeyVault', KV_ID),
      friendlyName: 'AI Studio Hub',
      publicNetworkAccessEnabled: true,
      managedNetwork: { isolationMode: ManagedNetworkIsolation.DISABLED },
      containerRegistry: WorkspaceContainerRegistry.none(),
      tags: { scenario: 'default AI Hub' },
    });
    aiServicesConnection(stack, hub);
    const json = synth(stack);
    const foundry = only(json, 'azurerm_ai_foundry');
    expect(foundry).toMatchObject({
      location: 'westeurope',
      resource_group_name: 'rg-ai',
      storage_account_id: STORAGE_ID,
      key_vault_id: KV_ID,
      friendly_name: 'AI Studio Hub',
      public_network_access: 'Enabled',
      high_business_impact_enabled: false,
      managed_network: { isolation_mode: 'Disabled' },
      identity: { type: 'SystemAssigned' },
      tags: { scenario: 'default AI Hub' },
    });
    expect(foundry.container_registry_id).toBeUndefined();
    expect(foundry.name).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/);
    expect(foundry.lifecycle).toEqual({ prevent_destroy: true });
    expect(ofType(json, 'azurerm_storage_account')).toEqual({});
    expect(ofType(json, 'azurerm_key_vault')).toEqual({});
    expectAiServicesBody(json);
    // The hub's identity may use the AI Services account.
    const grants = Object.values(ofType(json, 'azurerm_role_assignment')).map((g: any) => `${g.role_definition_name}@${g.scope}`);
    expect(grants.sort()).toEqual([`Cognitive Services OpenAI User@${AI_ID}`, `Cognitive Services User@${AI_ID}`]);
    // Identity-based system datastores through azapi (azurerm_ai_foundry lacks the property).
    expect(only(json, 'azapi_update_resource')).toMatchObject({ type: WS_TYPE, body: { properties: { systemDatastoresAuthMode: 'Identity' } } });
  });

  test('ai_hub_managed_key_vault: a Microsoft-managed key vault makes the hub an azapi workspace of kind Hub without keyVault', () => {
    const stack = providerStack('managed-kv');
    const hub = new Hub(stack, 'AiHub', {
      resourceGroup: ResourceGroupRef.fromId(RG_ID, 'westeurope'),
      microsoftManagedKeyVault: true,
      storageAccount: StorageAccount.fromStorageAccountId(stack, 'Storage', STORAGE_ID),
      friendlyName: 'AI Studio Hub',
      publicNetworkAccessEnabled: true,
      managedNetwork: { isolationMode: ManagedNetworkIsolation.DISABLED },
      containerRegistry: WorkspaceContainerRegistry.none(),
      tags: { scenario: 'AI Hub with Managed Key Vault' },
    });
    aiServicesConnection(stack, hub);
    const json = synth(stack);
    expect(ofType(json, 'azurerm_ai_foundry')).toEqual({});
    expect(ofType(json, 'azurerm_key_vault')).toEqual({});
    const ws = Object.values(ofType(json, 'azapi_resource')).find((r: any) => r.type === WS_TYPE) as any;
    expect(ws).toMatchObject({ parent_id: RG_ID, location: 'westeurope', identity: [{ type: 'SystemAssigned' }], tags: { scenario: 'AI Hub with Managed Key Vault' } });
    expect(ws.body.kind).toBe('Hub');
    expect(ws.body.properties).toEqual({
      friendlyName: 'AI Studio Hub',
      storageAccount: STORAGE_ID,
      applicationInsights: expect.stringMatching(/^\$\{azurerm_application_insights\./),
      publicNetworkAccess: 'Enabled',
      hbiWorkspace: false,
      managedNetwork: { isolationMode: 'Disabled' },
      systemDatastoresAuthMode: 'Identity',
    });
    expect(ws.body.properties.keyVault).toBeUndefined();
    expect(hub.keyVault).toBeUndefined();
    expectAiServicesBody(json);
  });

  test('hub_and_projects: a hub with two projects, each with its own system identity and friendly name', () => {
    const stack = providerStack('hub-and-projects');
    const hub = new Hub(stack, 'AiHub', {
      resourceGroup: RG,
      storageAccount: StorageAccount.fromStorageAccountId(stack, 'Storage', STORAGE_ID),
      keyVault: KeyVault.fromKeyVaultId(stack, 'KeyVault', KV_ID),
      friendlyName: 'AI Studio Hub',
      publicNetworkAccessEnabled: true,
      managedNetwork: { isolationMode: ManagedNetworkIsolation.DISABLED },
      tags: { scenario: 'AI Hub and Projects' },
    });
    aiServicesConnection(stack, hub);
    const projects = { init: 'First Project', additional: 'Another Project' };
    for (const [key, friendlyName] of Object.entries(projects)) {
      hub.addProject(key, { friendlyName, identity: WorkspaceIdentity.systemAssigned(), highBusinessImpact: false });
    }
    const json = synth(stack);
    const hubAddress = Object.keys(ofType(json, 'azurerm_ai_foundry'))[0];
    const created = Object.values(ofType(json, 'azurerm_ai_foundry_project')) as any[];
    expect(created.map(p => p.friendly_name).sort()).toEqual(['Another Project', 'First Project']);
    for (const p of created) {
      expect(p).toMatchObject({
        ai_services_hub_id: `\${azurerm_ai_foundry.${hubAddress}.id}`,
        location: 'westeurope',
        identity: { type: 'SystemAssigned' },
        high_business_impact_enabled: false,
        lifecycle: { prevent_destroy: true },
      });
    }
    expect(new Set(created.map(p => p.name)).size).toBe(2);
    // The hub creates a registry as Workspace does (AVM's module leaves it to the service).
    expect(Object.keys(ofType(json, 'azurerm_container_registry'))).toHaveLength(1);
  });

  test('private_ai_hub: private hub with brought private dependencies, approved-outbound network and a private endpoint', () => {
    const stack = providerStack('private-ai-hub');
    const subnet = Subnet.fromSubnetId(stack, 'PeSubnet', SUBNET_ID, 'westeurope');
    const hub = new Hub(stack, 'AiHub', {
      resourceGroup: RG,
      storageAccount: StorageAccount.fromStorageAccountAttributes(stack, 'Storage', { storageAccountId: STORAGE_ID, openToAllNetworks: false }),
      keyVault: KeyVault.fromKeyVaultAttributes(stack, 'KeyVault', { keyVaultId: KV_ID, openToAllNetworks: false }),
      containerRegistry: WorkspaceContainerRegistry.existing(ContainerRegistry.fromContainerRegistryId(stack, 'Registry', ACR_ID)),
      friendlyName: 'Private AI Studio Hub',
      publicNetworkAccessEnabled: false,
      managedNetwork: { isolationMode: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND },
      tags: { scenario: 'Private AI Hub' },
    });
    hub.addPrivateEndpoint({ subnet, dns: PrivateDns.createZones() });
    aiServicesConnection(stack, hub);
    const json = synth(stack);
    expect(only(json, 'azurerm_ai_foundry')).toMatchObject({
      public_network_access: 'Disabled',
      container_registry_id: ACR_ID,
      managed_network: { isolation_mode: 'AllowOnlyApprovedOutbound' },
      friendly_name: 'Private AI Studio Hub',
    });
    const pe = only(json, 'azurerm_private_endpoint');
    expect(pe.subnet_id).toBe(SUBNET_ID);
    expect(pe.private_service_connection).toMatchObject({ subresource_names: ['amlworkspace'], is_manual_connection: false });
    const zones = Object.values(ofType(json, 'azurerm_private_dns_zone')).map((z: any) => z.name).sort();
    expect(zones).toEqual(['privatelink.api.azureml.ms', 'privatelink.notebooks.azure.net']);
    expectAiServicesBody(json);
    expect(warningsOf(hub, true).join('\n')).not.toMatch(/AZML-HUB-001/);
  });
});

describe('Hub: created dependencies, identity, grants', () => {
  test('creates storage, key vault, Application Insights, Log Analytics and registry like Workspace, and warns about public access', () => {
    const stack = providerStack('created');
    const hub = new Hub(stack, 'AiHub', { resourceGroup: RG });
    const json = synth(stack);
    for (const type of ['azurerm_storage_account', 'azurerm_key_vault', 'azurerm_application_insights', 'azurerm_log_analytics_workspace', 'azurerm_container_registry']) {
      expect(Object.keys(ofType(json, type))).toHaveLength(1);
    }
    const foundry = only(json, 'azurerm_ai_foundry');
    expect(foundry.storage_account_id).toMatch(/^\$\{azurerm_storage_account\.\w+\.id\}$/);
    expect(foundry.key_vault_id).toMatch(/^\$\{azurerm_key_vault\.\w+\.id\}$/);
    expect(foundry.application_insights_id).toMatch(/^\$\{azurerm_application_insights\.\w+\.id\}$/);
    expect(foundry.container_registry_id).toMatch(/^\$\{azurerm_container_registry\.\w+\.id\}$/);
    expect(foundry.managed_network).toEqual({ isolation_mode: 'AllowInternetOutbound' });
    expect(only(json, 'azurerm_key_vault').public_network_access_enabled).toBe(false);
    expect(Object.keys(ofType(json, 'azurerm_monitor_diagnostic_setting')).length).toBeGreaterThanOrEqual(2);
    expect(warningsOf(hub).join('\n')).toMatch(/\[AZML-HUB-001\].*publicNetworkAccessEnabled: false/);
  });

  test('grants the hub roles: Azure AI Developer, Azure AI Administrator, and Data Scientist with the storage data roles', () => {
    const stack = providerStack('grants');
    const hub = new Hub(stack, 'AiHub', { resourceGroup: RG, publicNetworkAccessEnabled: true });
    const team = Principal.group('aaaaaaaa-0000-0000-0000-000000000001', { key: 'team' });
    const admins = Principal.group('aaaaaaaa-0000-0000-0000-000000000002', { key: 'admins' });
    hub.grantAiDeveloper(team);
    hub.grantDataScientist(team);
    hub.grantAiAdministrator(admins);
    const json = synth(stack);
    const grants = Object.values(ofType(json, 'azurerm_role_assignment')).map((g: any) => `${g.role_definition_name}:${g.principal_id}:${g.scope.split('.')[0]}`).sort();
    expect(grants).toEqual([
      'Azure AI Administrator:aaaaaaaa-0000-0000-0000-000000000002:${azurerm_ai_foundry',
      'Azure AI Developer:aaaaaaaa-0000-0000-0000-000000000001:${azurerm_ai_foundry',
      'AzureML Data Scientist:aaaaaaaa-0000-0000-0000-000000000001:${azurerm_ai_foundry',
      'Storage Blob Data Contributor:aaaaaaaa-0000-0000-0000-000000000001:${azurerm_storage_account',
      'Storage File Data Privileged Contributor:aaaaaaaa-0000-0000-0000-000000000001:${azurerm_storage_account',
    ]);
  });

  test('a user-assigned identity gets its roles on the dependencies before the hub, and CMK encryption', () => {
    const stack = providerStack('uai');
    const uai = UserAssignedIdentityRef.fromAttributes({
      identityId: `${RG_ID}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-hub`, principalId: 'bbbbbbbb-0000-0000-0000-000000000001', clientId: 'cccccccc-0000-0000-0000-000000000001', key: 'hub-id',
    });
    new Hub(stack, 'AiHub', {
      resourceGroup: RG,
      publicNetworkAccessEnabled: true,
      identity: WorkspaceIdentity.userAssigned(uai),
      encryption: {
        keyVault: KeyVault.fromKeyVaultAttributes(stack, 'Cmk', { keyVaultId: `${RG_ID}/providers/Microsoft.KeyVault/vaults/kv-cmk`, purgeProtectionEnabled: true }),
        keyId: 'https://kv-cmk.vault.azure.net/keys/hub/0123456789abcdef',
      },
    });
    const json = synth(stack);
    const foundry = only(json, 'azurerm_ai_foundry');
    expect(foundry.identity).toEqual({ type: 'UserAssigned', identity_ids: [uai.identityId] });
    expect(foundry.primary_user_assigned_identity).toBe(uai.identityId);
    expect(foundry.encryption).toEqual({
      key_vault_id: `${RG_ID}/providers/Microsoft.KeyVault/vaults/kv-cmk`, key_id: 'https://kv-cmk.vault.azure.net/keys/hub/0123456789abcdef', user_assigned_identity_id: uai.identityId,
    });
    expect(foundry.depends_on.length).toBeGreaterThanOrEqual(7);
    const roles = Object.values(ofType(json, 'azurerm_role_assignment')).map((g: any) => g.role_definition_name);
    expect(roles).toEqual(expect.arrayContaining(['Key Vault Crypto Service Encryption User', 'Storage Blob Data Contributor', 'Key Vault Secrets Officer', 'Azure AI Administrator']));
    // Least privilege by default (issue 12 item 11): neither Key Vault Administrator nor Contributor.
    expect(roles).not.toContain('Key Vault Administrator');
    expect(roles).not.toContain('Contributor');
  });

  test('provisionOnCreation goes through the azapi settings update (azurerm_ai_foundry lacks it)', () => {
    const stack = providerStack('provision');
    new Hub(stack, 'AiHub', {
      resourceGroup: RG,
      publicNetworkAccessEnabled: true,
      identityBasedSystemDatastores: false,
      managedNetwork: { isolationMode: ManagedNetworkIsolation.ALLOW_INTERNET_OUTBOUND, provisionOnCreation: true },
    });
    const json = synth(stack);
    expect(only(json, 'azapi_update_resource').body).toEqual({ properties: { provisionNetworkNow: true } });
  });
});

describe('Hub: bad input', () => {
  test('project-only settings on a hub, and workspace-only settings', () => {
    const stack = providerStack('bad');
    expect(() => new Hub(stack, 'A', { resourceGroup: RG, hub: {} } as any))
      .toThrow(/bad\/A: `hub` only apply to projects: a hub has no hub\. Create the project with `hub\.addProject/);
    expect(() => new Hub(stack, 'B', { resourceGroup: RG, kind: WorkspaceKind.DEFAULT } as any))
      .toThrow(/bad\/B: `kind` are not settings of a hub/);
  });

  test('a Microsoft-managed key vault and a key vault together', () => {
    const stack = providerStack('bad');
    expect(() => new Hub(stack, 'A', { resourceGroup: RG, microsoftManagedKeyVault: true, keyVault: KeyVault.fromKeyVaultId(stack, 'Kv', KV_ID) }))
      .toThrow(/`microsoftManagedKeyVault` is true but a `keyVault` was given too/);
  });

  test('a private hub with open brought dependencies, and serviceSideEncryption', () => {
    const stack = providerStack('bad');
    expect(() => new Hub(stack, 'A', {
      resourceGroup: RG,
      publicNetworkAccessEnabled: false,
      storageAccount: StorageAccount.fromStorageAccountAttributes(stack, 'St', { storageAccountId: STORAGE_ID, openToAllNetworks: true }),
    })).toThrow(/the hub is private \(publicNetworkAccessEnabled: false\) but these dependencies are open to public networks: bad\/St/);
    expect(() => new Hub(stack, 'B', {
      resourceGroup: RG,
      encryption: { keyVault: KeyVault.fromKeyVaultId(stack, 'Kv', KV_ID), keyId: 'https://kv.vault.azure.net/keys/k/1', serviceSideEncryption: true },
    })).toThrow(/`encryption.serviceSideEncryption` is not available on hubs/);
  });

  test('Workspace refuses the Hub and Project kinds, naming the construct to use', () => {
    const stack = providerStack('bad');
    expect(() => new Workspace(stack, 'Ws', { resourceGroup: RG, kind: WorkspaceKind.HUB }))
      .toThrow(/bad\/Ws: kind 'Hub' is built with the Hub construct.*new Hub\(scope, id, props\)/);
    expect(() => new Workspace(stack, 'Ws2', { resourceGroup: RG, kind: WorkspaceKind.PROJECT }))
      .toThrow(/bad\/Ws2: kind 'Project' is built with the Project construct.*new Project\(scope, id, \{ hub \}\)/);
    expect(() => new Workspace(stack, 'Ws3', { resourceGroup: RG, hub: Hub.fromHubId(stack, 'H', `${RG_ID}/providers/Microsoft.MachineLearningServices/workspaces/hub`) } as any))
      .toThrow(/bad\/Ws3: `hub` only applies to projects/);
  });

  test('Project needs a hub (covered with the project tests) and the projects attach to IHub', () => {
    const stack = providerStack('bad');
    expect(() => new Project(stack, 'P', {} as any)).toThrow(/bad\/P: a project needs a hub/);
  });
});

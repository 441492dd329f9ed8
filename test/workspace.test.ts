// Workspace: secure defaults, bring-your-own dependencies, identities, CMK, protection, grants and bad input.
import { createHash } from 'crypto';
import { ApplicationInsights as AzurermApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { ContainerRegistry as AzurermContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { KeyVault as AzurermKeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { StorageAccount as AzurermStorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { TerraformStack, Testing } from 'cdktf';
import {
  ApplicationInsights,
  ContainerRegistry,
  KeyVault,
  LogAnalyticsWorkspace,
  ManagedNetworkIsolation,
  Principal,
  RemovalPolicy,
  ResourceGroupRef,
  StorageAccount,
  StorageReplication,
  UserAssignedIdentityRef,
  Workspace,
  WorkspaceContainerRegistry,
  WorkspaceIdentity,
  WorkspaceIdentityRoles,
  WorkspaceKind,
  WorkspaceProps,
} from '../src';
import { planValue } from './support/plan-names';
import { AZAPI_FORCE_NEW, FORCE_NEW_ATTRIBUTES, findReplacements } from './support/replacement';
import { expectConformant, ofType, only, providerStack, resolved, synthJson, warningsOf } from './support/synth';
import { onlyWorkspace, WORKSPACE_TYPE, workspaceAddress, workspacesOf } from './support/workspace-l1';
import { NAME_RULES } from '../src/core/naming';

const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers';
const STORAGE_ID = `${SUB}/Microsoft.Storage/storageAccounts/stshared`;
const VAULT_ID = `${SUB}/Microsoft.KeyVault/vaults/kv-shared`;
const APPI_ID = `${SUB}/Microsoft.Insights/components/appi-shared`;
const ACR_ID = `${SUB}/Microsoft.ContainerRegistry/registries/acrshared`;
const UAI_ID = `${SUB}/Microsoft.ManagedIdentity/userAssignedIdentities/id-ml`;
const KEY_ID = 'https://kv-cmk.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef';

/** Synthesizes a stack with one workspace `Ml`. */
function synthWorkspace(props: Partial<WorkspaceProps> = {}, stack = providerStack('test')): { json: any; ws: Workspace; stack: TerraformStack } {
  const ws = new Workspace(stack, 'Ml', { resourceGroup: RG, ...props });
  const json = synthJson(stack);
  expectConformant(json);
  return { json, ws, stack };
}

function address(json: any, type: string): string {
  const names = Object.keys(ofType(json, type));
  expect(names).toHaveLength(1);
  return `${type}.${names[0]}`;
}

function roleAssignments(json: any): any[] {
  return Object.values(ofType(json, 'azurerm_role_assignment'));
}

/** A GUID-shaped object ID derived from a key (object IDs are checked to be GUIDs). */
function principalOf(key: string): string {
  const hex = createHash('md5').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function uai(key = 'id-ml', id = UAI_ID) {
  return UserAssignedIdentityRef.fromAttributes({ identityId: id, principalId: principalOf(key), clientId: `${key}-client`, key });
}

describe('Workspace', () => {
  describe('secure defaults', () => {
    const { json, ws, stack } = synthWorkspace();
    const workspace = onlyWorkspace(json);
    const resolve = (value: unknown) => resolved(stack, value);

    test('the workspace attributes', () => {
      expect(workspace).toMatchObject({
        type: WORKSPACE_TYPE,
        location: 'westeurope',
        parent_id: expect.stringMatching(/^\/subscriptions\/\$\{data\.azurerm_client_config\..+\.subscription_id\}\/resourceGroups\/rg-ml$/),
        identity: [{ type: 'SystemAssigned' }],
        lifecycle: { prevent_destroy: true },
      });
      expect(workspace.body).toMatchObject({
        kind: 'Default',
        sku: { name: 'Basic', tier: 'Basic' },
        properties: {
          publicNetworkAccess: 'Enabled',
          hbiWorkspace: false,
          v1LegacyMode: false,
          // Born in identity mode: the storage account needs no keys, from the first apply on.
          systemDatastoresAuthMode: 'Identity',
          managedNetwork: { isolationMode: 'AllowInternetOutbound' },
        },
      });
      expect(workspace.name).toMatch(NAME_RULES.workspace.pattern);
      expect(workspace.body.properties.encryption).toBeUndefined();
      expect(workspace.body.properties.provisionNetworkNow).toBeUndefined();
      expect(workspace.body.properties.primaryUserAssignedIdentity).toBeUndefined();
      // What Azure cannot change in place replaces the workspace instead of failing the apply.
      expect(workspace.replace_triggers_refs).toEqual(expect.arrayContaining([
        'properties.storageAccount', 'properties.keyVault', 'properties.hbiWorkspace', 'properties.encryption',
      ]));
    });

    test('creates and wires storage, key vault, Application Insights and registry', () => {
      expect(workspace.body.properties).toMatchObject({
        storageAccount: `\${${address(json, 'azurerm_storage_account')}.id}`,
        keyVault: `\${${address(json, 'azurerm_key_vault')}.id}`,
        applicationInsights: `\${${address(json, 'azurerm_application_insights')}.id}`,
        containerRegistry: `\${${address(json, 'azurerm_container_registry')}.id}`,
      });
      expect(only(json, 'azurerm_application_insights').workspace_id).toBe(`\${${address(json, 'azurerm_log_analytics_workspace')}.id}`);
    });

    test('storage: Standard StorageV2 without HNS, no shared keys, CORS rules Azure ML writes, zone-redundant', () => {
      const storage = only(json, 'azurerm_storage_account');
      expect(storage).toMatchObject({
        account_kind: 'StorageV2',
        account_tier: 'Standard',
        account_replication_type: 'GZRS',
        is_hns_enabled: false,
        https_traffic_only_enabled: true,
        min_tls_version: 'TLS1_2',
        allow_nested_items_to_be_public: false,
        cross_tenant_replication_enabled: false,
        infrastructure_encryption_enabled: true,
        // The workspace is created in identity mode: the account refuses shared keys from the first apply on.
        shared_access_key_enabled: false,
        default_to_oauth_authentication: true,
        public_network_access_enabled: true,
        lifecycle: { prevent_destroy: true },
      });
      expect(storage.sas_policy).toBeUndefined();
      expect(storage.blob_properties.delete_retention_policy.days).toBeGreaterThanOrEqual(7);
      expect(storage.blob_properties.container_delete_retention_policy.days).toBeGreaterThanOrEqual(7);
      expect(storage.blob_properties.cors_rule[0].allowed_origins).toContain('https://ml.azure.com');
    });

    test('key vault: RBAC, purge protection, 90-day soft delete, closed except AzureServices, tenant from client config', () => {
      const vault = only(json, 'azurerm_key_vault');
      expect(vault).toMatchObject({
        rbac_authorization_enabled: true,
        purge_protection_enabled: true,
        soft_delete_retention_days: 90,
        public_network_access_enabled: false,
        network_acls: { default_action: 'Deny', bypass: 'AzureServices' },
        lifecycle: { prevent_destroy: true },
      });
      expect(vault.tenant_id).toMatch(/^\$\{data\.azurerm_client_config\..+\.tenant_id\}$/);
    });

    test('registry: Premium, no admin user, no anonymous pull, retained', () => {
      expect(only(json, 'azurerm_container_registry')).toMatchObject({
        sku: 'Premium', admin_enabled: false, anonymous_pull_enabled: false, lifecycle: { prevent_destroy: true },
      });
    });

    test('Log Analytics and Application Insights are retained', () => {
      expect(only(json, 'azurerm_log_analytics_workspace').lifecycle).toEqual({ prevent_destroy: true });
      expect(only(json, 'azurerm_application_insights').lifecycle).toEqual({ prevent_destroy: true });
    });

    test('one resource creates the workspace in its final state: no azapi_update_resource follows it', () => {
      expect(ofType(json, 'azapi_update_resource')).toEqual({});
      expect(Object.keys(ofType(json, 'azurerm_machine_learning_workspace'))).toEqual([]);
    });

    test('diagnostic settings on the workspace and the vault go to the Log Analytics workspace', () => {
      const law = `\${${address(json, 'azurerm_log_analytics_workspace')}.id}`;
      const targets = Object.values(ofType(json, 'azurerm_monitor_diagnostic_setting')).map((d: any) => {
        expect(d.log_analytics_workspace_id).toBe(law);
        expect(d.enabled_log).toEqual([{ category_group: 'allLogs' }]);
        return d.target_resource_id;
      });
      expect(targets.sort()).toEqual([
        `\${${address(json, 'azurerm_key_vault')}.id}`,
        `\${${workspaceAddress(json)}.id}`,
      ].sort());
    });

    test('no role assignments or locks by default', () => {
      expect(ofType(json, 'azurerm_role_assignment')).toEqual({});
      expect(ofType(json, 'azurerm_management_lock')).toEqual({});
    });

    test('warns that the workspace is public and says how to close it', () => {
      expect(warningsOf(ws)).toEqual([expect.stringContaining('publicNetworkAccessEnabled: false')]);
    });

    test('the storage and registry it opens do not repeat that warning; monitoring keeps its own', () => {
      const all = warningsOf(ws, true);
      expect(all.filter(w => /accepts traffic from any network/.test(w))).toEqual([]);
      expect(all).toHaveLength(3); // the workspace, Log Analytics and Application Insights (no Private Link Scope)
      expect(all.filter(w => /Private Link Scope/.test(w))).toHaveLength(2);
    });

    test('attributes', () => {
      const wsAddress = workspaceAddress(json);
      expect(resolve(ws.workspaceId)).toBe(`\${${wsAddress}.id}`);
      expect(ws.workspaceName).toBe(workspace.name);
      expect(resolve(ws.discoveryUrl)).toBe(`\${${wsAddress}.output.properties.discoveryUrl}`);
      expect(resolve(ws.workspaceGuid)).toBe(`\${${wsAddress}.output.properties.workspaceId}`);
      expect(workspace.response_export_values).toEqual(['properties.discoveryUrl', 'properties.workspaceId']);
      expect(resolve(ws.systemAssignedIdentity?.principalId)).toBe(`\${${wsAddress}.identity[0].principal_id}`);
      expect(ws.resourceGroupName).toBe('rg-ml');
      expect(ws.location).toBe('westeurope');
      expect(ws.managedNetworkIsolation).toBe(ManagedNetworkIsolation.ALLOW_INTERNET_OUTBOUND);
      expect(resolve(ws.storageAccount?.storageAccountId)).toBe(`\${${address(json, 'azurerm_storage_account')}.id}`);
      expect(resolve(ws.keyVault?.keyVaultId)).toBe(`\${${address(json, 'azurerm_key_vault')}.id}`);
      expect(resolve(ws.applicationInsights?.applicationInsightsId)).toBe(`\${${address(json, 'azurerm_application_insights')}.id}`);
      expect(resolve(ws.containerRegistry?.containerRegistryId)).toBe(`\${${address(json, 'azurerm_container_registry')}.id}`);
      expect(ws.node.defaultChild).toBe(ws.resource);
    });

    test('conforms to the provider schemas and ARM types', () => {
      expectConformant(json);
    });
  });

  test('generated names are valid for every resource type, even for long construct paths', () => {
    const stack = providerStack('test');
    const { json } = synthWorkspace({}, stack);
    new Workspace(stack, 'A-Very_Long.Construct-Id-For-The-Machine-Learning-Workspace-0123456789', { resourceGroup: RG });
    const long = synthJson(stack);
    for (const doc of [json, long]) {
      const check = (type: string, pattern: RegExp) => {
        for (const r of Object.values(ofType(doc, type))) expect(planValue((r as any).name)).toMatch(pattern);
      };
      for (const r of Object.values(workspacesOf(doc))) expect(planValue((r as any).name)).toMatch(NAME_RULES.workspace.pattern);
      check('azurerm_storage_account', NAME_RULES.storageAccount.pattern);
      check('azurerm_key_vault', NAME_RULES.keyVault.pattern);
      check('azurerm_container_registry', NAME_RULES.containerRegistry.pattern);
      check('azurerm_log_analytics_workspace', NAME_RULES.logAnalyticsWorkspace.pattern);
      check('azurerm_application_insights', NAME_RULES.applicationInsights.pattern);
    }
    expect(Object.keys(workspacesOf(long))).toHaveLength(2);
    expectConformant(long);
  });

  test('publicNetworkAccessEnabled: false closes the workspace and the storage, vault and registry it created', () => {
    const { json, ws } = synthWorkspace({ publicNetworkAccessEnabled: false, privateEndpointsManagedElsewhere: true });
    expect(onlyWorkspace(json).body.properties.publicNetworkAccess).toBe('Disabled');
    expect(only(json, 'azurerm_storage_account')).toMatchObject({
      public_network_access_enabled: false,
      network_rules: { default_action: 'Deny', bypass: ['AzureServices'] },
    });
    expect(only(json, 'azurerm_key_vault').public_network_access_enabled).toBe(false);
    expect(only(json, 'azurerm_container_registry')).toMatchObject({ public_network_access_enabled: false, export_policy_enabled: false });
    expect(warningsOf(ws)).toEqual([]);
    expectConformant(json);
  });

  test('identityBasedSystemDatastores: false creates the workspace in key mode and keeps account keys on with a SAS policy', () => {
    const { json } = synthWorkspace({ identityBasedSystemDatastores: false });
    expect(onlyWorkspace(json).body.properties.systemDatastoresAuthMode).toBe('AccessKey');
    expect(only(json, 'azurerm_storage_account')).toMatchObject({
      shared_access_key_enabled: true,
      sas_policy: { expiration_period: '00.04:00:00', expiration_action: 'Log' },
    });
    expectConformant(json);
  });

  test('storageSharedKeyAccess: true turns keys on (with the SAS expiry policy) on the created account, in place', () => {
    const before = synthWorkspace({}).json;
    const after = synthWorkspace({ storageSharedKeyAccess: true }).json;
    expect(only(after, 'azurerm_storage_account')).toMatchObject({
      shared_access_key_enabled: true,
      sas_policy: { expiration_period: '00.04:00:00', expiration_action: 'Log' },
    });
    expect(onlyWorkspace(after).body.properties.systemDatastoresAuthMode).toBe('Identity');
    expect(findReplacements(before, after)).toEqual({ added: [], removed: [], replaced: [] });
    expectConformant(after);
  });

  test('turning identity-based system datastores off or on is a real in-place update of the workspace (#12 item 10)', () => {
    const identity = synthWorkspace({}).json;
    const keys = synthWorkspace({ identityBasedSystemDatastores: false }).json;
    // The mode is a property of the workspace body: Terraform updates it (in place) in both directions.
    expect(onlyWorkspace(identity).body.properties.systemDatastoresAuthMode).toBe('Identity');
    expect(onlyWorkspace(keys).body.properties.systemDatastoresAuthMode).toBe('AccessKey');
    expect(onlyWorkspace(keys).replace_triggers_refs).not.toContain('properties.systemDatastoresAuthMode');
    // The storage account follows: keys come back on with the workspace in key mode, in place.
    expect(only(keys, 'azurerm_storage_account').shared_access_key_enabled).toBe(true);
    for (const [a, b] of [[identity, keys], [keys, identity]]) {
      expect(findReplacements(a, b, { ...FORCE_NEW_ATTRIBUTES, ...AZAPI_FORCE_NEW })).toEqual({ added: [], removed: [], replaced: [] });
    }
  });

  test('a keys-off account warns (AZML-ST-002) unless the stack\'s azurerm provider sets storageUseAzuread: true', () => {
    const warned = (provider: { storageUseAzuread?: boolean } | undefined, props: Partial<WorkspaceProps> = {}) => {
      const stack = new TerraformStack(Testing.app(), 'test');
      const ws = new Workspace(stack, 'Ml', { resourceGroup: RG, ...props });
      // Declared after the workspace, as often happens: the warning is decided at synthesis.
      if (provider) new AzurermProvider(stack, 'azurerm', { features: [{}], ...provider });
      return warningsOf(ws, true).filter(w => w.startsWith('[AZML-ST-002]'));
    };
    expect(warned({})).toEqual([expect.stringContaining('Set `storageUseAzuread: true` on the AzurermProvider')]);
    expect(warned({ storageUseAzuread: false })).toHaveLength(1);
    expect(warned(undefined)).toHaveLength(1);
    expect(warned({ storageUseAzuread: true })).toEqual([]);
    // Keys on (asked for, or key-mode datastores): the provider may use keys.
    expect(warned({}, { storageSharedKeyAccess: true })).toEqual([]);
    expect(warned({}, { identityBasedSystemDatastores: false })).toEqual([]);
  });

  test('storageSharedKeyAccess: false needs identity-based system datastores and a created account', () => {
    expect(() => synthWorkspace({ storageSharedKeyAccess: false, identityBasedSystemDatastores: false }))
      .toThrow(/storageSharedKeyAccess is false but identityBasedSystemDatastores is false.*turn on identityBasedSystemDatastores/);
    const stack = providerStack('test');
    expect(() => synthWorkspace({ storageSharedKeyAccess: false, storageAccount: StorageAccount.fromStorageAccountId(stack, 'S', STORAGE_ID) }, stack))
      .toThrow(/storageSharedKeyAccess applies to the storage account the workspace creates/);
  });

  test('storageReplication is passed to the created storage account', () => {
    const { json } = synthWorkspace({ storageReplication: StorageReplication.RAGRS });
    expect(only(json, 'azurerm_storage_account').account_replication_type).toBe('RAGRS');
  });

  describe('identity', () => {
    test('user-assigned: primary identity, identity_ids and the role assignments Azure ML needs, created before the workspace', () => {
      const extra = uai('id-extra', `${SUB}/Microsoft.ManagedIdentity/userAssignedIdentities/id-extra`);
      const { json, ws } = synthWorkspace({ identity: WorkspaceIdentity.userAssigned(uai(), [extra]) });
      const workspace = onlyWorkspace(json);
      expect(workspace.identity).toEqual([{ type: 'UserAssigned', identity_ids: [UAI_ID, extra.identityId] }]);
      expect(workspace.body.properties.primaryUserAssignedIdentity).toBe(UAI_ID);
      expect(ws.systemAssignedIdentity).toBeUndefined();
      expect(ws.primaryUserAssignedIdentity?.identityId).toBe(UAI_ID);

      const ref = (type: string) => `\${${address(json, type)}.id}`;
      const granted = roleAssignments(json).map(r => {
        expect(r.principal_id).toBe(principalOf('id-ml'));
        expect(r.principal_type).toBe('ServicePrincipal');
        expect(r.skip_service_principal_aad_check).toBe(true);
        return `${r.role_definition_name} on ${r.scope}`;
      });
      // Least privilege (issue 12 item 11): Azure AI Administrator instead of Contributor, Key Vault Secrets Officer
      // instead of Key Vault Administrator; the storage data roles because system datastores are identity-based.
      expect(granted.sort()).toEqual([
        `Azure AI Administrator on ${ref('azurerm_storage_account')}`,
        `Storage Blob Data Contributor on ${ref('azurerm_storage_account')}`,
        `Storage File Data Privileged Contributor on ${ref('azurerm_storage_account')}`,
        `Azure AI Administrator on ${ref('azurerm_key_vault')}`,
        `Key Vault Secrets Officer on ${ref('azurerm_key_vault')}`,
        `Azure AI Administrator on ${ref('azurerm_container_registry')}`,
        `Azure AI Administrator on ${ref('azurerm_application_insights')}`,
        `Azure AI Administrator on \${${workspaceAddress(json)}.id}`,
      ].sort());

      // The workspace waits for the assignments on its dependencies; the one on itself comes after it (no cycle).
      const assignments = ofType(json, 'azurerm_role_assignment');
      const onWorkspace = Object.keys(assignments).filter(k => assignments[k].scope === `\${${workspaceAddress(json)}.id}`);
      const onDependencies = Object.keys(assignments).filter(k => !onWorkspace.includes(k));
      expect(onWorkspace).toHaveLength(1);
      expect([...workspace.depends_on].sort()).toEqual(onDependencies.map(k => `azurerm_role_assignment.${k}`).sort());
      expectConformant(json);
    });

    test('identityRoles: MICROSOFT_TABLE grants Microsoft\'s user-assigned identity table; key-based datastores drop the storage data roles by default', () => {
      const table = synthWorkspace({ identity: WorkspaceIdentity.userAssigned(uai()), identityRoles: WorkspaceIdentityRoles.MICROSOFT_TABLE });
      const tableRoles = roleAssignments(table.json).map(r => r.role_definition_name).sort();
      expect(tableRoles).toEqual([
        'Contributor', 'Contributor', 'Contributor', 'Contributor', 'Contributor',
        'Key Vault Administrator', 'Storage Blob Data Contributor', 'Storage File Data Privileged Contributor',
      ]);
      const keyBased = synthWorkspace({ identity: WorkspaceIdentity.userAssigned(uai()), identityBasedSystemDatastores: false });
      expect(roleAssignments(keyBased.json).map(r => r.role_definition_name).sort()).toEqual([
        'Azure AI Administrator', 'Azure AI Administrator', 'Azure AI Administrator', 'Azure AI Administrator', 'Azure AI Administrator',
        'Key Vault Secrets Officer',
      ]);
      const keyBasedTable = synthWorkspace({
        identity: WorkspaceIdentity.userAssigned(uai()), identityBasedSystemDatastores: false, identityRoles: WorkspaceIdentityRoles.MICROSOFT_TABLE,
      });
      expect(roleAssignments(keyBasedTable.json).map(r => r.role_definition_name)).toContain('Storage Blob Data Contributor');
    });

    test('system- and user-assigned: both, the system principal is exposed as a grantee', () => {
      const { json, ws, stack } = synthWorkspace({ identity: WorkspaceIdentity.systemAndUserAssigned(uai()) });
      const workspace = onlyWorkspace(json);
      expect(workspace.identity).toEqual([{ type: 'SystemAssigned, UserAssigned', identity_ids: [UAI_ID] }]);
      expect(workspace.body.properties.primaryUserAssignedIdentity).toBe(UAI_ID);
      expect(resolved(stack, ws.systemAssignedIdentity?.principalId)).toMatch(/^\$\{azapi_resource\..+\.identity\[0\]\.principal_id\}$/);
      expect(roleAssignments(json)).toHaveLength(8);
    });

    test('identities from azurerm_user_assigned_identity resources', () => {
      const stack = providerStack('test');
      const id = new UserAssignedIdentity(stack, 'Identity', { name: 'id-ml', location: 'westeurope', resourceGroupName: 'rg-ml' });
      const { json } = synthWorkspace({ identity: WorkspaceIdentity.userAssigned(UserAssignedIdentityRef.fromResource(id)) }, stack);
      expect(onlyWorkspace(json).body.properties.primaryUserAssignedIdentity)
        .toBe(`\${${address(json, 'azurerm_user_assigned_identity')}.id}`);
      expectConformant(json);
    });
  });

  describe('customer-managed key', () => {
    test('encryption block, service-side encryption, and the key role for a user-assigned identity', () => {
      const stack = providerStack('test');
      const vault = KeyVault.fromKeyVaultAttributes(stack, 'CmkVault', { keyVaultId: `${SUB}/Microsoft.KeyVault/vaults/kv-cmk`, purgeProtectionEnabled: true });
      const { json } = synthWorkspace({
        identity: WorkspaceIdentity.userAssigned(uai()),
        encryption: { keyVault: vault, keyId: KEY_ID },
      }, stack);
      const workspace = onlyWorkspace(json);
      expect(workspace.body.properties.encryption).toEqual({
        status: 'Enabled',
        keyVaultProperties: { keyVaultArmId: `${SUB}/Microsoft.KeyVault/vaults/kv-cmk`, keyIdentifier: KEY_ID, identityClientId: 'id-ml-client' },
        identity: { userAssignedIdentity: UAI_ID },
      });
      expect(workspace.body.properties.enableServiceSideCMKEncryption).toBe(true);
      const keyRole = roleAssignments(json).find(r => r.role_definition_name === 'Key Vault Crypto Service Encryption User');
      expect(keyRole).toMatchObject({ scope: `${SUB}/Microsoft.KeyVault/vaults/kv-cmk`, principal_id: principalOf('id-ml') });
      expectConformant(json);
    });

    test('with a system-assigned identity no key identity is set; serviceSideEncryption can be turned off', () => {
      const stack = providerStack('test');
      const { json } = synthWorkspace({
        encryption: {
          keyVault: KeyVault.fromKeyVaultId(stack, 'CmkVault', `${SUB}/Microsoft.KeyVault/vaults/kv-cmk`),
          keyId: KEY_ID,
          serviceSideEncryption: false,
        },
      }, stack);
      const workspace = onlyWorkspace(json);
      expect(workspace.body.properties.encryption.identity).toBeUndefined();
      expect(workspace.body.properties.encryption.keyVaultProperties.identityClientId).toBeUndefined();
      expect(workspace.body.properties.enableServiceSideCMKEncryption).toBe(false);
    });

    test('the workspace vault created by the construct can hold the key', () => {
      const stack = providerStack('test');
      const vault = new KeyVault(stack, 'Vault', { resourceGroup: RG });
      const { json } = synthWorkspace({ keyVault: vault, encryption: { keyVault: vault, keyId: KEY_ID } }, stack);
      expect(onlyWorkspace(json).body.properties.encryption.keyVaultProperties.keyVaultArmId).toBe(`\${${address(json, 'azurerm_key_vault')}.id}`);
    });
  });

  describe('bring your own dependencies', () => {
    test('by ARM ID: nothing is created, the IDs are used as given', () => {
      const stack = providerStack('test');
      const { json, ws } = synthWorkspace({
        storageAccount: StorageAccount.fromStorageAccountId(stack, 'Storage', STORAGE_ID),
        keyVault: KeyVault.fromKeyVaultId(stack, 'Vault', VAULT_ID),
        applicationInsights: ApplicationInsights.fromApplicationInsightsId(stack, 'Appi', APPI_ID),
        containerRegistry: WorkspaceContainerRegistry.existing(ContainerRegistry.fromContainerRegistryId(stack, 'Acr', ACR_ID)),
        diagnostics: false,
      }, stack);
      expect(onlyWorkspace(json).body.properties).toMatchObject({
        storageAccount: STORAGE_ID, keyVault: VAULT_ID, applicationInsights: APPI_ID, containerRegistry: ACR_ID,
      });
      for (const type of ['azurerm_storage_account', 'azurerm_key_vault', 'azurerm_container_registry',
        'azurerm_application_insights', 'azurerm_log_analytics_workspace', 'azurerm_monitor_diagnostic_setting']) {
        expect(ofType(json, type)).toEqual({});
      }
      expect(ws.storageAccount?.storageAccountName).toBe('stshared');
      expectConformant(json);
    });

    test('by azurerm L1 resources', () => {
      const stack = providerStack('test');
      const sa = new AzurermStorageAccount(stack, 'Sa', {
        name: 'stmine', resourceGroupName: 'rg-ml', location: 'westeurope', accountTier: 'Standard', accountReplicationType: 'ZRS',
      });
      const kv = new AzurermKeyVault(stack, 'Kv', {
        name: 'kv-mine',
        resourceGroupName: 'rg-ml',
        location: 'westeurope',
        tenantId: '00000000-0000-0000-0000-000000000001',
        skuName: 'standard',
        purgeProtectionEnabled: true,
      });
      const appi = new AzurermApplicationInsights(stack, 'Appi', {
        name: 'appi-mine', resourceGroupName: 'rg-ml', location: 'westeurope', applicationType: 'web',
      });
      const acr = new AzurermContainerRegistry(stack, 'Acr', { name: 'acrmine', resourceGroupName: 'rg-ml', location: 'westeurope', sku: 'Premium' });
      const { json } = synthWorkspace({
        storageAccount: StorageAccount.fromResource(stack, 'Storage', sa),
        keyVault: KeyVault.fromResource(stack, 'Vault', kv),
        applicationInsights: ApplicationInsights.fromResource(stack, 'AppInsights', appi),
        containerRegistry: WorkspaceContainerRegistry.existing(ContainerRegistry.fromResource(stack, 'Registry', acr)),
      }, stack);
      expect(onlyWorkspace(json).body.properties).toMatchObject({
        storageAccount: `\${${address(json, 'azurerm_storage_account')}.id}`,
        keyVault: `\${${address(json, 'azurerm_key_vault')}.id}`,
        applicationInsights: `\${${address(json, 'azurerm_application_insights')}.id}`,
        containerRegistry: `\${${address(json, 'azurerm_container_registry')}.id}`,
      });
      // Diagnostics still need a Log Analytics workspace: one is created for them, not an extra component.
      expect(Object.keys(ofType(json, 'azurerm_log_analytics_workspace'))).toHaveLength(1);
      expect(only(json, 'azurerm_monitor_diagnostic_setting').target_resource_id).toBe(`\${${workspaceAddress(json)}.id}`);
      expectConformant(json);
    });

    test('library L2s created next to the workspace', () => {
      const stack = providerStack('test');
      const storage = new StorageAccount(stack, 'Data', { resourceGroup: RG, azureMlCorsRules: true });
      const { json } = synthWorkspace({ storageAccount: storage, publicNetworkAccessEnabled: false, privateEndpointsManagedElsewhere: true }, stack);
      expect(onlyWorkspace(json).body.properties.storageAccount).toBe(`\${${address(json, 'azurerm_storage_account')}.id}`);
      expectConformant(json);
    });

    test('a given Log Analytics workspace receives the diagnostics and backs the created Application Insights', () => {
      const stack = providerStack('test');
      const lawId = `${SUB}/Microsoft.OperationalInsights/workspaces/law-central`;
      const { json } = synthWorkspace({
        logAnalyticsWorkspace: LogAnalyticsWorkspace.fromLogAnalyticsWorkspaceId(stack, 'Law', lawId),
      }, stack);
      expect(ofType(json, 'azurerm_log_analytics_workspace')).toEqual({});
      expect(only(json, 'azurerm_application_insights').workspace_id).toBe(lawId);
      for (const d of Object.values(ofType(json, 'azurerm_monitor_diagnostic_setting'))) {
        expect((d as any).log_analytics_workspace_id).toBe(lawId);
      }
    });

    test('WorkspaceContainerRegistry.none() attaches no registry; create() takes a name', () => {
      const none = synthWorkspace({ containerRegistry: WorkspaceContainerRegistry.none() }).json;
      expect(onlyWorkspace(none).body.properties.containerRegistry).toBeUndefined();
      expect(ofType(none, 'azurerm_container_registry')).toEqual({});
      const named = synthWorkspace({ containerRegistry: WorkspaceContainerRegistry.create({ name: 'acrmlteam' }) }).json;
      expect(only(named, 'azurerm_container_registry').name).toBe('acrmlteam');
    });
  });

  describe('protection', () => {
    test('RemovalPolicy.DESTROY lifts prevent_destroy from the workspace and everything it creates', () => {
      const { json } = synthWorkspace({ removalPolicy: RemovalPolicy.DESTROY });
      expect(onlyWorkspace(json).lifecycle).toBeUndefined();
      for (const type of ['azurerm_storage_account', 'azurerm_key_vault', 'azurerm_container_registry', 'azurerm_log_analytics_workspace']) {
        expect(only(json, type).lifecycle).toBeUndefined();
      }
    });

    test('deleteLock puts CanNotDelete locks on the workspace and the stateful resources it creates', () => {
      const { json } = synthWorkspace({ deleteLock: true });
      const locked = Object.values(ofType(json, 'azurerm_management_lock')).map((l: any) => {
        expect(l.lock_level).toBe('CanNotDelete');
        return l.scope;
      });
      expect(locked).toContain(`\${${workspaceAddress(json)}.id}`);
      for (const type of ['azurerm_storage_account', 'azurerm_key_vault', 'azurerm_container_registry', 'azurerm_log_analytics_workspace']) {
        expect(locked).toContain(`\${${address(json, type)}.id}`);
      }
      expectConformant(json);
    });

    test('diagnostics: false creates no diagnostic settings, and no Log Analytics workspace when Application Insights is given', () => {
      const stack = providerStack('test');
      const { json } = synthWorkspace({
        diagnostics: false,
        applicationInsights: ApplicationInsights.fromApplicationInsightsId(stack, 'Appi', APPI_ID),
      }, stack);
      expect(ofType(json, 'azurerm_monitor_diagnostic_setting')).toEqual({});
      expect(ofType(json, 'azurerm_log_analytics_workspace')).toEqual({});
    });
  });

  describe('grants', () => {
    test('grantDataScientist on a created workspace also grants the storage data roles identity-based datastores need', () => {
      const { ws, stack } = synthWorkspace();
      ws.grantDataScientist(Principal.group('11111111-1111-1111-1111-111111111111'));
      ws.grantComputeOperator(Principal.user('22222222-2222-2222-2222-222222222222'));
      ws.grantReader(Principal.user('22222222-2222-2222-2222-222222222222'));
      const json = synthJson(stack);
      const wsRef = `\${${workspaceAddress(json)}.id}`;
      const saRef = `\${${address(json, 'azurerm_storage_account')}.id}`;
      const granted = roleAssignments(json).map(r => `${r.role_definition_name} ${r.principal_type} on ${r.scope}`);
      expect(granted.sort()).toEqual([
        `AzureML Data Scientist Group on ${wsRef}`,
        `Storage Blob Data Contributor Group on ${saRef}`,
        `Storage File Data Privileged Contributor Group on ${saRef}`,
        `AzureML Compute Operator User on ${wsRef}`,
        `Reader User on ${wsRef}`,
      ].sort());
      expectConformant(json);
    });

    test('with key-based datastores grantDataScientist grants the workspace role only', () => {
      const { ws, stack } = synthWorkspace({ identityBasedSystemDatastores: false });
      ws.grantDataScientist(Principal.group('11111111-1111-1111-1111-111111111111'));
      const json = synthJson(stack);
      expect(roleAssignments(json).map(r => r.role_definition_name)).toEqual(['AzureML Data Scientist']);
      expectConformant(json);
    });

    test('the system-assigned identity can be granted roles elsewhere', () => {
      const { ws, stack } = synthWorkspace();
      const data = StorageAccount.fromStorageAccountId(stack, 'Data', STORAGE_ID);
      data.grantBlobDataReader(ws.systemAssignedIdentity!);
      const json = synthJson(stack);
      expectConformant(json);
      const ra = only(json, 'azurerm_role_assignment');
      expect(ra.principal_id).toMatch(/\.identity\[0\]\.principal_id\}$/);
      expect(ra.skip_service_principal_aad_check).toBe(true);
    });
  });

  test('image-build compute from props or useImageBuildCompute()', () => {
    const { ws, stack } = synthWorkspace({ imageBuildComputeName: 'cpu-compute' });
    expect(onlyWorkspace(synthJson(stack)).body.properties.imageBuildCompute).toBe('cpu-compute');
    ws.useImageBuildCompute('image-builder');
    const json = synthJson(stack);
    expect(onlyWorkspace(json).body.properties.imageBuildCompute).toBe('image-builder');
    expectConformant(json);
    expect(() => ws.useImageBuildCompute('cluster_1')).toThrow(/image-build compute name 'cluster_1' is invalid/);
  });

  test('serverless compute settings', () => {
    const subnetId = `${SUB.replace('/providers', '')}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/training`;
    const { json } = synthWorkspace({ publicNetworkAccessEnabled: false, privateEndpointsManagedElsewhere: true, serverlessCompute: { subnetId } });
    expect(onlyWorkspace(json).body.properties.serverlessComputeSettings)
      .toEqual({ serverlessComputeCustomSubnet: subnetId, serverlessComputeNoPublicIP: true });
    expectConformant(json);
  });

  test('feature store kind with its settings', () => {
    const { json } = synthWorkspace({
      kind: WorkspaceKind.FEATURE_STORE,
      featureStore: { computeSparkRuntimeVersion: '3.4', offlineConnectionName: 'offline', onlineConnectionName: 'online' },
    });
    expect(onlyWorkspace(json).body).toMatchObject({
      kind: 'FeatureStore',
      properties: {
        featureStoreSettings: {
          computeRuntime: { sparkRuntimeVersion: '3.4' }, offlineStoreConnectionName: 'offline', onlineStoreConnectionName: 'online',
        },
      },
    });
    expectConformant(json);
  });

  test('managed network: isolation modes and provisioning on creation', () => {
    const { json } = synthWorkspace({ managedNetwork: { isolationMode: ManagedNetworkIsolation.DISABLED } });
    expect(onlyWorkspace(json).body.properties.managedNetwork).toEqual({ isolationMode: 'Disabled' });
    expect(onlyWorkspace(json).body.properties.provisionNetworkNow).toBeUndefined();
    const approved = synthWorkspace({
      managedNetwork: { isolationMode: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND, provisionOnCreation: true },
    }).json;
    expect(onlyWorkspace(approved).body.properties).toMatchObject({
      managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' },
      provisionNetworkNow: true,
    });
  });

  describe('bad input', () => {
    const build = (props: Partial<WorkspaceProps>, setup?: (stack: TerraformStack) => Partial<WorkspaceProps>) => () => {
      const stack = providerStack('test');
      new Workspace(stack, 'Ml', { resourceGroup: RG, ...props, ...(setup ? setup(stack) : {}) });
    };

    test('invalid workspace name', () => {
      expect(build({ name: 'ml workspace!' })).toThrow(
        "test/Ml: machine learning workspace name 'ml workspace!' is invalid: it must be 3-33 letters, digits, hyphens and underscores");
      expect(build({ name: 'ab' })).toThrow(/name 'ab' is invalid/);
      expect(build({ name: 'a'.repeat(34) })).toThrow(/is invalid/);
    });

    test('no location anywhere', () => {
      expect(build({ resourceGroup: ResourceGroupRef.fromName('rg-ml') })).toThrow(/test\/Ml: the workspace has no location: the resource group 'rg-ml' was given without a known region\. Pass `location`/);
    });

    test('Premium, BlobStorage-kind or HNS default storage', () => {
      expect(build({}, s => ({ storageAccount: StorageAccount.fromStorageAccountAttributes(s, 'Sa', { storageAccountId: STORAGE_ID, accountTier: 'Premium' }) })))
        .toThrow(/test\/Ml: storage account 'test\/Sa' has account tier 'Premium'; the default storage of a workspace must be Standard/);
      expect(build({}, s => ({ storageAccount: StorageAccount.fromStorageAccountAttributes(s, 'Sa', { storageAccountId: STORAGE_ID, accountKind: 'BlobStorage' }) })))
        .toThrow(/account kind 'BlobStorage'.*must be StorageV2/);
      expect(build({}, s => ({ storageAccount: StorageAccount.fromStorageAccountAttributes(s, 'Sa', { storageAccountId: STORAGE_ID, isHnsEnabled: true }) })))
        .toThrow(/hierarchical namespace \(ADLS Gen2\) enabled.*attach the ADLS Gen2 account as a datastore/);
      expect(build({}, s => ({
        storageAccount: StorageAccount.fromResource(s, 'Sa', new AzurermStorageAccount(s, 'L1', {
          name: 'stpremium', resourceGroupName: 'rg', location: 'westeurope', accountTier: 'Premium', accountReplicationType: 'LRS', accountKind: 'BlockBlobStorage',
        })),
      }))).toThrow(/account tier 'Premium'/);
      expect(build({}, s => ({ storageAccount: new StorageAccount(s, 'Sa', { resourceGroup: RG, hierarchicalNamespace: true }) })))
        .toThrow(/hierarchical namespace/);
    });

    test('storageReplication with a given storage account', () => {
      expect(build({ storageReplication: StorageReplication.LRS }, s => ({ storageAccount: StorageAccount.fromStorageAccountId(s, 'Sa', STORAGE_ID) })))
        .toThrow(/`storageReplication` only applies to a storage account the workspace creates, but storage account 'test\/Sa' was given/);
    });

    test('CMK with a vault without purge protection, or with a versionless key', () => {
      expect(build({}, s => ({
        encryption: { keyVault: KeyVault.fromKeyVaultAttributes(s, 'Kv', { keyVaultId: VAULT_ID, purgeProtectionEnabled: false }), keyId: KEY_ID },
      }))).toThrow(/test\/Ml: customer-managed key vault 'test\/Kv' has purge protection disabled; Azure ML requires it/);
      expect(build({}, s => ({
        encryption: {
          keyVault: KeyVault.fromResource(s, 'Kv', new AzurermKeyVault(s, 'L1', {
            name: 'kv-nopurge',
            resourceGroupName: 'rg',
            location: 'westeurope',
            tenantId: '00000000-0000-0000-0000-000000000001',
            skuName: 'standard',
            purgeProtectionEnabled: false,
          })),
          keyId: KEY_ID,
        },
      }))).toThrow(/purge protection disabled/);
      expect(build({}, s => ({
        encryption: { keyVault: KeyVault.fromKeyVaultId(s, 'Kv', VAULT_ID), keyId: 'https://kv-cmk.vault.azure.net/keys/cmk' },
      }))).toThrow(/encryption key ID 'https:\/\/kv-cmk.vault.azure.net\/keys\/cmk' is invalid: it must be a versioned key URI/);
    });

    test('user-assigned identities without a primary one', () => {
      expect(build({ identity: WorkspaceIdentity.userAssigned(undefined as any) }))
        .toThrow(/test\/Ml: identity type 'UserAssigned' has user-assigned identities but no primary one.*WorkspaceIdentity.userAssigned\(primary/);
      expect(build({ identity: WorkspaceIdentity.systemAndUserAssigned(undefined as any, [uai()]) }))
        .toThrow(/identity type 'SystemAssigned, UserAssigned' has user-assigned identities but no primary one/);
      expect(build({ identity: WorkspaceIdentity.userAssigned(uai(), [uai()]) })).toThrow(/is given twice/);
    });

    test('feature store settings on a Default workspace, or a feature store without them', () => {
      expect(build({ featureStore: { computeSparkRuntimeVersion: '3.4' } }))
        .toThrow(/test\/Ml: `featureStore` settings were given for a workspace of kind Default.*Set `kind: WorkspaceKind.FEATURE_STORE`/);
      expect(build({ kind: WorkspaceKind.FEATURE_STORE })).toThrow(/a workspace of kind FeatureStore needs `featureStore` settings/);
    });

    test('a private workspace with dependencies known to be open', () => {
      expect(build({ publicNetworkAccessEnabled: false }, s => ({
        storageAccount: new StorageAccount(s, 'Open', { resourceGroup: RG, publicNetworkAccessEnabled: true }),
      }))).toThrow(/test\/Ml: the workspace is private \(publicNetworkAccessEnabled: false\) but these dependencies are open to public networks: test\/Open/);
      expect(build({ publicNetworkAccessEnabled: false }, s => ({
        containerRegistry: WorkspaceContainerRegistry.existing(new ContainerRegistry(s, 'OpenAcr', { resourceGroup: RG, publicNetworkAccessEnabled: true })),
        keyVault: new KeyVault(s, 'OpenKv', { resourceGroup: RG, publicNetworkAccessEnabled: true }),
      }))).toThrow(/open to public networks: test\/OpenKv, test\/OpenAcr/);
      // Imported ones are checked too: by attributes, and from an azurerm L1 (no firewall block means Allow).
      expect(build({ publicNetworkAccessEnabled: false }, s => ({
        storageAccount: StorageAccount.fromStorageAccountAttributes(s, 'ByoOpen', {
          storageAccountId: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stbyo',
          openToAllNetworks: true,
        }),
        keyVault: KeyVault.fromResource(s, 'L1Kv', new AzurermKeyVault(s, 'RawKv', {
          name: 'kv-raw',
          location: 'westeurope',
          resourceGroupName: 'rg',
          skuName: 'standard',
          tenantId: '00000000-0000-0000-0000-000000000000',
          publicNetworkAccessEnabled: true,
        })),
      }))).toThrow(/open to public networks: test\/ByoOpen, test\/L1Kv/);
      // Unknown (a plain import by ID) is not refused: it cannot be checked.
      expect(build({ publicNetworkAccessEnabled: false }, s => ({
        storageAccount: StorageAccount.fromStorageAccountId(s, 'ByoUnknown', '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stbyo'),
      }))).not.toThrow();
      // Restricted to known addresses is not "open".
      expect(build({ publicNetworkAccessEnabled: false }, s => ({
        storageAccount: new StorageAccount(s, 'Restricted', { resourceGroup: RG, publicNetworkAccessEnabled: true, ipRules: ['203.0.113.10'] }),
      }))).not.toThrow();
    });

    test('serverless compute without public IP or subnet on a private workspace', () => {
      expect(build({ publicNetworkAccessEnabled: false, serverlessCompute: {} }))
        .toThrow(/serverless compute has no public IP and no subnet, but the workspace is private.*Give `serverlessCompute.subnetId`/);
      expect(build({ publicNetworkAccessEnabled: false, serverlessCompute: { publicIpEnabled: true } })).not.toThrow();
    });

    test('provisionOnCreation without a managed network', () => {
      expect(build({ managedNetwork: { isolationMode: ManagedNetworkIsolation.DISABLED, provisionOnCreation: true } }))
        .toThrow(/`managedNetwork.provisionOnCreation` is true but the isolation mode is Disabled/);
    });

    test('invalid image-build compute name', () => {
      expect(build({ imageBuildComputeName: '1cluster' })).toThrow(/image-build compute name '1cluster' is invalid: it must be the name of a compute cluster/);
    });
  });
});

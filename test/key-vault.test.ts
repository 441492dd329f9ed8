// KeyVault: secure defaults, scanner checks, validation, removal policy, lock, import, grants, diagnostics.
import { KeyVault as AzurermKeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import {
  BuiltInRole, Duration, KeyVault, KeyVaultProps, KeyVaultSku, LogAnalyticsWorkspace, Principal, ResourceGroupRef,
  UserAssignedIdentityRef,
} from '../src';
import { planValue } from './support/plan-names';
import { failingChecks, passingChecks } from './support/security-checks';
import { expectConformant, only, providerStack, resolved, synthJson, synthOne, warningsOf } from './support/synth';

const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');
const KV_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-shared-01';

function synthVault(props: Partial<KeyVaultProps> = {}): [any, any, KeyVault] {
  return synthOne(stack => new KeyVault(stack, 'Vault', { resourceGroup: RG, ...props }), 'azurerm_key_vault');
}

describe('KeyVault', () => {
  describe('secure defaults', () => {
    test('emits every security attribute explicitly', () => {
      const [json, kv] = synthVault();
      expect(kv).toMatchObject({
        location: 'westeurope',
        resource_group_name: 'rg-ml',
        sku_name: 'standard',
        rbac_authorization_enabled: true,
        purge_protection_enabled: true,
        soft_delete_retention_days: 90,
        public_network_access_enabled: false,
        network_acls: { default_action: 'Deny', bypass: 'AzureServices', ip_rules: [], virtual_network_subnet_ids: [] },
        enabled_for_deployment: false,
        enabled_for_disk_encryption: false,
        enabled_for_template_deployment: false,
        lifecycle: { prevent_destroy: true },
      });
      expect(planValue(kv.name)).toMatch(/^(?!.*--)[a-z][a-z0-9-]{1,22}[a-z0-9]$/);
      // v4 name only; the deprecated alias is not emitted.
      expect(kv.enable_rbac_authorization).toBeUndefined();
      // One azurerm_client_config per stack gives the tenant (and the subscription of unique names).
      expect(Object.keys(json.data.azurerm_client_config)).toEqual(['AzureMlClientConfig']);
      expect(kv.tenant_id).toBe('${data.azurerm_client_config.AzureMlClientConfig.tenant_id}');
    });

    test('passes every applicable scanner check', () => {
      const [, kv] = synthVault();
      expect(failingChecks('azurerm_key_vault', kv)).toEqual([]);
      expect(passingChecks('azurerm_key_vault', kv)).toEqual([
        'AVD-AZU-0013', 'AVD-AZU-0016', 'AZPOL-0b60c0b2-2dc2-4e1c-b5c9-abbed971de53', 'AZPOL-12d4fa5e-1f9f-4c21-97a9-b99b3c6611b5',
        'AZPOL-405c5871-3e91-4644-8a63-58e19d68ff5b', 'AZPOL-55615ac9-af46-4a59-874e-391cc3dfb490',
        'CKV_AZURE_109', 'CKV_AZURE_110', 'CKV_AZURE_111', 'CKV_AZURE_189', 'CKV_AZURE_42',
      ]);
    });

    test('no warning by default; attributes', () => {
      const stack = providerStack('stack');
      const vault = new KeyVault(stack, 'Vault', { resourceGroup: RG });
      expect(warningsOf(vault)).toEqual([]);
      expect(vault.purgeProtectionEnabled).toBe(true);
      expect(vault.node.defaultChild).toBe(vault.resource);
      expect(resolved(stack, vault.keyVaultId)).toMatch(/^\$\{azurerm_key_vault\.Vault_\w+\.id\}$/);
      expect(resolved(stack, vault.keyVaultName)).toMatch(/^\$\{azurerm_key_vault\.Vault_\w+\.name\}$/);
    });
  });

  describe('options', () => {
    test('tenant, sku, retention, name and tags', () => {
      const [json, kv] = synthVault({
        tenantId: '44444444-4444-4444-4444-444444444444',
        sku: KeyVaultSku.PREMIUM,
        softDeleteRetention: Duration.days(7),
        name: 'kv-ml-prod',
        tags: { env: 'prod' },
      });
      expect(kv).toMatchObject({
        tenant_id: '44444444-4444-4444-4444-444444444444', sku_name: 'premium', soft_delete_retention_days: 7, name: 'kv-ml-prod', tags: { env: 'prod' },
      });
      expect(json.data).toBeUndefined();
    });

    test('public access with rules: Deny + rules + AzureServices bypass, still passes CKV_AZURE_189', () => {
      const subnet = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/ci';
      const [, kv, vault] = synthVault({ publicNetworkAccessEnabled: true, ipRules: ['203.0.113.0/24'], virtualNetworkSubnetIds: [subnet] });
      expect(kv.public_network_access_enabled).toBe(true);
      expect(kv.network_acls).toEqual({ default_action: 'Deny', bypass: 'AzureServices', ip_rules: ['203.0.113.0/24'], virtual_network_subnet_ids: [subnet] });
      expect(passingChecks('azurerm_key_vault', kv)).toContain('CKV_AZURE_189');
      expect(failingChecks('azurerm_key_vault', kv)).toEqual(['AZPOL-405c5871-3e91-4644-8a63-58e19d68ff5b']);
      expect(warningsOf(vault)).toEqual([]);
    });

    test('public access without rules: Allow, with a warning saying how to close it', () => {
      const [, kv, vault] = synthVault({ publicNetworkAccessEnabled: true });
      expect(kv.network_acls.default_action).toBe('Allow');
      expect(kv.network_acls.bypass).toBe('AzureServices');
      expect(warningsOf(vault)).toEqual([expect.stringMatching(/any network.*pass ipRules or virtualNetworkSubnetIds, or set publicNetworkAccessEnabled: false/)]);
    });
  });

  describe('validation', () => {
    test.each([
      ['1vault', 'starts with a digit'],
      ['kv--ml', 'double hyphen'],
      ['kv-', 'ends with a hyphen'],
      ['k'.repeat(25), 'too long'],
    ])('rejects the name %s (%s)', (name) => {
      const stack = providerStack('stack');
      expect(() => new KeyVault(stack, 'Vault', { resourceGroup: RG, name })).toThrow(
        new RegExp(`stack/Vault: key vault name '${name}' is invalid: it must be 3-24 letters, digits and hyphens.*Pass a valid \`name\``));
    });

    test.each([[Duration.days(6)], [Duration.days(91)], [Duration.hours(200)]])('rejects soft-delete retention %s', (retention) => {
      const stack = providerStack('stack');
      expect(() => new KeyVault(stack, 'Vault', { resourceGroup: RG, softDeleteRetention: retention }))
        .toThrow(new RegExp(`key vault soft-delete retention is ${retention.toIsoString()}; it must be a whole number of days from 7 to 90`));
    });

    test('rejects firewall rules while public access is disabled', () => {
      const stack = providerStack('stack');
      expect(() => new KeyVault(stack, 'Vault', { resourceGroup: RG, ipRules: ['203.0.113.7'] }))
        .toThrow(/stack\/Vault: ipRules\/virtualNetworkSubnetIds were given but public network access is disabled.*publicNetworkAccessEnabled: true/);
    });
  });

  describe('import', () => {
    test('by ID: name parsed, purge protection unknown', () => {
      const vault = KeyVault.fromKeyVaultId(providerStack('stack'), 'Shared', KV_ID);
      expect(vault.keyVaultName).toBe('kv-shared-01');
      expect(vault.keyVaultId).toBe(KV_ID);
      expect(vault.purgeProtectionEnabled).toBeUndefined();
    });

    test('by attributes', () => {
      const vault = KeyVault.fromKeyVaultAttributes(providerStack('stack'), 'Shared', { keyVaultId: KV_ID, purgeProtectionEnabled: true });
      expect(vault.purgeProtectionEnabled).toBe(true);
    });

    test('rejects an ID of another resource type', () => {
      expect(() => KeyVault.fromKeyVaultId(providerStack('stack'), 'Shared', KV_ID.replace('Microsoft.KeyVault/vaults', 'Microsoft.Storage/storageAccounts')))
        .toThrow(/stack\/Shared: '.*' is not a key vault ID; expected .*Microsoft.KeyVault\/vaults\/<name>/);
    });

    test('from an L1 resource', () => {
      const stack = providerStack('stack');
      const l1 = new AzurermKeyVault(stack, 'L1', {
        name: 'kv-l1', resourceGroupName: 'rg', location: 'westeurope', tenantId: 't', skuName: 'standard', purgeProtectionEnabled: true,
      });
      const vault = KeyVault.fromResource(stack, 'Imported', l1);
      expect(vault.purgeProtectionEnabled).toBe(true);
      expect(resolved(stack, vault.keyVaultName)).toBe('${azurerm_key_vault.L1.name}');
      expect(resolved(stack, vault.keyVaultId)).toBe('${azurerm_key_vault.L1.id}');
    });
  });

  describe('grants', () => {
    test('role assignments name the role, the principal and the vault', () => {
      const stack = providerStack('stack');
      const vault = new KeyVault(stack, 'Vault', { resourceGroup: RG });
      const identity = UserAssignedIdentityRef.fromAttributes({ identityId: '/x', principalId: '22222222-2222-2222-2222-222222222222', key: 'workspace' });
      vault.grantSecretsRead(identity);
      vault.grant(Principal.group('11111111-1111-1111-1111-111111111111', { key: 'admins' }), BuiltInRole.KEY_VAULT_ADMINISTRATOR);
      const json = synthJson(stack);
      expectConformant(json);
      const assignments = Object.values<any>(json.resource.azurerm_role_assignment);
      expect(assignments).toHaveLength(2);
      expect(assignments).toEqual(expect.arrayContaining([
        expect.objectContaining({
          role_definition_name: 'Key Vault Secrets User',
          principal_id: '22222222-2222-2222-2222-222222222222',
          principal_type: 'ServicePrincipal',
          skip_service_principal_aad_check: true,
          scope: expect.stringMatching(/^\$\{azurerm_key_vault\.Vault_\w+\.id\}$/),
        }),
        expect.objectContaining({ role_definition_name: 'Key Vault Administrator', principal_id: '11111111-1111-1111-1111-111111111111', principal_type: 'Group' }),
      ]));
    });

    test('an imported vault grants on its ID', () => {
      const stack = providerStack('stack');
      KeyVault.fromKeyVaultId(stack, 'Shared', KV_ID).grantSecretsRead(Principal.user('33333333-3333-3333-3333-333333333333'));
      const json = synthJson(stack);
      expectConformant(json);
      expect(only(json, 'azurerm_role_assignment')).toMatchObject({ scope: KV_ID, role_definition_name: 'Key Vault Secrets User' });
    });
  });

  test('addDiagnosticSettings sends allLogs and AllMetrics to Log Analytics', () => {
    const stack = providerStack('stack');
    const vault = new KeyVault(stack, 'Vault', { resourceGroup: RG });
    vault.addDiagnosticSettings(LogAnalyticsWorkspace.fromLogAnalyticsWorkspaceId(stack, 'Logs',
      '/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law-central'));
    const json = synthJson(stack);
    expectConformant(json);
    expect(only(json, 'azurerm_monitor_diagnostic_setting')).toMatchObject({
      name: 'send-to-log-analytics',
      target_resource_id: expect.stringMatching(/^\$\{azurerm_key_vault\.Vault_\w+\.id\}$/),
      log_analytics_workspace_id: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law-central',
      enabled_log: [{ category_group: 'allLogs' }],
      enabled_metric: [{ category: 'AllMetrics' }],
    });
  });
});

// StorageAccount: secure defaults, scanner checks, validation, removal policy, lock, import, grants, diagnostics.
import { StorageAccount as AzurermStorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import {
  Duration, LogAnalyticsWorkspace, Principal, ResourceGroupRef, StorageAccount, StorageAccountProps,
  StorageReplication, UserAssignedIdentityRef,
} from '../src';
import { planValue } from './support/plan-names';
import { conditionHolds, failingChecks, passingChecks, valuesAt } from './support/security-checks';
import { expectConformant, only, providerStack, resolved, synthJson, synthOne, warningsOf } from './support/synth';

const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');
const SA_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdata01';

/** Synthesizes one StorageAccount, checks conformance, returns [json, account resource]. */
function synthAccount(props: Partial<StorageAccountProps> = {}): [any, any, StorageAccount] {
  return synthOne(stack => new StorageAccount(stack, 'Storage', { resourceGroup: RG, ...props }), 'azurerm_storage_account');
}

const AZURE_ML_ORIGINS = ['https://mlworkspace.azure.ai', 'https://ml.azure.com', 'https://*.ml.azure.com', 'https://ai.azure.com', 'https://*.ai.azure.com'];

/** Checks the library does not satisfy by default, each with the baseline section that documents it. */
const DEFAULT_EXCEPTIONS = [
  'AVD-AZU-0057', // §d-9/§d-27: data-plane queue_properties.logging; replaced by addDiagnosticSettings()
  'AZPOL-6fac406b-40ca-413b-bf8e-0bf964659c25', // §d-27 CMK family: opt-in
  'CKV2_AZURE_1', // §d-27 CMK family: opt-in
  'CKV_AZURE_33', // §d-9/§d-27: data-plane queue_properties.logging
  'KICS-0f437572-8be4-4e05-9f76-dd266d7ad90b', // §d-27: blob versioning is opt-in (cost)
].sort();
/** With shared keys on (what Azure ML's key-based datastores need): the shared-key family of §d-7/§d-27. */
const SHARED_KEY_EXCEPTIONS = [
  'AZPOL-8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54',
  'CKV2_AZURE_40',
  'KICS-45f3e879-f8a7-4102-a3fa-46da5a849870',
];

describe('StorageAccount', () => {
  describe('secure defaults', () => {
    test('emits every security attribute explicitly', () => {
      const [, sa] = synthAccount();
      expect(sa).toMatchObject({
        account_kind: 'StorageV2',
        account_tier: 'Standard',
        account_replication_type: 'GZRS',
        location: 'westeurope',
        resource_group_name: 'rg-ml',
        https_traffic_only_enabled: true,
        min_tls_version: 'TLS1_2',
        allow_nested_items_to_be_public: false,
        cross_tenant_replication_enabled: false,
        infrastructure_encryption_enabled: true,
        local_user_enabled: false,
        default_to_oauth_authentication: true,
        shared_access_key_enabled: false,
        public_network_access_enabled: false,
        is_hns_enabled: false,
        nfsv3_enabled: false,
        sftp_enabled: false,
        network_rules: { default_action: 'Deny', bypass: ['AzureServices'], ip_rules: [], virtual_network_subnet_ids: [] },
        blob_properties: {
          versioning_enabled: false,
          delete_retention_policy: { days: 30 },
          container_delete_retention_policy: { days: 30 },
        },
        share_properties: { retention_policy: { days: 30 } },
        lifecycle: { prevent_destroy: true },
      });
      expect(planValue(sa.name)).toMatch(/^[a-z0-9]{3,24}$/);
      expect(sa.sas_policy).toBeUndefined();
      expect(sa.blob_properties.cors_rule).toBeUndefined();
      // Never the removed v3 name.
      expect(sa.enable_https_traffic_only).toBeUndefined();
    });

    test('passes every applicable scanner check except the documented exceptions', () => {
      const [, sa] = synthAccount();
      expect(failingChecks('azurerm_storage_account', sa)).toEqual(DEFAULT_EXCEPTIONS);
      expect(passingChecks('azurerm_storage_account', sa)).toEqual(expect.arrayContaining([
        'CKV_AZURE_35', 'CKV_AZURE_36', 'CKV_AZURE_43', 'CKV_AZURE_44', 'CKV_AZURE_59', 'CKV_AZURE_190', 'CKV_AZURE_206',
        'CKV_AZURE_244', 'CKV2_AZURE_38', 'CKV2_AZURE_40', 'CKV2_AZURE_41', 'AVD-AZU-0012', 'AVD-AZU-0061',
        'KICS-12944ec4-1fa0-47be-8b17-42a034f937c2', 'KICS-056d28cc-7ee9-4b12-b2d1-16b7b66db72d',
        'KICS-12ecec8a-7961-48db-b644-86be8845d8fd', 'AZPOL-9fbd64e3-67b8-489b-98e5-fa0007d17e76',
      ]));
    });

    test('versioning: true also passes the versioning check', () => {
      const [, sa] = synthAccount({ versioning: true });
      expect(sa.blob_properties.versioning_enabled).toBe(true);
      expect(failingChecks('azurerm_storage_account', sa)).toEqual(
        DEFAULT_EXCEPTIONS.filter(id => id !== 'KICS-0f437572-8be4-4e05-9f76-dd266d7ad90b'));
    });

    test('exposes its attributes', () => {
      const stack = providerStack('stack');
      const account = new StorageAccount(stack, 'Storage', { resourceGroup: RG, hierarchicalNamespace: true });
      expect(account.accountTier).toBe('Standard');
      expect(account.accountKind).toBe('StorageV2');
      expect(account.isHnsEnabled).toBe(true);
      expect(resolved(stack, account.storageAccountId)).toMatch(/^\$\{azurerm_storage_account\.Storage_\w+\.id\}$/);
      expect(resolved(stack, account.storageAccountName)).toMatch(/^\$\{azurerm_storage_account\.Storage_\w+\.name\}$/);
      expect(resolved(stack, account.primaryBlobEndpoint)).toMatch(/^\$\{azurerm_storage_account\.Storage_\w+\.primary_blob_endpoint\}$/);
      expect(account.node.defaultChild).toBe(account.resource);
    });
  });

  describe('options', () => {
    test('azureMlCorsRules emits the rules Azure ML writes on blob and file services', () => {
      const [, sa] = synthAccount({ azureMlCorsRules: true });
      for (const cors of [sa.blob_properties.cors_rule, sa.share_properties.cors_rule]) {
        expect(cors).toEqual([{
          allowed_headers: ['*'],
          allowed_methods: ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'POST', 'PATCH'],
          allowed_origins: AZURE_ML_ORIGINS,
          exposed_headers: ['*'],
          max_age_in_seconds: 1800,
        }]);
      }
    });

    test('sharedAccessKeyEnabled adds a short SAS expiration policy', () => {
      const [, sa] = synthAccount({ sharedAccessKeyEnabled: true });
      expect(sa.shared_access_key_enabled).toBe(true);
      expect(sa.sas_policy).toEqual({ expiration_period: '00.04:00:00', expiration_action: 'Log' });
      // The compensating control passes; only the documented shared-key family fails in addition.
      expect(passingChecks('azurerm_storage_account', sa)).toContain('CKV2_AZURE_41');
      expect(failingChecks('azurerm_storage_account', sa)).toEqual([...DEFAULT_EXCEPTIONS, ...SHARED_KEY_EXCEPTIONS].sort());
    });

    test('replication, retention and hierarchical namespace', () => {
      const [, sa] = synthAccount({ replication: StorageReplication.RAGRS, blobSoftDeleteRetention: Duration.days(14), hierarchicalNamespace: true });
      expect(sa.account_replication_type).toBe('RAGRS');
      expect(sa.is_hns_enabled).toBe(true);
      expect(sa.blob_properties.delete_retention_policy.days).toBe(14);
      expect(sa.blob_properties.container_delete_retention_policy.days).toBe(14);
      expect(sa.share_properties.retention_policy.days).toBe(14);
    });

    test('LRS fails the geo-redundancy checks (it is a user choice, not a default)', () => {
      const [, sa] = synthAccount({ replication: StorageReplication.LRS });
      expect(failingChecks('azurerm_storage_account', sa)).toEqual(expect.arrayContaining(['CKV_AZURE_206', 'AVD-AZU-0058']));
    });

    test('public access without rules is Allow, with a warning saying how to close it', () => {
      const [, sa, account] = synthAccount({ publicNetworkAccessEnabled: true });
      expect(sa.public_network_access_enabled).toBe(true);
      expect(sa.network_rules).toEqual({ default_action: 'Allow', bypass: ['AzureServices'], ip_rules: [], virtual_network_subnet_ids: [] });
      expect(warningsOf(account)).toEqual([expect.stringContaining('publicNetworkAccessEnabled: false')]);
      expect(warningsOf(account)[0]).toContain('ipRules');
    });

    test('public access with rules is Deny + rules + AzureServices bypass, no warning', () => {
      const subnet = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/train';
      const [, sa, account] = synthAccount({ publicNetworkAccessEnabled: true, ipRules: ['203.0.113.7', '198.51.100.0/24'], virtualNetworkSubnetIds: [subnet] });
      expect(sa.network_rules).toEqual({
        default_action: 'Deny', bypass: ['AzureServices'], ip_rules: ['203.0.113.7', '198.51.100.0/24'], virtual_network_subnet_ids: [subnet],
      });
      expect(warningsOf(account)).toEqual([]);
    });

    test('no warning by default', () => {
      const [, , account] = synthAccount();
      expect(warningsOf(account)).toEqual([]);
    });

    test('tags and a given name', () => {
      const [, sa] = synthAccount({ name: 'stmlprod01', tags: { env: 'prod' } });
      expect(sa.name).toBe('stmlprod01');
      expect(sa.tags).toEqual({ env: 'prod' });
    });
  });

  describe('validation', () => {
    test.each([
      ['St-ML', 'uppercase and hyphen'],
      ['ab', 'too short'],
      ['a'.repeat(25), 'too long'],
    ])('rejects the name %s (%s)', (name) => {
      const stack = providerStack('stack');
      expect(() => new StorageAccount(stack, 'Storage', { resourceGroup: RG, name })).toThrow(
        new RegExp(`stack/Storage: storage account name '${name}' is invalid: it must be 3-24 lowercase letters and digits.*Pass a valid \`name\``));
    });

    test('an explicit location wins over the resource group', () => {
      const stack = providerStack('stack');
      new StorageAccount(stack, 'Storage', { resourceGroup: ResourceGroupRef.fromName('rg-ml'), location: 'swedencentral' });
      expect(only(synthJson(stack), 'azurerm_storage_account').location).toBe('swedencentral');
    });

    test('rejects firewall rules while public access is disabled', () => {
      const stack = providerStack('stack');
      expect(() => new StorageAccount(stack, 'Storage', { resourceGroup: RG, ipRules: ['203.0.113.7'] }))
        .toThrow(/stack\/Storage: ipRules\/virtualNetworkSubnetIds were given but public network access is disabled.*publicNetworkAccessEnabled: true/);
    });

    test.each([
      ['0.0.0.0/0', /whole internet/],
      ['203.0.113.7/32', /\/31 or \/32/],
      ['10.1.0.0/16', /private \(RFC 1918\)/],
      ['not-an-ip', /not an IPv4 address/],
    ])('rejects the IP rule %s', (rule, why) => {
      const stack = providerStack('stack');
      expect(() => new StorageAccount(stack, 'Storage', { resourceGroup: RG, publicNetworkAccessEnabled: true, ipRules: [rule] }))
        .toThrow(new RegExp(`ipRules entry '${rule.replace(/[./]/g, '\\$&')}' is invalid: .*${why.source}`));
    });

    test('rejects a soft-delete retention that is not 1-365 whole days', () => {
      const stack = providerStack('stack');
      expect(() => new StorageAccount(stack, 'Storage', { resourceGroup: RG, blobSoftDeleteRetention: Duration.days(400) }))
        .toThrow(/blobSoftDeleteRetention is P400D; it must be a whole number of days from 1 to 365/);
      expect(() => new StorageAccount(stack, 'Storage2', { resourceGroup: RG, blobSoftDeleteRetention: Duration.hours(36) }))
        .toThrow(/blobSoftDeleteRetention is P1DT12H/);
    });

    test('rejects versioning with hierarchical namespace', () => {
      const stack = providerStack('stack');
      expect(() => new StorageAccount(stack, 'Storage', { resourceGroup: RG, versioning: true, hierarchicalNamespace: true }))
        .toThrow(/versioning cannot be enabled on an account with hierarchicalNamespace/);
    });
  });

  describe('import', () => {
    test('by ID: name parsed, public-cloud blob endpoint', () => {
      const stack = providerStack('stack');
      const account = StorageAccount.fromStorageAccountId(stack, 'Data', SA_ID);
      expect(account.storageAccountName).toBe('stdata01');
      expect(account.primaryBlobEndpoint).toBe('https://stdata01.blob.core.windows.net/');
      expect(account.accountTier).toBeUndefined();
    });

    test('rejects an ID of another resource type', () => {
      const stack = providerStack('stack');
      const kv = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1';
      expect(() => StorageAccount.fromStorageAccountId(stack, 'Data', kv))
        .toThrow(/stack\/Data: '.*vaults\/kv1' is not a storage account ID; expected .*Microsoft.Storage\/storageAccounts\/<name>/);
    });

    test('from an L1 resource: name, kind, tier and namespace read from its configuration', () => {
      const stack = providerStack('stack');
      const l1 = new AzurermStorageAccount(stack, 'L1', {
        name: 'stl1', resourceGroupName: 'rg', location: 'westeurope', accountTier: 'Standard', accountReplicationType: 'GRS',
      });
      const account = StorageAccount.fromResource(stack, 'Imported', l1);
      expect(resolved(stack, account.storageAccountName)).toBe('${azurerm_storage_account.L1.name}');
      expect(resolved(stack, account.storageAccountId)).toBe('${azurerm_storage_account.L1.id}');
      expect(account.accountTier).toBe('Standard');
      expect(account.accountKind).toBe('StorageV2');
      expect(account.isHnsEnabled).toBe(false);
    });
  });

  describe('grants', () => {
    test('role assignments name the role, the principal and the account', () => {
      const stack = providerStack('stack');
      const account = new StorageAccount(stack, 'Storage', { resourceGroup: RG });
      account.grantBlobDataContributor(Principal.group('11111111-1111-1111-1111-111111111111', { key: 'data-scientists' }));
      const identity = UserAssignedIdentityRef.fromAttributes({ identityId: '/x', principalId: '22222222-2222-2222-2222-222222222222', key: 'training' });
      account.grantBlobDataReader(identity);
      account.grantFileDataPrivilegedContributor(identity);
      const json = synthJson(stack);
      expectConformant(json);
      const assignments = Object.values<any>(json.resource.azurerm_role_assignment);
      expect(assignments).toEqual(expect.arrayContaining([
        expect.objectContaining({
          role_definition_name: 'Storage Blob Data Contributor',
          principal_id: '11111111-1111-1111-1111-111111111111',
          principal_type: 'Group',
          scope: expect.stringMatching(/azurerm_storage_account\.Storage_\w+\.id/),
        }),
        expect.objectContaining({ role_definition_name: 'Storage Blob Data Reader', principal_id: '22222222-2222-2222-2222-222222222222', skip_service_principal_aad_check: true }),
        expect.objectContaining({ role_definition_name: 'Storage File Data Privileged Contributor', principal_type: 'ServicePrincipal' }),
      ]));
      expect(assignments).toHaveLength(3);
    });

    test('an imported account grants on its ID', () => {
      const stack = providerStack('stack');
      StorageAccount.fromStorageAccountId(stack, 'Data', SA_ID).grantBlobDataReader(Principal.user('33333333-3333-3333-3333-333333333333'));
      const json = synthJson(stack);
      expectConformant(json);
      expect(only(json, 'azurerm_role_assignment')).toMatchObject({ scope: SA_ID, role_definition_name: 'Storage Blob Data Reader', principal_type: 'User' });
    });
  });

  describe('diagnostic settings', () => {
    test('metrics on the account, logs and metrics on each service', () => {
      const stack = providerStack('stack');
      const account = new StorageAccount(stack, 'Storage', { resourceGroup: RG });
      const law = new LogAnalyticsWorkspace(stack, 'Logs', { resourceGroup: RG, internetIngestionEnabled: true, internetQueryEnabled: true });
      account.addDiagnosticSettings(law);
      const json = synthJson(stack);
      expectConformant(json);
      const settings = Object.values<any>(json.resource.azurerm_monitor_diagnostic_setting);
      expect(settings).toHaveLength(5);
      const byTarget = (suffix: string) => settings.find(s => s.target_resource_id.endsWith(suffix));
      expect(byTarget('.id}')).toMatchObject({ enabled_metric: [{ category: 'Transaction' }] });
      expect(byTarget('.id}').enabled_log).toBeUndefined();
      for (const service of ['blobServices', 'fileServices', 'queueServices', 'tableServices']) {
        expect(byTarget(`/${service}/default`)).toMatchObject({
          enabled_log: [{ category_group: 'allLogs' }],
          enabled_metric: [{ category: 'Transaction' }],
          log_analytics_workspace_id: expect.stringMatching(/azurerm_log_analytics_workspace\.Logs_\w+\.id/),
        });
      }
      expect(() => account.addDiagnosticSettings(law)).toThrow(/already called/);
    });
  });
});

describe('security-checks evaluator', () => {
  test('condition vocabulary', () => {
    const cfg = { a: false, n: { b: ['X'], d: 7, e: [] }, blocks: [{ z: true }, { z: false }], s: 'abc' };
    expect(valuesAt(cfg, 'n.d')).toEqual([7]);
    expect(valuesAt({ n: [{ d: 7 }] }, 'n.d')).toEqual([7]);
    expect(conditionHolds(cfg, 'a', 'equals', false)).toBe(true);
    expect(conditionHolds(cfg, 'missing', 'equals', false)).toBe(false);
    expect(conditionHolds(cfg, 'missing', 'absent_or_equals', false)).toBe(true);
    expect(conditionHolds(cfg, 'n.d', 'not_equals', 0)).toBe(true);
    expect(conditionHolds(cfg, 'n.d', 'gte', 8)).toBe(false);
    expect(conditionHolds(cfg, 'n.d', 'between', [7, 90])).toBe(true);
    expect(conditionHolds(cfg, 'n.b', 'contains', 'X')).toBe(true);
    expect(conditionHolds(cfg, 'n.e', 'exists', true)).toBe(false);
    expect(conditionHolds(cfg, 'n.e', 'absent_or_empty', null)).toBe(true);
    expect(conditionHolds(cfg, 's', 'matches', '^[a-c]+$')).toBe(true);
    expect(conditionHolds(cfg, 's', 'in', ['x'])).toBe(false);
    expect(conditionHolds(cfg, 'blocks[*].z', 'absent_or_equals', true)).toBe(false);
    expect(conditionHolds(cfg, 'x|a', 'any_of', [
      { attribute_path: 'x', condition: 'exists', expected: true }, { attribute_path: 'a', condition: 'equals', expected: false },
    ])).toBe(true);
    expect(conditionHolds({ v: '${var.x}' }, 'v', 'equals', '${var.x}')).toBe(false);
  });
});

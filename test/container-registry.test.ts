// ContainerRegistry: secure defaults, scanner checks, validation, removal policy, lock, import, grants, diagnostics.
import { ContainerRegistry as AzurermContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import {
  ContainerRegistry, ContainerRegistryProps, ContainerRegistrySku, Duration, LogAnalyticsWorkspace, Principal,
  ResourceGroupRef, UserAssignedIdentityRef,
} from '../src';
import { planValue } from './support/plan-names';
import { failingChecks, passingChecks } from './support/security-checks';
import { expectConformant, only, providerStack, resolved, synthJson, synthOne, warningsOf } from './support/synth';

const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');
const ACR_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers/Microsoft.ContainerRegistry/registries/crshared01';

function synthRegistry(props: Partial<ContainerRegistryProps> = {}): [any, any, ContainerRegistry] {
  return synthOne(stack => new ContainerRegistry(stack, 'Registry', { resourceGroup: RG, ...props }), 'azurerm_container_registry');
}

/** Checks not satisfied by default, with the baseline section that documents each. */
const DEFAULT_EXCEPTIONS = [
  'AZPOL-5b9159ae-1701-4a6f-9a7a-aa9c8ddd0580', // §d-27 CMK family: opt-in
  'CKV_AZURE_164', // §d-6/§d-27: Docker Content Trust deprecated, unsupported with CMK
  'CKV_AZURE_165', // §d-24/§d-27: geo-replication is a cost decision
  'CKV_AZURE_166', // §d-5/§d-27: quarantine blocks Azure ML image pulls
  'CKV_AZURE_233', // §d-24: zone redundancy is ForceNew and region-dependent, opt-in (zoneRedundancy: true)
].sort();

describe('ContainerRegistry', () => {
  describe('secure defaults', () => {
    test('emits every security attribute explicitly', () => {
      const [, acr] = synthRegistry();
      expect(acr).toMatchObject({
        location: 'westeurope',
        resource_group_name: 'rg-ml',
        sku: 'Premium',
        admin_enabled: false,
        anonymous_pull_enabled: false,
        public_network_access_enabled: false,
        network_rule_bypass_option: 'AzureServices',
        network_rule_set: [{ default_action: 'Deny', ip_rule: [] }],
        export_policy_enabled: false,
        retention_policy_in_days: 7,
        zone_redundancy_enabled: false,
        data_endpoint_enabled: true,
        quarantine_policy_enabled: false,
        trust_policy_enabled: false,
        lifecycle: { prevent_destroy: true },
      });
      expect(planValue(acr.name)).toMatch(/^[a-z0-9]{5,50}$/);
    });

    test('passes every applicable scanner check except the documented exceptions', () => {
      const [, acr] = synthRegistry();
      expect(failingChecks('azurerm_container_registry', acr)).toEqual(DEFAULT_EXCEPTIONS);
      expect(passingChecks('azurerm_container_registry', acr)).toEqual(expect.arrayContaining([
        'CKV_AZURE_137', 'CKV_AZURE_138', 'CKV_AZURE_139', 'CKV_AZURE_163', 'CKV_AZURE_167', 'CKV_AZURE_237',
        'AZPOL-524b0254-c285-4903-bee6-bb8126cde579', 'AZPOL-0fdf0491-d080-4575-b627-ad0e843cba0f',
        'AZPOL-d0793b48-0edc-4296-a390-4c75d1bdfd71', 'AZPOL-bd560fc0-3c69-498a-ae9f-aa8eb7de0e13',
      ]));
    });

    test('zoneRedundancy: true passes CKV_AZURE_233', () => {
      const [, acr] = synthRegistry({ zoneRedundancy: true });
      expect(acr.zone_redundancy_enabled).toBe(true);
      expect(failingChecks('azurerm_container_registry', acr)).toEqual(DEFAULT_EXCEPTIONS.filter(id => id !== 'CKV_AZURE_233'));
    });

    test('attributes and no warning by default', () => {
      const stack = providerStack('stack');
      const registry = new ContainerRegistry(stack, 'Registry', { resourceGroup: RG });
      expect(warningsOf(registry)).toEqual([]);
      expect(registry.node.defaultChild).toBe(registry.resource);
      expect(resolved(stack, registry.loginServer)).toMatch(/^\$\{azurerm_container_registry\.Registry_\w+\.login_server\}$/);
      expect(resolved(stack, registry.containerRegistryId)).toMatch(/^\$\{azurerm_container_registry\.Registry_\w+\.id\}$/);
    });
  });

  describe('options', () => {
    test('public access: export stays enabled (provider rule) and firewall Allow, with a warning', () => {
      const [, acr, registry] = synthRegistry({ publicNetworkAccessEnabled: true });
      expect(acr).toMatchObject({ public_network_access_enabled: true, export_policy_enabled: true, network_rule_set: [{ default_action: 'Allow', ip_rule: [] }] });
      expect(warningsOf(registry)).toEqual([expect.stringMatching(/any network.*publicNetworkAccessEnabled: false/)]);
    });

    test('public access with IP rules: Deny + allow rules', () => {
      const [, acr, registry] = synthRegistry({ publicNetworkAccessEnabled: true, ipRules: ['203.0.113.0/24'] });
      expect(acr.network_rule_set).toEqual([{ default_action: 'Deny', ip_rule: [{ action: 'Allow', ip_range: '203.0.113.0/24' }] }]);
      expect(passingChecks('azurerm_container_registry', acr)).toContain('AZPOL-d0793b48-0edc-4296-a390-4c75d1bdfd71');
      expect(warningsOf(registry)).toEqual([]);
    });

    test('retention, name and tags', () => {
      const [, acr] = synthRegistry({ retention: Duration.days(30), name: 'crmlprod01', tags: { env: 'prod' } });
      expect(acr).toMatchObject({ retention_policy_in_days: 30, name: 'crmlprod01', tags: { env: 'prod' } });
    });

    test('Standard sku with public access: no Premium-only settings', () => {
      const [, acr] = synthRegistry({ sku: ContainerRegistrySku.STANDARD, publicNetworkAccessEnabled: true });
      expect(acr).toMatchObject({ sku: 'Standard', export_policy_enabled: true, data_endpoint_enabled: false, zone_redundancy_enabled: false });
      expect(acr.network_rule_set).toBeUndefined();
      expect(acr.retention_policy_in_days).toBeUndefined();
    });
  });

  describe('validation', () => {
    test.each([['cr-ml'], ['crml'], ['c'.repeat(51)], ['cr_ml01']])('rejects the name %s', (name) => {
      expect(() => new ContainerRegistry(providerStack('stack'), 'Registry', { resourceGroup: RG, name }))
        .toThrow(new RegExp(`stack/Registry: container registry name '${name}' is invalid: it must be 5-50 letters and digits`));
    });

    test('a non-Premium sku needs public access and no Premium-only settings', () => {
      expect(() => new ContainerRegistry(providerStack('stack'), 'Registry', { resourceGroup: RG, sku: ContainerRegistrySku.BASIC }))
        .toThrow(/stack\/Registry: container registry sku 'Basic' does not support disabling public network access.*ContainerRegistrySku.PREMIUM/);
      expect(() => new ContainerRegistry(providerStack('stack'), 'Registry', {
        resourceGroup: RG, sku: ContainerRegistrySku.STANDARD, publicNetworkAccessEnabled: true, zoneRedundancy: true, retention: Duration.days(3),
      })).toThrow(/sku 'Standard' does not support zoneRedundancy, retention/);
    });

    test('rejects IP rules while public access is disabled', () => {
      expect(() => new ContainerRegistry(providerStack('stack'), 'Registry', { resourceGroup: RG, ipRules: ['203.0.113.7'] }))
        .toThrow(/stack\/Registry: ipRules were given but public network access is disabled/);
    });

    test('rejects retention beyond 365 days', () => {
      expect(() => new ContainerRegistry(providerStack('stack'), 'Registry', { resourceGroup: RG, retention: Duration.days(400) }))
        .toThrow(/container registry retention is P400D; it must be a whole number of days from 0 to 365/);
    });
  });

  describe('import', () => {
    test('by ID: name parsed, public-cloud login server', () => {
      const registry = ContainerRegistry.fromContainerRegistryId(providerStack('stack'), 'Shared', ACR_ID);
      expect(registry.containerRegistryName).toBe('crshared01');
      expect(registry.loginServer).toBe('crshared01.azurecr.io');
    });

    test('rejects an ID of another resource type', () => {
      expect(() => ContainerRegistry.fromContainerRegistryId(providerStack('stack'), 'Shared', '/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1'))
        .toThrow(/stack\/Shared: '.*kv1' is not a container registry ID; expected .*Microsoft.ContainerRegistry\/registries\/<name>/);
    });

    test('from an L1 resource', () => {
      const stack = providerStack('stack');
      const l1 = new AzurermContainerRegistry(stack, 'L1', { name: 'crl1ml', resourceGroupName: 'rg', location: 'westeurope', sku: 'Premium' });
      const registry = ContainerRegistry.fromResource(stack, 'Imported', l1);
      expect(resolved(stack, registry.containerRegistryName)).toBe('${azurerm_container_registry.L1.name}');
      expect(resolved(stack, registry.loginServer)).toBe('${azurerm_container_registry.L1.login_server}');
    });
  });

  test('grants: AcrPull / AcrPush with role name, principal and scope', () => {
    const stack = providerStack('stack');
    const registry = new ContainerRegistry(stack, 'Registry', { resourceGroup: RG });
    registry.grantPull(UserAssignedIdentityRef.fromAttributes({ identityId: '/x', principalId: '22222222-2222-2222-2222-222222222222', key: 'compute' }));
    registry.grantPush(Principal.servicePrincipal('66666666-6666-6666-6666-666666666666', { key: 'ci' }));
    const json = synthJson(stack);
    expectConformant(json);
    const assignments = Object.values<any>(json.resource.azurerm_role_assignment);
    expect(assignments).toHaveLength(2);
    expect(assignments).toEqual(expect.arrayContaining([
      expect.objectContaining({
        role_definition_name: 'AcrPull',
        principal_id: '22222222-2222-2222-2222-222222222222',
        skip_service_principal_aad_check: true,
        scope: expect.stringMatching(/^\$\{azurerm_container_registry\.Registry_\w+\.id\}$/),
      }),
      expect.objectContaining({ role_definition_name: 'AcrPush', principal_id: '66666666-6666-6666-6666-666666666666', principal_type: 'ServicePrincipal' }),
    ]));
  });

  test('addDiagnosticSettings sends allLogs and AllMetrics to Log Analytics', () => {
    const stack = providerStack('stack');
    const registry = new ContainerRegistry(stack, 'Registry', { resourceGroup: RG });
    registry.addDiagnosticSettings(new LogAnalyticsWorkspace(stack, 'Logs', { resourceGroup: RG, internetIngestionEnabled: true, internetQueryEnabled: true }));
    const json = synthJson(stack);
    expectConformant(json);
    expect(only(json, 'azurerm_monitor_diagnostic_setting')).toMatchObject({
      target_resource_id: expect.stringMatching(/azurerm_container_registry\.Registry_\w+\.id/),
      enabled_log: [{ category_group: 'allLogs' }],
      enabled_metric: [{ category: 'AllMetrics' }],
    });
  });
});

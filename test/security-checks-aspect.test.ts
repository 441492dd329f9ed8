// AzureMlSecurityChecks: the security rule pack as a cdktf Aspect, on raw azurerm L1 resources, other libraries'
// resources and the library's own defaults; suppressions; levels; the catalogue against security-checks.json.
import * as fs from 'fs';
import * as path from 'path';
import { ContainerRegistry as L1Registry } from '@cdktf/provider-azurerm/lib/container-registry';
import { StorageAccount as L1StorageAccount, StorageAccountConfig } from '@cdktf/provider-azurerm/lib/storage-account';
import { App, Aspects, TerraformResource, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { rulesTableMarkdown, securityChecks, toCondition } from './support/security-checks';
import { expectConformant, providerStack, synthJson } from './support/synth';
import { AzureMlSecurityChecks, CheckLevel } from '../src/checks';
import { Outcome } from '../src/checks/condition';
import { evaluateResource } from '../src/checks/evaluate';
import { libraryExceptionIds } from '../src/checks/library-exceptions';
import { SECURITY_RULES } from '../src/checks/rules';
import { ResourceGroupRef } from '../src/core/resource-group';
import { BlobDatastore } from '../src/datastore';
import { BlobContainerTarget } from '../src/datastore/targets';
import { Subnet } from '../src/network';
import { Workspace } from '../src/workspace/workspace';
import { ManagedNetworkIsolation } from '../src/workspace/workspace-ref';

const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');
const KEY_ID = 'https://kv-cmk.vault.azure.net/keys/storage/0123456789abcdef0123456789abcdef';
const PE_SUBNET_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-pe';
const UAI_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-storage';

/** One finding: an `AZML-SEC-` annotation on a construct. */
interface Finding {
  readonly path: string;
  readonly level: string;
  readonly rule: string;
  readonly message: string;
}

/** Every security finding on `root` and below, as annotations (warnings and errors). */
function findingsOf(root: IConstruct): Finding[] {
  return root.node.findAll().flatMap(c => c.node.metadata
    .filter(m => (m.type === '@cdktf/warn' || m.type === '@cdktf/error') && String(m.data).startsWith('[AZML-SEC-'))
    .map(m => ({ path: c.node.path, level: m.type, rule: String(m.data).slice(1, 13), message: String(m.data) })));
}

/** Adds the aspect, synthesizes (the JSON must conform to the schemas) and returns the findings. */
function check(stack: TerraformStack, level?: CheckLevel): Finding[] {
  Aspects.of(stack).add(new AzureMlSecurityChecks({ level }));
  expectConformant(synthJson(stack));
  return findingsOf(stack);
}

/** `rule @ path` lines, sorted: what a reviewer of the expected lists reads. */
function summary(findings: Finding[]): string[] {
  return findings.map(f => `${f.rule} @ ${f.path}`).sort();
}

/** An azurerm L1 storage account with every security attribute set to pass. */
const COMPLIANT_ACCOUNT: Omit<StorageAccountConfig, 'name' | 'resourceGroupName' | 'location'> = {
  accountTier: 'Standard',
  accountReplicationType: 'GZRS',
  accountKind: 'StorageV2',
  httpsTrafficOnlyEnabled: true,
  minTlsVersion: 'TLS1_2',
  publicNetworkAccessEnabled: false,
  allowNestedItemsToBePublic: false,
  sharedAccessKeyEnabled: false,
  localUserEnabled: false,
  crossTenantReplicationEnabled: false,
  infrastructureEncryptionEnabled: true,
  networkRules: { defaultAction: 'Deny', bypass: ['AzureServices'], ipRules: [], virtualNetworkSubnetIds: [] },
  blobProperties: {
    versioningEnabled: true,
    deleteRetentionPolicy: { days: 30 },
    containerDeleteRetentionPolicy: { days: 30 },
  },
  queueProperties: { logging: { delete: true, read: true, write: true, version: '1.0', retentionPolicyDays: 30 } },
  identity: { type: 'UserAssigned', identityIds: [UAI_ID] },
  customerManagedKey: { keyVaultKeyId: KEY_ID, userAssignedIdentityId: UAI_ID },
};

function l1Account(stack: TerraformStack, id: string, config: Partial<StorageAccountConfig>): L1StorageAccount {
  return new L1StorageAccount(stack, id, {
    name: 'stcompliant01', resourceGroupName: 'rg-ml', location: 'westeurope', ...COMPLIANT_ACCOUNT, ...config,
  });
}

describe('raw azurerm L1 resources', () => {
  test('an insecure storage account: every failed rule names its IDs, the resource and the fix', () => {
    const stack = providerStack('l1');
    // What a hand-written account often looks like: network, shared key and TLS left to the defaults or worse.
    new L1StorageAccount(stack, 'Open', {
      name: 'stopen01',
      resourceGroupName: 'rg-ml',
      location: 'westeurope',
      accountTier: 'Standard',
      accountReplicationType: 'LRS',
      minTlsVersion: 'TLS1_0',
    });
    const findings = check(stack);
    const rules = findings.map(f => f.rule);
    expect(rules).toEqual(expect.arrayContaining([
      'AZML-SEC-021', // TLS 1.0
      'AZML-SEC-022', // public network access: unset, the provider default is true
      'AZML-SEC-023', // no network_rules: the firewall allows all networks
      'AZML-SEC-026', // blob public access: unset, the provider default is true
      'AZML-SEC-027', // LRS
      'AZML-SEC-031', // shared keys: unset, the provider default is true
    ]));
    expect(findings.every(f => f.path === 'l1/Open' && f.level === '@cdktf/warn')).toBe(true);

    const tls = findings.find(f => f.rule === 'AZML-SEC-021')!.message;
    expect(tls).toContain('CKV_AZURE_44');
    expect(tls).toContain('AZPOL-fe83a0eb-a853-422d-aac2-1bffd182c5d0');
    expect(tls).toContain('azurerm_storage_account.Open');
    expect(tls).toContain('l1/Open');
    expect(tls).toContain('Fix: set min_tls_version = "TLS1_2"');

    const network = findings.find(f => f.rule === 'AZML-SEC-022')!.message;
    expect(network).toContain('CKV_AZURE_59');
    expect(network).toContain('the provider default is true');
    expect(network).toContain('public_network_access_enabled = false');

    const sharedKey = findings.find(f => f.rule === 'AZML-SEC-031')!.message;
    expect(sharedKey).toMatch(/CKV2_AZURE_40.*KICS-45f3e879.*AZPOL-8c6a50c6/);
  });

  test('a public container registry with the admin user', () => {
    const stack = providerStack('l1');
    new L1Registry(stack, 'Registry', {
      name: 'crpublic01', resourceGroupName: 'rg-ml', location: 'westeurope', sku: 'Basic', adminEnabled: true,
    });
    const findings = check(stack);
    expect(findings.map(f => f.rule)).toEqual(expect.arrayContaining(['AZML-SEC-050', 'AZML-SEC-052', 'AZML-SEC-054']));
    const admin = findings.find(f => f.rule === 'AZML-SEC-050')!.message;
    expect(admin).toMatch(/^\[AZML-SEC-050\] azurerm_container_registry\.Registry \(l1\/Registry\) fails CKV_AZURE_137, KICS-b897dfbf-[\w-]+, AZPOL-dc921057-[\w-]+: /);
    expect(admin).toContain('Fix: set admin_enabled = false');
    expect(findings.find(f => f.rule === 'AZML-SEC-052')!.message).toContain('CKV_AZURE_139');
  });

  test('a compliant storage account passes every rule', () => {
    const stack = providerStack('l1');
    l1Account(stack, 'Compliant', {});
    expect(summary(check(stack))).toEqual([]);
  });

  test('unset attributes are judged with the provider defaults, not as the scanners read them', () => {
    const stack = providerStack('l1');
    // min_tls_version unset is TLS1_2 (Checkov's CKV_AZURE_44 would still fail it; the account is fine).
    // cross_tenant_replication_enabled unset is false in azurerm v4.
    l1Account(stack, 'Defaults', { minTlsVersion: undefined, crossTenantReplicationEnabled: undefined });
    // public_network_access_enabled unset is true (Checkov's CKV2_AZURE_49 would pass an unset workspace flag).
    l1Account(stack, 'Public', { name: 'stpublic01', publicNetworkAccessEnabled: undefined });
    expect(summary(check(stack))).toEqual(['AZML-SEC-022 @ l1/Public']);
  });

  test('a value that is a Terraform expression skips the checks that need it, never guesses', () => {
    const stack = providerStack('l1');
    const publicAccess = new TerraformVariable(stack, 'public_access', { type: 'bool' });
    const tls = new TerraformVariable(stack, 'min_tls', { type: 'string' });
    const replication = new TerraformVariable(stack, 'replication', { type: 'string' });
    l1Account(stack, 'Variable', {
      publicNetworkAccessEnabled: publicAccess.booleanValue,
      minTlsVersion: tls.stringValue,
      accountReplicationType: replication.stringValue,
      sharedAccessKeyEnabled: true, // known: still judged
      sasPolicy: { expirationPeriod: '00.04:00:00' },
    });
    expect(summary(check(stack))).toEqual(['AZML-SEC-031 @ l1/Variable']);
  });

  test('resources of other libraries are judged on their synthesized attributes, overrides included', () => {
    const stack = providerStack('other');
    // A resource declared without the azurerm bindings (a module's or another construct library's).
    const raw = new TerraformResource(stack, 'Raw', { terraformResourceType: 'azurerm_container_registry' });
    for (const [key, value] of Object.entries({
      name: 'crraw01', resource_group_name: 'rg-ml', location: 'westeurope', sku: 'Premium', admin_enabled: true,
    })) raw.addOverride(key, value);
    // An escape-hatch override on an L1 counts too.
    l1Account(stack, 'Overridden', {}).addOverride('public_network_access_enabled', true);
    const findings = check(stack);
    expect(findings.filter(f => f.path === 'other/Raw').map(f => f.rule)).toContain('AZML-SEC-050');
    expect(findings.filter(f => f.path === 'other/Overridden').map(f => f.rule)).toEqual(['AZML-SEC-022']);
  });
});

describe('evaluation of one resource\'s attributes', () => {
  const outcomeOf = (type: string, config: Record<string, unknown>, rule: string) =>
    evaluateResource(type, config).find(r => r.rule.id === rule)!.outcome;

  test('a block given as an expression (a dynamic block) is unknown, not absent', () => {
    expect(outcomeOf('azurerm_storage_account', { network_rules: '${var.rules}' }, 'AZML-SEC-023')).toBe(Outcome.UNKNOWN);
    expect(outcomeOf('azurerm_storage_account', {}, 'AZML-SEC-023')).toBe(Outcome.FAIL);
  });

  test('a known value decides even when another is unknown', () => {
    // One known open georeplication fails zone redundancy whatever the unknown one holds.
    const config = {
      zone_redundancy_enabled: true,
      georeplications: [{ location: 'northeurope', zone_redundancy_enabled: false }, { location: '${var.loc}', zone_redundancy_enabled: '${var.zr}' }],
    };
    expect(outcomeOf('azurerm_container_registry', config, 'AZML-SEC-059')).toBe(Outcome.FAIL);
    expect(outcomeOf('azurerm_container_registry', { ...config, georeplications: [config.georeplications[1]] }, 'AZML-SEC-059')).toBe(Outcome.UNKNOWN);
  });

  test('an any-of rule passes on its known branch', () => {
    const config = { public_network_access_enabled: false, network_rule_set: '${var.rules}' };
    const registry = evaluateResource('azurerm_container_registry', config).find(r => r.rule.id === 'AZML-SEC-052')!;
    expect(registry.checks.get('AZPOL-d0793b48-0edc-4296-a390-4c75d1bdfd71')).toBe(Outcome.PASS);
  });

  test('an unset block given as an empty list gets the provider default', () => {
    expect(outcomeOf('azurerm_key_vault', { network_acls: [], public_network_access_enabled: false }, 'AZML-SEC-041')).toBe(Outcome.FAIL);
    expect(outcomeOf('azurerm_key_vault', { network_acls: [{ default_action: 'Deny' }] }, 'AZML-SEC-041')).toBe(Outcome.PASS);
  });

  test('an azapi_resource workspace (any kind, any API version) is judged by the workspace rules on its ARM body', () => {
    const ws = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
      type: 'Microsoft.MachineLearningServices/workspaces@2024-10-01', body: { kind: 'Hub', properties }, ...extra,
    });
    const outcomes = (config: Record<string, unknown>) =>
      Object.fromEntries(evaluateResource('azapi_resource', config).map(r => [r.rule.id, r.outcome]));
    expect(outcomes(ws({ publicNetworkAccess: 'Enabled' }))).toEqual({
      'AZML-SEC-001': Outcome.FAIL, 'AZML-SEC-002': Outcome.FAIL, 'AZML-SEC-003': Outcome.FAIL, 'AZML-SEC-004': Outcome.FAIL,
    });
    // Unset public access is the ARM default (Enabled); a body given as JSON text (azapi 1.x) is read too.
    expect(outcomeOf('azapi_resource', ws({}), 'AZML-SEC-001')).toBe(Outcome.FAIL);
    expect(outcomeOf('azapi_resource', { ...ws({}), body: JSON.stringify({ properties: { publicNetworkAccess: 'Disabled' } }) }, 'AZML-SEC-001'))
      .toBe(Outcome.PASS);
    expect(outcomeOf('azapi_resource', ws({ publicNetworkAccess: '${var.access}' }), 'AZML-SEC-001')).toBe(Outcome.UNKNOWN);
    const hardened = ws({
      publicNetworkAccess: 'disabled',
      primaryUserAssignedIdentity: '/id',
      managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' },
      encryption: { status: 'Enabled', keyVaultProperties: { keyVaultArmId: '/kv', keyIdentifier: 'https://kv/keys/k/1' } },
    }, { identity: [{ type: 'UserAssigned', identity_ids: ['/id'] }] });
    expect(Object.values(outcomes(hardened))).toEqual([Outcome.PASS, Outcome.PASS, Outcome.PASS, Outcome.PASS]);
    // Child types of workspaces are not workspaces.
    expect(evaluateResource('azapi_resource', { type: 'Microsoft.MachineLearningServices/workspaces/computes@2025-06-01', body: {} })).toEqual([]);
  });

  test('resource types without rules are not judged', () => {
    expect(evaluateResource('azapi_resource', { body: {} })).toEqual([]);
  });
});

describe('suppressions and levels', () => {
  function openAccount(stack: TerraformStack, id = 'Open'): L1StorageAccount {
    return l1Account(stack, id, {
      name: `st${id.toLowerCase()}01`, publicNetworkAccessEnabled: true, sharedAccessKeyEnabled: true, sasPolicy: { expirationPeriod: '00.04:00:00' },
    });
  }

  test('a rule ID suppresses the rule on the construct and everything below it', () => {
    const stack = providerStack('s');
    openAccount(stack, 'A');
    openAccount(stack, 'B');
    AzureMlSecurityChecks.suppress(stack, 'AZML-SEC-031', 'shared keys are needed by the legacy ingestion job; SAS expiry is 4 h');
    AzureMlSecurityChecks.suppress(stack.node.findChild('A'), 'AZML-SEC-022', 'reached through the platform private endpoint');
    expect(summary(check(stack))).toEqual(['AZML-SEC-022 @ s/B']);
    // Visible in the synthesized JSON (the `//` block the CLI writes), on each resource it silenced.
    const accounts = (stack.toTerraform() as any).resource.azurerm_storage_account;
    expect(accounts.A['//'].acknowledged).toEqual({
      'AZML-SEC-031': 'shared keys are needed by the legacy ingestion job; SAS expiry is 4 h',
      'AZML-SEC-022': 'reached through the platform private endpoint',
    });
    expect(accounts.B['//'].acknowledged).toEqual({ 'AZML-SEC-031': 'shared keys are needed by the legacy ingestion job; SAS expiry is 4 h' });
  });

  test('a check ID with dots (PSRule) is one key of the recorded suppressions', () => {
    const stack = providerStack('s');
    const cluster = new TerraformResource(stack, 'Cluster', { terraformResourceType: 'azurerm_machine_learning_compute_cluster' });
    const attributes = {
      name: 'cpu',
      location: 'westeurope',
      vm_priority: 'Dedicated',
      vm_size: 'Standard_DS3_v2',
      local_auth_enabled: false,
      machine_learning_workspace_id: '${var.workspace_id}',
      identity: { type: 'SystemAssigned' },
      scale_settings: { min_node_count: 0, max_node_count: 2, scale_down_nodes_after_idle_duration: 'PT15M' },
    };
    for (const [key, value] of Object.entries(attributes)) cluster.addOverride(key, value);
    AzureMlSecurityChecks.suppress(cluster, 'PSRULE-Azure.ML.ComputeVnet', 'computes run in the managed network');
    const findings = check(stack);
    expect(findings.map(f => f.message)).toEqual([expect.stringMatching(/^\[AZML-SEC-012\] .* fails AZPOL-7804b5c7-01dc-4723-969b-ae300cc07ff1: /)]);
    const synthesized = (stack.toTerraform() as any).resource.azurerm_machine_learning_compute_cluster.Cluster;
    expect(synthesized['//'].acknowledged).toEqual({ 'PSRULE-Azure.ML.ComputeVnet': 'computes run in the managed network' });
  });

  test('a check ID suppresses that check only: the finding keeps the other tools\' IDs', () => {
    const stack = providerStack('s');
    AzureMlSecurityChecks.suppress(openAccount(stack), 'CKV_AZURE_59', 'Checkov baseline accepted by the security team');
    const network = check(stack).filter(f => f.rule === 'AZML-SEC-022');
    expect(network).toHaveLength(1);
    expect(network[0].message).toMatch(/^\[AZML-SEC-022\] \S+ \(s\/Open\) fails AZPOL-b2982f36-99f2-4db5-8eff-283140c09693: /);
  });

  test('a suppression needs a reason and a known ID', () => {
    const stack = providerStack('s');
    const account = openAccount(stack);
    expect(() => AzureMlSecurityChecks.suppress(account, 'CKV_AZURE_35', '')).toThrow(/s\/Open: suppressing 'CKV_AZURE_35' needs a reason/);
    expect(() => AzureMlSecurityChecks.suppress(account, 'CKV_AZURE_35', '   ')).toThrow(/needs a reason/);
    expect(() => AzureMlSecurityChecks.suppress(account, 'CKV_AZURE_9999', 'typo')).toThrow(/cannot suppress 'CKV_AZURE_9999'.*docs\/security-checks\.md/);
  });

  test('level ERROR reports failures as error annotations, which fail cdktf synth', () => {
    const stack = providerStack('s');
    openAccount(stack);
    const findings = check(stack, CheckLevel.ERROR);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every(f => f.level === '@cdktf/error')).toBe(true);
  });

  test('synthesizing twice reports each finding once', () => {
    const stack = providerStack('s');
    openAccount(stack);
    const first = check(stack).length;
    synthJson(stack);
    expect(findingsOf(stack)).toHaveLength(first);
  });

  test('the default level is WARNING', () => {
    expect(new AzureMlSecurityChecks().level).toBe(CheckLevel.WARNING);
  });
});

describe('the library\'s own defaults', () => {
  /**
   * Rules a stack of library defaults still fails, each with why it is not suppressed. The default workspace keeps
   * public network access (studio works without private networking) and warns about it; when the defaults change,
   * update this list.
   */
  const EXPECTED_DEFAULT_FAILURES = [
    'AZML-SEC-001 @ lib/Workspace/Resource', // public workspace (the workspace warns: privateNetwork)
    'AZML-SEC-004 @ lib/Workspace/Resource', // managed network allows internet outbound by default
    'AZML-SEC-022 @ lib/Workspace/Storage/Resource', // public storage of a public workspace
    'AZML-SEC-023 @ lib/Workspace/Storage/Resource',
    'AZML-SEC-052 @ lib/Workspace/ContainerRegistry/Resource', // public registry of a public workspace
    'AZML-SEC-053 @ lib/Workspace/ContainerRegistry/Resource', // export needs public access off
    'AZML-SEC-070 @ lib/Workspace/ApplicationInsights/Resource', // private ingestion needs an AMPLS
    'AZML-SEC-071 @ lib/Workspace/ApplicationInsights/Resource', // AML SDK logging uses the instrumentation key
    'AZML-SEC-074 @ lib/Workspace/LogAnalytics/Resource', // private ingestion needs an AMPLS
  ];

  /** Rules a private workspace of library defaults still fails, each with why it is not suppressed. */
  const EXPECTED_PRIVATE_FAILURES: string[] = [
    'AZML-SEC-071 @ lib/Workspace/ApplicationInsights/Resource', // AML SDK logging uses the instrumentation key (the component warns)
  ];

  function libraryDefaults(): TerraformStack {
    const stack = providerStack('lib');
    const workspace = new Workspace(stack, 'Workspace', { resourceGroup: RG });
    workspace.addComputeCluster('Cpu', {});
    new BlobDatastore(stack, 'Data', { workspace, container: BlobContainerTarget.create(workspace.storageAccount!, 'data') });
    return stack;
  }

  test('a workspace with its dependencies, a compute cluster and a datastore: only the listed rules fail', () => {
    expect(summary(check(libraryDefaults()))).toEqual([...EXPECTED_DEFAULT_FAILURES].sort());
  });

  test('the default workspace is judged as a workspace (its azapi_resource) and its storage passes the shared-key rule', () => {
    const stack = libraryDefaults();
    const findings = check(stack);
    // AZML-SEC-001/004 above are findings on the workspace azapi_resource: the workspace rules judge it.
    expect(findings.filter(f => f.rule === 'AZML-SEC-001')[0].message).toMatch(/^\[AZML-SEC-001\] azapi_resource\.\S+ \(lib\/Workspace\/Resource\) fails CKV_AZURE_144/);
    // Born in identity mode, the workspace needs no keys: shared-key access is off, not suppressed (AZML-SEC-031).
    const storage = (stack.toTerraform() as any).resource.azurerm_storage_account;
    const account: any = Object.values(storage)[0];
    expect(account.shared_access_key_enabled).toBe(false);
    expect(account['//']?.acknowledged?.['AZML-SEC-031']).toBeUndefined();
    expect(findings.filter(f => f.rule === 'AZML-SEC-031')).toEqual([]);
  });

  /** The documented exceptions the library records on its own resources (reasons in src/checks/library-exceptions.ts). */
  const LIBRARY_SUPPRESSIONS = [
    'AZML-SEC-002 @ lib/Workspace/Resource', // customer-managed key: opt-in
    'AZML-SEC-003 @ lib/Workspace/Resource', // user-assigned identity: opt-in
    'AZML-SEC-012 @ lib/Workspace/Cpu/Resource', // the cluster runs in the managed network
    'AZML-SEC-029 @ lib/Workspace/Storage/Resource', // customer-managed key: opt-in
    'AZML-SEC-033 @ lib/Workspace/Storage/Resource', // deprecated queue_properties; diagnostic settings instead
    'AZML-SEC-035 @ lib/Workspace/Storage/Resource', // versioning: opt-in (cost)
    'AZML-SEC-055 @ lib/Workspace/ContainerRegistry/Resource', // geo-replication: opt-in (cost)
    'AZML-SEC-056 @ lib/Workspace/ContainerRegistry/Resource', // Docker Content Trust is deprecated
    'AZML-SEC-057 @ lib/Workspace/ContainerRegistry/Resource', // quarantine blocks Azure ML pulls
    'AZML-SEC-059 @ lib/Workspace/ContainerRegistry/Resource', // zone redundancy: opt-in
    'AZML-SEC-061 @ lib/Workspace/ContainerRegistry/Resource', // customer-managed key: opt-in
  ];

  test('the suppressions the library applies are reasoned and recorded in the synthesized JSON', () => {
    const stack = libraryDefaults();
    check(stack);
    const recorded: string[] = [];
    const resources = (stack.toTerraform() as any).resource;
    for (const byName of Object.values(resources) as any[]) {
      for (const body of Object.values(byName) as any[]) {
        for (const [id, reason] of Object.entries(body['//']?.acknowledged ?? {})) {
          expect(reason).toMatch(/^cdktf-azureml default: .{40,}/);
          recorded.push(`${id} @ ${body['//'].metadata.path}`);
        }
      }
    }
    expect(recorded.sort()).toEqual(LIBRARY_SUPPRESSIONS);
  });

  test('a private workspace (privateEndpoint) closes the network rules; what remains is listed', () => {
    const stack = providerStack('lib');
    const workspace = new Workspace(stack, 'Workspace', {
      resourceGroup: RG,
      publicNetworkAccessEnabled: false,
      managedNetwork: { isolationMode: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND },
      privateEndpoint: { subnet: Subnet.fromSubnetId(stack, 'PeSubnet', PE_SUBNET_ID) },
    });
    workspace.addComputeCluster('Cpu', {});
    expect(summary(check(stack))).toEqual(EXPECTED_PRIVATE_FAILURES);
  });

  // Loaded as examples.test.ts does: the examples compile against their own tsconfig.
  const examplesDir = path.join(__dirname, '..', 'examples');
  const examples = fs.readdirSync(examplesDir).filter(name => fs.existsSync(path.join(examplesDir, name, 'main.ts')));

  test.each(examples)('example %s fails no more than the library defaults', (name) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const example: { build(app: App): TerraformStack[] } = require(path.join(examplesDir, name, 'main.ts'));
    for (const stack of example.build(Testing.app())) {
      // A Hub creates its dependencies exactly as a Workspace does: compare them under the workspace's paths.
      const found = summary(check(stack)).map(f => f.replace(`@ ${stack.node.id}/`, '@ lib/').replace('@ lib/Hub/', '@ lib/Workspace/'));
      expect(found.filter(f => !EXPECTED_DEFAULT_FAILURES.includes(f))).toEqual([]);
      // The quickstart is the library defaults: it fails exactly the same rules.
      if (name === 'quickstart') expect(found).toEqual([...EXPECTED_DEFAULT_FAILURES].sort());
    }
  });
});

describe('the rule catalogue (against the committed security-checks.json)', () => {
  test('holds exactly the checks of security-checks.json', () => {
    const normalise = (c: any): any => (c.op === 'any_of'
      ? { op: 'any_of', anyOf: c.anyOf.map(normalise).sort((a: any, b: any) => JSON.stringify(a).localeCompare(JSON.stringify(b))) }
      : { path: c.path, op: c.op, expected: c.expected ?? null });
    const key = (e: object) => JSON.stringify(e);
    const shipped = SECURITY_RULES.flatMap(rule => rule.checks.flatMap(c => (c.resourceTypes ?? rule.resourceTypes)
      .flatMap(type => c.conditions.map(cond => key({ id: c.id, type, condition: normalise(cond) }))))).sort();
    const reference = securityChecks().map(e => key({
      id: e.id, type: e.resource_type, condition: normalise(toCondition(e.attribute_path, e.condition, e.expected)),
    })).sort();
    expect(shipped).toEqual(reference);
  });

  test('rule IDs are unique and every check belongs to one rule', () => {
    const ruleIds = SECURITY_RULES.map(r => r.id);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    const owners = new Map<string, string>();
    for (const rule of SECURITY_RULES) {
      for (const c of rule.checks) {
        expect([c.id, owners.get(c.id) ?? rule.id]).toEqual([c.id, rule.id]);
        owners.set(c.id, rule.id);
      }
    }
    expect(owners.size).toBe(new Set(securityChecks().map(e => e.id)).size);
  });
});

describe('docs/security-checks.md', () => {
  const docs = fs.readFileSync(path.join(__dirname, '..', 'docs', 'security-checks.md'), 'utf8');

  test('holds the rules table of the shipped catalogue', () => {
    expect(docs).toContain(rulesTableMarkdown());
  });

  test('lists every exception the library records itself', () => {
    const section = docs.slice(docs.indexOf('## Exceptions the library records itself'), docs.indexOf('## Rules'));
    expect(libraryExceptionIds().filter(id => !section.includes(`| ${id} |`))).toEqual([]);
  });
});

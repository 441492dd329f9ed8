import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { planValue, TEST_SUBSCRIPTION_ID } from './support/plan-names';
import { expectConformant, only, providerStack, synthJson } from './support/synth';
import { onlyWorkspace, workspaceAddress } from './support/workspace-l1';
import { Naming, NamingConvention } from '../src/core/naming-convention';
import { Refactor } from '../src/core/refactor';
import { ResourceGroupRef } from '../src/core/resource-group';
import { StorageAccount } from '../src/storage/storage-account';
import { Workspace, WorkspaceProps } from '../src/workspace/workspace';

const GLOBAL_TYPES = ['azurerm_storage_account', 'azurerm_key_vault', 'azurerm_container_registry'];

/** The README quick start: a resource group and a default workspace, in a fresh app. */
function quickstart(options: {
  rgName?: string;
  workspaceId?: string;
  parent?: string;
  props?: Partial<WorkspaceProps>;
  before?: (stack: TerraformStack) => void;
} = {}): any {
  const stack = providerStack('ml');
  options.before?.(stack);
  const rg = new ResourceGroup(stack, 'ResourceGroup', { name: options.rgName ?? 'rg-ml', location: 'westeurope' });
  const scope = options.parent ? new Construct(stack, options.parent) : stack;
  new Workspace(scope, options.workspaceId ?? 'Workspace', { resourceGroup: ResourceGroupRef.fromResource(rg), ...options.props });
  return synthJson(stack);
}

/** The names `terraform plan` shows for the globally unique resources of a synthesized quick start. */
function plannedNames(json: any, subscriptionId = TEST_SUBSCRIPTION_ID): Record<string, string> {
  const rgName = only(json, 'azurerm_resource_group').name;
  const rgNames = { 'azurerm_resource_group.ResourceGroup.name': rgName };
  return Object.fromEntries(GLOBAL_TYPES.map(t => [t, planValue(only(json, t).name, subscriptionId, rgNames)]));
}

/** Every (type, name) pair of the managed resources of a synthesized stack. */
function physicalNames(json: any): string[] {
  return Object.entries(json.resource as Record<string, Record<string, any>>)
    .flatMap(([type, resources]) => Object.values(resources).map(r => `${type}: ${JSON.stringify(r.name)}`))
    .sort();
}

function addresses(json: any): string[] {
  return Object.entries(json.resource as Record<string, Record<string, any>>)
    .flatMap(([type, resources]) => Object.keys(resources).map(id => `${type}.${id}`))
    .sort();
}

describe('globally unique names are unique per deployment', () => {
  test('two apps differing only in resource group or subscription get different storage, vault and registry names', () => {
    const a = plannedNames(quickstart({ rgName: 'rg-ml-a' }));
    const b = plannedNames(quickstart({ rgName: 'rg-ml-b' }));
    const json = quickstart({ rgName: 'rg-ml-a' });
    const otherSubscription = plannedNames(json, '11111111-1111-1111-1111-111111111111');
    for (const type of GLOBAL_TYPES) {
      expect(new Set([a[type], b[type], otherSubscription[type]]).size).toBe(3);
    }
    expect(plannedNames(json)).toEqual(a); // same inputs, same names
    expect(a.azurerm_storage_account).toMatch(/^workspacestorage[0-9a-f]{8}$/);
    expect(a.azurerm_key_vault).toMatch(/^keyvault-[0-9a-f]{8}$/);
    expect(a.azurerm_container_registry).toMatch(/^workspacecontainerregistry[0-9a-f]{8}$/);
  });

  test('the name is a literal in the plan: an expression over the client config data source and configuration values only', () => {
    const json = quickstart();
    expectConformant(json);
    for (const type of GLOBAL_TYPES) {
      expect(only(json, type).name).toMatch(new RegExp('^[a-z-]+\\$\\{substr\\(sha256\\(join\\("/", \\[data\\.azurerm_client_config\\.'
        + 'AzureMlClientConfig\\.subscription_id, azurerm_resource_group\\.ResourceGroup\\.name, "ml/Workspace/\\w+"\\]\\)\\), 0, 8\\)\\}$'));
    }
    // The data source has no depends_on, so Terraform reads it during plan.
    expect(json.data.azurerm_client_config.AzureMlClientConfig).toEqual({});
  });

  test('Terraform computes the same suffix as the tests do (terraform console, when terraform is installed)', () => {
    let terraform = true;
    try { execFileSync('terraform', ['version'], { stdio: 'ignore' }); } catch { terraform = false; }
    if (!terraform) return; // a user's machine without terraform: planValue is still checked against sha256 above
    const name = only(quickstart(), 'azurerm_storage_account').name as string;
    const literal = name
      .replace('data.azurerm_client_config.AzureMlClientConfig.subscription_id', JSON.stringify(TEST_SUBSCRIPTION_ID))
      .replace('azurerm_resource_group.ResourceGroup.name', '"rg-ml"');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-console-'));
    fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({ locals: { name: literal } }));
    const out = execFileSync('terraform', ['console'], { cwd: dir, input: 'local.name\n', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
    expect(JSON.parse(out.toString().trim())).toBe(plannedNames(quickstart()).azurerm_storage_account);
  });

  test('names stay the same when unrelated props change', () => {
    const before = plannedNames(quickstart());
    const after = plannedNames(quickstart({ props: { friendlyName: 'ML platform', tags: { team: 'ml' }, imageBuildComputeName: 'builder' } }));
    expect(after).toEqual(before);
  });
});

describe('Refactor.moved: renaming or moving a construct keeps every resource', () => {
  const before = quickstart();

  test.each([
    ['renamed', { workspaceId: 'Ml' }, 'Ml'],
    ['moved under a new parent', { workspaceId: 'Ml', parent: 'Platform' }, 'Platform/Ml'],
  ])('%s: a moved block for every resource, and unchanged physical names', (_what, options, to) => {
    const after = quickstart({ ...options, before: stack => Refactor.moved(stack, 'Workspace', to) });
    expectConformant(after);
    const moved: Array<{ from: string; to: string }> = after.moved;
    const changed = addresses(after).filter(a => !addresses(before).includes(a));
    const stateful = ['azurerm_log_analytics_workspace', 'azurerm_application_insights', ...GLOBAL_TYPES];
    for (const type of stateful) expect(changed.filter(a => a.startsWith(`${type}.`))).toHaveLength(1);
    expect(changed).toContain(workspaceAddress(after));
    expect(moved.map(m => m.to).sort()).toEqual(changed);
    for (const m of moved) expect(addresses(before)).toContain(m.from);
    expect(new Set(moved.map(m => m.from)).size).toBe(moved.length);
    expect(physicalNames(after)).toEqual(physicalNames(before));
  });

  test('without the declaration the same rename replaces the stateful resources (names change)', () => {
    const after = quickstart({ workspaceId: 'Ml' });
    expect(after.moved).toBeUndefined();
    expect(plannedNames(after)).not.toEqual(plannedNames(before));
  });

  test('a declaration made after the construct, pointing nowhere, or leaving the old construct, is an error', () => {
    expect(() => quickstart({ workspaceId: 'Ml', before: stack => Refactor.moved(stack, 'Workspace', 'Mll') }))
      .toThrow(/Refactor.moved\('Workspace', 'Mll'\): there is no construct at 'Mll'/);
    const stack = providerStack();
    new StorageAccount(stack, 'Data', { resourceGroup: ResourceGroupRef.fromName('rg', 'westeurope') });
    expect(() => Refactor.moved(stack, 'OldData', 'Data')).toThrow(/comes after 'Data' was created.*before creating the construct/);
    const both = providerStack();
    Refactor.moved(both, 'Old', 'New');
    new StorageAccount(both, 'Old', { resourceGroup: ResourceGroupRef.fromName('rg', 'westeurope') });
    new StorageAccount(both, 'New', { resourceGroup: ResourceGroupRef.fromName('rg', 'westeurope') });
    expect(() => synthJson(both)).toThrow(/a construct still exists at 'Old'/);
    expect(() => Refactor.moved(providerStack(), 'A//B', 'C')).toThrow(/'A\/\/B' is not a construct path/);
  });
});

describe('naming conventions', () => {
  test('a prefix set on the stack applies to every generated name; given names are kept', () => {
    const json = quickstart({ before: stack => Naming.of(stack).useConvention(NamingConvention.prefixed('contoso')) });
    expectConformant(json);
    const names = plannedNames(json);
    expect(names.azurerm_storage_account).toMatch(/^contoso\w*[0-9a-f]{8}$/);
    expect(names.azurerm_key_vault).toMatch(/^contoso-[a-z-]*[0-9a-f]{8}$/);
    expect(onlyWorkspace(json).name).toMatch(/^contoso-workspace-[a-z][a-z0-9]{7}$/);
    const given = quickstart({ props: { name: 'mlw-given' }, before: stack => Naming.of(stack).useConvention(NamingConvention.prefixed('contoso')) });
    expect(onlyWorkspace(given).name).toBe('mlw-given');
  });

  test('Cloud Adoption Framework names from the workspace prop', () => {
    const json = quickstart({ props: { namingConvention: NamingConvention.cloudAdoptionFramework({ workload: 'mlplat', environment: 'prod' }) } });
    const names = plannedNames(json);
    expect(names.azurerm_storage_account).toMatch(/^stmlplatprod\w*[0-9a-f]{8}$/);
    expect(names.azurerm_key_vault).toMatch(/^kv-mlplat-prod-[a-z-]*[0-9a-f]{8}$/);
    expect(names.azurerm_container_registry).toMatch(/^crmlplatprod\w*[0-9a-f]{8}$/);
    expect(onlyWorkspace(json).name).toMatch(/^mlw-mlplat-prod-/);
    expect(only(json, 'azurerm_log_analytics_workspace').name).toMatch(/^log-mlplat-prod-/);
  });

  test('a convention whose name breaks the rule, or one set after names were generated, is an error', () => {
    expect(() => quickstart({ props: { namingConvention: { physicalName: ctx => `${ctx.defaultName}_BAD!` } } }))
      .toThrow(/ml\/Workspace: the naming convention gave the machine learning workspace name '.*_BAD!'.*Fix the convention, or pass `name`/);
    const stack = providerStack();
    new StorageAccount(stack, 'Data', { resourceGroup: ResourceGroupRef.fromName('rg', 'westeurope') });
    expect(() => Naming.of(stack).useConvention(NamingConvention.prefixed('x')))
      .toThrow(/comes after names were generated below this scope/);
  });
});

// Functional (untimed) checks of the benchmark's two reference stacks (bench/): both synthesize and
// conform, and the raw-L1 baseline emits the same resources as the library, so the timing ratios
// of `npm run bench` compare like with like. Also: loading the library loads no provider module
// beyond the resources it emits and the documented optional features.
import { execFileSync } from 'child_process';
import * as path from 'path';
import { Testing } from 'cdktf';
import { l1ModuleSet } from '../bench/l1-modules';
import { createReferenceStack as createL1Stack } from '../bench/reference-l1';
import { createReferenceStack as createLibraryStack } from '../bench/reference-library';
import { expectConformant, synthJson } from './support/synth';

const root = path.join(__dirname, '..');

/** Provider modules the library loads for features the reference stack does not use, and why. */
const OPTIONAL_FEATURE_MODULES: Record<string, string> = {
  'lib/ai-foundry': 'Hub (AI Foundry hubs)',
  'lib/ai-foundry-project': 'Project (AI Foundry projects)',
  'lib/machine-learning-workspace-network-outbound-rule-fqdn': 'Workspace outbound rules (managed network)',
  'lib/machine-learning-workspace-network-outbound-rule-private-endpoint': 'Workspace outbound rules (managed network)',
  'lib/machine-learning-workspace-network-outbound-rule-service-tag': 'Workspace outbound rules (managed network)',
  'lib/management-lock': 'deleteLock on stateful resources',
  'lib/private-dns-zone': 'Private endpoints (src/network): zones created by the library',
  'lib/private-dns-zone-virtual-network-link': 'Private endpoints (src/network): zones created by the library',
  'lib/private-endpoint': 'Private endpoints (src/network)',
  'lib/monitor-private-link-scope': 'Azure Monitor Private Link Scope (src/network, workspace privateEndpoint)',
  'lib/monitor-private-link-scoped-service': 'Azure Monitor Private Link Scope (src/network, workspace privateEndpoint)',
  'lib/storage-blob': 'BuildContext.fromLocalDirectory (environment build contexts uploaded as blobs)',
  'lib/storage-share': 'FileShareTarget.create',
};

function synthReference(create: typeof createL1Stack): any {
  const app = Testing.app();
  return synthJson(create(app, 'ref0', 0));
}

/** Resource counts per type, e.g. `{ azurerm_role_assignment: 5 }`, plus data sources and variables. */
function inventory(json: any): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [type, byName] of Object.entries<object>(json.resource ?? {})) counts[type] = Object.keys(byName).length;
  for (const [type, byName] of Object.entries<object>(json.data ?? {})) counts[`data.${type}`] = Object.keys(byName).length;
  counts.variable = Object.keys(json.variable ?? {}).length;
  return counts;
}

/** Attribute paths of a value, e.g. `network_rules.bypass[]`; `//` metadata is ignored. */
function attributePaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length === 0 ? [`${prefix}[]`] : [...new Set(value.flatMap(v => attributePaths(v, `${prefix}[]`)))];
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).filter(([k]) => k !== '//').flatMap(([k, v]) => attributePaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

/** For each resource type, the sorted attribute-path sets of its resources (names and values left out). */
function shapes(json: any): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [type, byName] of Object.entries<Record<string, unknown>>(json.resource ?? {})) {
    out[type] = Object.values(byName).map(r => attributePaths(r).sort().join(',')).sort();
  }
  return out;
}

describe('benchmark reference stacks', () => {
  let library: any;
  let l1: any;
  beforeAll(() => {
    library = synthReference(createLibraryStack);
    l1 = synthReference(createL1Stack);
  });

  test('both variants synthesize conformant Terraform JSON', () => {
    expectConformant(library);
    expectConformant(l1);
  });

  test('the reference stack has what the benchmark promises', () => {
    const counts = inventory(library);
    expect(counts).toMatchObject({
      azurerm_storage_account: 1,
      azurerm_key_vault: 1,
      azurerm_log_analytics_workspace: 1,
      azurerm_application_insights: 1,
      azurerm_container_registry: 1,
      azurerm_machine_learning_compute_cluster: 2,
      azurerm_machine_learning_datastore_blobstorage: 1,
      azurerm_machine_learning_datastore_datalake_gen2: 1,
      azurerm_machine_learning_datastore_fileshare: 1,
    });
    const azapiTypes = Object.values<any>(library.resource.azapi_resource).map(r => r.type.split('@')[0]).sort();
    expect(azapiTypes).toEqual([
      'Microsoft.MachineLearningServices/workspaces',
      'Microsoft.MachineLearningServices/workspaces/computes',
      'Microsoft.MachineLearningServices/workspaces/data/versions',
      'Microsoft.MachineLearningServices/workspaces/environments/versions',
      'Microsoft.MachineLearningServices/workspaces/environments/versions',
    ]);
  });

  test('the L1 baseline emits the same number of resources of each type as the library', () => {
    expect(inventory(l1)).toEqual(inventory(library));
  });

  test('the L1 baseline sets the same attributes on each resource type as the library', () => {
    // Values differ (literal names instead of generated ones), the shape must not: otherwise the
    // benchmark would compare synthesizing different amounts of configuration.
    expect(shapes(l1)).toEqual(shapes(library));
  });

  test('the module-load baseline is exactly the L1 modules the baseline stack uses', () => {
    const modules = l1ModuleSet();
    const expected = new Set<string>(['cdktf', 'constructs', '../src/azapi/resource']);
    for (const type of Object.keys(l1.resource)) {
      if (type.startsWith('azurerm_') && type !== 'azurerm_resource_group') {
        expected.add(`@cdktf/provider-azurerm/lib/${type.slice('azurerm_'.length).replace(/_/g, '-')}`);
      }
    }
    for (const type of Object.keys(l1.data ?? {})) expected.add(`@cdktf/provider-azurerm/lib/data-${type.replace(/_/g, '-')}`);
    expect([...modules].sort()).toEqual([...expected].sort());
  });
});

test('loading the library loads no provider module beyond the resources it emits and its documented optional features', () => {
  const script = `
    require(${JSON.stringify(path.join(root, 'src'))});
    const marker = '/node_modules/@cdktf/provider-azurerm/';
    const loaded = new Set(Object.keys(require.cache).filter(k => k.includes(marker))
      .map(k => k.slice(k.indexOf(marker) + marker.length).split('/').slice(0, 2).join('/')));
    process.stdout.write(JSON.stringify([...loaded]));`;
  const loaded: string[] = JSON.parse(execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
    cwd: root,
    env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'test', 'tsconfig.json') },
    encoding: 'utf8',
  }));
  const json = synthReference(createLibraryStack);
  const emitted = new Set<string>([
    ...Object.keys(json.resource).filter(t => t.startsWith('azurerm_')).map(t => `lib/${t.slice('azurerm_'.length).replace(/_/g, '-')}`),
    ...Object.keys(json.data ?? {}).map(t => `lib/data-${t.replace(/_/g, '-')}`),
  ]);
  // The resource group module is loaded by the stack scaffolding, not necessarily by the library.
  emitted.delete('lib/resource-group');
  const unexplained = loaded.filter(m => !emitted.has(m) && !(m in OPTIONAL_FEATURE_MODULES)).sort();
  // A module here is loaded by every user of the library although the reference stack does not
  // use it: import it lazily where the feature needs it, or add it to OPTIONAL_FEATURE_MODULES
  // with the feature that needs it (it then counts against the module-load target of npm run bench).
  expect(unexplained).toEqual([]);
  expect(loaded).toEqual(expect.arrayContaining([...emitted]));
});

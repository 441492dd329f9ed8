// Every example app: conformant to the provider schemas, byte-identical across synths,
// and free of paths of the machine it was synthesized on.
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { expectNoSecrets, FIXTURE_SECRETS } from './support/secrets';
import { expectConformant } from './support/synth';
import { workspacesOf } from './support/workspace-l1';

type ExampleModule = { build: (app: App) => TerraformStack[] };

const examplesDir = path.join(__dirname, '..', 'examples');
const examples = fs.readdirSync(examplesDir)
  .filter(name => fs.existsSync(path.join(examplesDir, name, 'main.ts')));

function synthAll(name: string): Record<string, string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod: ExampleModule = require(path.join(examplesDir, name, 'main.ts'));
  const app = Testing.app();
  const out: Record<string, string> = {};
  const stacks = mod.build(app);
  // As `cdktf synth` does: prepare every stack first, so cross-stack references add their outputs and remote state.
  for (const stack of stacks) stack.prepareStack();
  for (const stack of stacks) out[stack.node.id] = Testing.synth(stack, true);
  return out;
}

test('the quickstart is among the examples (cdktf.json runs it)', () => {
  const cdktf = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'cdktf.json'), 'utf8'));
  expect(cdktf.app).toContain('examples/quickstart/main.ts');
  expect(examples).toContain('quickstart');
});

describe.each(examples)('example %s', (name) => {
  let first: Record<string, string>;
  beforeAll(() => { first = synthAll(name); });

  test('synthesizes byte-identically twice', () => {
    expect(Object.keys(first).length).toBeGreaterThan(0);
    expect(synthAll(name)).toEqual(first);
  });

  test('holds none of the fixture secrets', () => {
    for (const json of Object.values(first)) expectNoSecrets(json, FIXTURE_SECRETS);
  });

  test('holds no absolute path of this machine', () => {
    for (const json of Object.values(first)) {
      expect(json).not.toContain(path.resolve(__dirname, '..'));
      expect(json).not.toContain(process.cwd());
    }
  });

  describe('provider conformance', () => {
    test('every resource, data source, provider and azapi body conforms', () => {
      for (const json of Object.values(first)) expectConformant(JSON.parse(json));
    });
  });
});

describe('example platform: a platform stack and two team stacks', () => {
  let stacks: Record<string, any>;
  beforeAll(() => {
    stacks = Object.fromEntries(Object.entries(synthAll('platform')).map(([id, json]) => [id, JSON.parse(json)]));
  });

  test('three stacks; every backend and remote-state path is relative to cdktf.out/stacks/<stack>', () => {
    expect(Object.keys(stacks).sort()).toEqual(['platform', 'team-nlp', 'team-vision']);
    for (const [id, json] of Object.entries(stacks)) {
      expect(json.terraform.backend.local.path).toBe(`../../../terraform.${id}.tfstate`);
    }
  });

  test('the team stacks read the platform workspace through outputs of the platform stack', () => {
    const outputs = Object.keys(stacks.platform.output ?? {});
    expect(outputs.length).toBeGreaterThan(0);
    for (const team of ['team-vision', 'team-nlp']) {
      const remote = Object.values<any>(stacks[team].data.terraform_remote_state);
      expect(remote).toHaveLength(1);
      expect(remote[0]).toMatchObject({ backend: 'local', config: { path: '../../../terraform.platform.tfstate' } });
      // Each team's cluster lives in the platform's workspace: its workspace ID is a remote-state output.
      const clusters = Object.values<any>(stacks[team].resource.azurerm_machine_learning_compute_cluster);
      expect(clusters).toHaveLength(1);
      const ref = /^\$\{data\.terraform_remote_state\.[^.]+\.outputs\.([^}]+)\}$/.exec(clusters[0].machine_learning_workspace_id);
      expect(ref).not.toBeNull();
      expect(outputs).toContain(ref![1]);
    }
  });

  test('the teams add compute, a datastore and an environment; the platform owns the workspace', () => {
    expect(Object.keys(workspacesOf(stacks.platform))).toHaveLength(1);
    for (const team of ['team-vision', 'team-nlp']) {
      const r = stacks[team].resource;
      expect(workspacesOf(stacks[team])).toEqual({});
      expect(Object.keys(r.azurerm_machine_learning_datastore_blobstorage)).toHaveLength(1);
      expect(Object.values<any>(r.azapi_resource).some(x => /environments\/versions@/.test(x.type))).toBe(true);
    }
  });
});

describe('example ai-hub', () => {
  let stacks: Record<string, any>;
  beforeAll(() => {
    stacks = Object.fromEntries(Object.entries(synthAll('ai-hub')).map(([id, json]) => [id, JSON.parse(json)]));
  });

  test('the platform stack: a hub with created dependencies, an AI Services connection and a shared cluster', () => {
    const platform = stacks['ai-hub-platform'];
    const hub = Object.values(platform.resource.azurerm_ai_foundry) as any[];
    expect(hub).toHaveLength(1);
    expect(hub[0]).toMatchObject({ name: 'hub-ai-platform', public_network_access: 'Enabled', managed_network: { isolation_mode: 'AllowInternetOutbound' } });
    const connection = Object.values(platform.resource.azapi_resource).find((r: any) => r.type.includes('/connections@')) as any;
    expect(connection.body.properties).toMatchObject({ category: 'AIServices', authType: 'AAD', isSharedToAll: true });
    const cluster = Object.values(platform.resource.azurerm_machine_learning_compute_cluster) as any[];
    expect(cluster[0]).toMatchObject({ name: 'shared-cpu', machine_learning_workspace_id: expect.stringMatching(/^\$\{azurerm_ai_foundry\./) });
  });

  test('the teams stack: two projects in the imported hub, each team granted on its own project only', () => {
    const teams = stacks['ai-hub-teams'];
    expect(teams.resource.azurerm_ai_foundry).toBeUndefined();
    const projects = teams.resource.azurerm_ai_foundry_project as Record<string, any>;
    expect(Object.values(projects).map(p => p.name).sort()).toEqual(['proj-language', 'proj-vision']);
    for (const p of Object.values(projects)) {
      expect(p.ai_services_hub_id).toBe('/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ai-platform/providers/Microsoft.MachineLearningServices/workspaces/hub-ai-platform');
    }
    const byProject = new Map<string, string[]>();
    for (const g of Object.values(teams.resource.azurerm_role_assignment) as any[]) {
      if (!g.scope.startsWith('${azurerm_ai_foundry_project.')) continue;
      const key = g.scope;
      byProject.set(key, [...(byProject.get(key) ?? []), `${g.role_definition_name}:${g.principal_id}`]);
    }
    expect([...byProject.values()].map(v => v.sort())).toEqual(expect.arrayContaining([
      ['Azure AI Developer:bbbbbbbb-0000-0000-0000-000000000001', 'AzureML Data Scientist:bbbbbbbb-0000-0000-0000-000000000001'],
      ['Azure AI Developer:bbbbbbbb-0000-0000-0000-000000000002', 'AzureML Data Scientist:bbbbbbbb-0000-0000-0000-000000000002'],
    ]));
    expect(byProject.size).toBe(2);
  });
});

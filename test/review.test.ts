// `cdktf-azureml review PLAN.json`: fixtures in test/fixtures/plans are written to Terraform's documented JSON
// plan format (format_version 1.2); the real plans in ../shared/cases/terraform-plans come from terraform 1.11
// with the azurerm and azapi providers.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describeWithShared, sharedDir } from './support/shared';
import { CliIo, run } from '../src/review/cli';
import { parsePlan, PlanInputError } from '../src/review/plan';
import { reviewPlan } from '../src/review/review';

const FIXTURES = path.join(__dirname, 'fixtures', 'plans');
const fixture = (name: string) => path.join(FIXTURES, name);

interface Result { code: number; stdout: string; stderr: string }

function cli(...argv: string[]): Result {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: t => { stdout += t; },
    stderr: t => { stderr += t; },
    readFile: p => fs.readFileSync(p, 'utf8'),
  };
  const code = run(argv, io);
  return { code, stdout, stderr };
}

function reviewJson(...argv: string[]): { code: number; report: any } {
  const r = cli('review', ...argv, '--format', 'json');
  return { code: r.code, report: JSON.parse(r.stdout) };
}

describe('blocking findings', () => {
  test('a workspace replaced because storage_account_id changes blocks, naming the forcing attribute', () => {
    const { code, report } = reviewJson(fixture('workspace-replace.json'));
    expect(code).toBe(2);
    const findings = report.plans[0].findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'stateful-replace',
      address: 'azurerm_machine_learning_workspace.ws',
      change: 'replace',
      replacePaths: ['storage_account_id'],
      allowed: false,
    });
    expect(findings[0].message).toMatch(/ML workspace is replaced.*run history.*Forced by `storage_account_id`/);
  });

  test('a deleted storage account blocks', () => {
    const { code, report } = reviewJson(fixture('storage-delete.json'));
    expect(code).toBe(2);
    expect(report.plans[0].findings).toEqual([expect.objectContaining({
      rule: 'stateful-destroy',
      address: 'azurerm_storage_account.data',
      change: 'destroy',
      actionReason: 'delete_because_no_resource_config',
    })]);
    expect(report.plans[0].findings[0].message).toMatch(/storage account is destroyed.*blobs/);
  });

  test('public network access turned on and a firewall opened block, with before and after', () => {
    const { code, report } = reviewJson(fixture('public-access.json'));
    expect(code).toBe(2);
    const byRule = Object.fromEntries(report.plans[0].findings.map((f: any) => [f.rule, f]));
    expect(Object.keys(byRule).sort()).toEqual(['network-rules-opened', 'public-network-access']);
    expect(byRule['public-network-access']).toMatchObject({ attribute: 'public_network_access_enabled', before: 'false', after: 'true' });
    expect(byRule['network-rules-opened']).toMatchObject({ attribute: 'network_rules[0].default_action', before: '"Deny"', after: '"Allow"' });
  });

  test('azapi bodies: public access and isolation lowered on a workspace, and a compute instance replaced', () => {
    const { code, report } = reviewJson(fixture('azapi-and-others.json'));
    expect(code).toBe(2);
    const found = report.plans[0].findings.map((f: any) => `${f.rule} ${f.address}`);
    expect(found).toEqual([
      'stateful-replace azapi_resource.box',
      'public-network-access azapi_resource.workspace',
      'isolation-lowered azapi_resource.workspace',
    ]);
    const box = report.plans[0].findings[0];
    expect(box.message).toMatch(/compute instance is replaced.*local disk/);
    // replace_paths only names azapi's internal trigger: the report shows which body value changed.
    expect(box.changedPaths).toEqual(['body.properties.properties.vmSize']);
    expect(report.plans[0].findings[2].message).toMatch(/"AllowOnlyApprovedOutbound" → "AllowInternetOutbound".*Azure refuses/);
  });

  test('a Workspace (an azapi_resource): a replace forced by its storage account blocks, and so does leaving identity mode', () => {
    const { code, report } = reviewJson(fixture('azapi-workspace.json'));
    expect(code).toBe(2);
    const findings = report.plans[0].findings;
    expect(findings.map((f: any) => `${f.rule} ${f.address}`)).toEqual([
      'stateful-replace azapi_resource.Workspace_Resource_A1B2C3D4',
      'local-auth-enabled azapi_resource.Keys_Resource_E5F6A7B8',
    ]);
    // azapi marks the whole body as replace-forcing: the report names the body value that changed.
    expect(findings[0]).toMatchObject({ change: 'replace', changedPaths: ['body.properties.storageAccount'] });
    expect(findings[0].message).toMatch(/ML workspace is replaced.*run history.*Changed: `body.properties.storageAccount`/);
    expect(findings[1]).toMatchObject({ attribute: 'body.properties.systemDatastoresAuthMode', before: '"Identity"', after: '"AccessKey"' });
    // Destroying an old azapi_update_resource changes nothing in Azure: no finding.
    expect(findings.map((f: any) => f.address)).not.toContain('azapi_update_resource.Old_SystemDatastoresAuthMode_0A1B2C3D');
  });

  test('resources of other providers are ignored: a deleted random_id and an updated S3 bucket find nothing', () => {
    const { report } = reviewJson(fixture('azapi-and-others.json'));
    const addresses = report.plans[0].findings.map((f: any) => f.address);
    expect(addresses).not.toContain('random_id.suffix');
    expect(addresses).not.toContain('aws_s3_bucket.logs');
    expect(report.plans[0].counts).toMatchObject({ destroy: 1, update: 2, replace: 1 });
  });
});

describe('changes that do not block', () => {
  test('an in-place tag update exits 0, although the provider also rewrites null lists as []', () => {
    const r = cli('review', fixture('tags-update.json'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nothing blocks');
    expect(r.stdout).toContain('tags-update: OK, nothing blocks; plan: 3 to update');
  });

  test('a plan without changes exits 0 and says so', () => {
    const r = cli('review', fixture('no-changes.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no-changes: OK, nothing blocks; no changes');
    expect(r.stdout).toContain('No changes: the plan leaves every resource as it is.');
  });

  test('a plan whose resource_changes are absent (Terraform omits an empty list) is a plan without changes', () => {
    const plan = parsePlan(JSON.stringify({ format_version: '1.2', planned_values: { root_module: {} } }), 'p.json');
    const review = reviewPlan(plan, 'p.json');
    expect(review.findings).toEqual([]);
    expect(review.summary).toBe('p: OK, nothing blocks; no changes');
  });
});

describe('plan details', () => {
  const base = () => parsePlan(fs.readFileSync(fixture('no-changes.json'), 'utf8'), 'p.json');

  test('azapi 1.x bodies (JSON strings) are read like objects', () => {
    const body = (access: string) => JSON.stringify({ properties: { publicNetworkAccess: access, minimumTlsVersion: 'TLS1_2' } });
    const rc = {
      address: 'azapi_resource.vault',
      mode: 'managed',
      type: 'azapi_resource',
      name: 'vault',
      change: {
        actions: ['update'],
        before: { type: 'Microsoft.KeyVault/vaults@2023-07-01', name: 'kv', body: body('Disabled') },
        after: { type: 'Microsoft.KeyVault/vaults@2023-07-01', name: 'kv', body: body('Enabled') },
        after_unknown: {},
      },
    };
    const review = reviewPlan({ ...base(), resource_changes: [rc] }, 'p.json');
    expect(review.findings.map(f => `${f.rule} ${f.attribute}`)).toEqual(['public-network-access body.properties.publicNetworkAccess']);
  });

  test('a moved resource (previous_address) and a forgotten one do not block; the move is listed', () => {
    const [storage, ws] = base().resource_changes;
    const moved = { ...storage, address: 'azurerm_storage_account.renamed', previous_address: 'azurerm_storage_account.data' };
    const forgotten = { ...ws, change: { ...ws.change, actions: ['forget'], after: null } };
    const r = reviewPlan({ ...base(), resource_changes: [moved, forgotten] }, 'p.json');
    expect(r.findings).toEqual([]);
    expect(r.moves).toEqual([{ from: 'azurerm_storage_account.data', to: 'azurerm_storage_account.renamed' }]);
    expect(r.summary).toBe('p: OK, nothing blocks; plan: 1 to forget, 1 moved');
  });

  test('an imported resource is counted and does not block', () => {
    const [storage] = base().resource_changes;
    const imported = { ...storage, change: { ...storage.change, importing: { id: '/subscriptions/0/resourceGroups/ml-rg/providers/Microsoft.Storage/storageAccounts/x' } } };
    const r = reviewPlan({ ...base(), resource_changes: [imported] }, 'p.json');
    expect(r.counts.import).toBe(1);
    expect(r.summary).toBe('p: OK, nothing blocks; plan: 1 to import');
  });

  test('an azapi_update_resource that stops setting publicNetworkAccess does not count as opening it', () => {
    const res = (body: unknown) => ({ type: 'Microsoft.MachineLearningServices/workspaces@2025-06-01', resource_id: '/x', body });
    const rc = {
      address: 'azapi_update_resource.patch',
      mode: 'managed',
      type: 'azapi_update_resource',
      change: { actions: ['update'], before: res({ properties: { publicNetworkAccess: 'Disabled' } }), after: res({ properties: {} }), after_unknown: {} },
    };
    expect(reviewPlan({ ...base(), resource_changes: [rc] }, 'p.json').findings).toEqual([]);
    const asResource = { ...rc, address: 'azapi_resource.ws', type: 'azapi_resource' };
    expect(reviewPlan({ ...base(), resource_changes: [asResource] }, 'p.json').findings.map(f => f.rule)).toEqual(['public-network-access']);
  });
});

describe('--allow', () => {
  test('an allowed finding is still listed, as allowed, and no longer blocks', () => {
    const r = cli('review', fixture('storage-delete.json'), '--allow', 'azurerm_storage_account.data', '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ verdict: 'pass', blocking: 0, allowed: 1 });
    expect(report.plans[0].findings[0]).toMatchObject({ address: 'azurerm_storage_account.data', allowed: true });
  });

  test('allowing one address leaves the others blocking; an address that matches nothing is warned about', () => {
    const r = cli('review', fixture('azapi-and-others.json'), '--allow=azapi_resource.box', '--allow', 'azapi_resource.typo');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/\| allowed \| `azapi_resource.box` \|/);
    expect(r.stdout).toMatch(/\| \*\*blocks\*\* \| `azapi_resource.workspace` \|/);
    expect(r.stderr).toContain('--allow azapi_resource.typo matched no finding');
  });
});

describe('bad input exits 1 with a clear message', () => {
  test.each([
    ['empty.json', /empty.json is empty: expected Terraform's JSON plan; produce it with `terraform plan -out/],
    ['not-json.json', /not-json.json is not JSON/],
    ['state.json', /state.json is a Terraform state file \(state version 4\), not a plan/],
    ['state-show.json', /state-show.json is the JSON form of a Terraform state/],
    ['future-format.json', /future-format.json has plan format_version "2.0"; this command reads format 1.x/],
    ['does-not-exist.json', /cannot read .*does-not-exist.json: no such file/],
  ])('%s', (name, message) => {
    const r = cli('review', fixture(name));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  test('a directory, a synthesized cdk.tf.json and an errored plan are refused', () => {
    expect(cli('review', FIXTURES).stderr).toMatch(/it is a directory/);
    expect(() => parsePlan(JSON.stringify({ terraform: {}, resource: {} }), 'cdk.tf.json')).toThrow(/is a Terraform configuration/);
    expect(() => parsePlan(JSON.stringify({ format_version: '1.2', errored: true, planned_values: {} }), 'p.json'))
      .toThrow(/plan that errored/);
    expect(() => parsePlan(JSON.stringify({ format_version: '1.2', resource_changes: [{ address: 'a.b' }] }), 'p.json'))
      .toThrow(PlanInputError);
  });

  test('usage errors: no plan, an unknown option, a bad --format, an unknown command', () => {
    expect(cli('review')).toMatchObject({ code: 1, stderr: expect.stringContaining('name the JSON plan') });
    expect(cli('review', fixture('no-changes.json'), '--strict')).toMatchObject({ code: 1, stderr: expect.stringContaining('unknown option --strict') });
    expect(cli('review', fixture('no-changes.json'), '--format', 'html')).toMatchObject({ code: 1, stderr: expect.stringContaining('--format must be markdown or json') });
    expect(cli('plan')).toMatchObject({ code: 1, stderr: expect.stringContaining('unknown command "plan"') });
    expect(cli('review', '--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: cdktf-azureml review PLAN.json') });
  });
});

describe('output', () => {
  test('JSON report shape', () => {
    const { report } = reviewJson(fixture('workspace-replace.json'));
    expect(Object.keys(report)).toEqual(['tool', 'reportVersion', 'verdict', 'exitCode', 'blocking', 'allowed', 'unusedAllows', 'plans']);
    expect(report).toMatchObject({ tool: 'cdktf-azureml review', reportVersion: 1, verdict: 'block', exitCode: 2, blocking: 1, allowed: 0 });
    const plan = report.plans[0];
    expect(plan).toMatchObject({
      source: fixture('workspace-replace.json'),
      stack: 'workspace-replace',
      formatVersion: '1.2',
      terraformVersion: '1.11.4',
      verdict: 'block',
      summary: 'workspace-replace: BLOCKED, 1 blocking finding (1 stateful destroy/replace); plan: 1 to create, 1 to replace',
      counts: { create: 1, update: 0, replace: 1, destroy: 0, read: 0, noop: 0, forget: 0, move: 0, import: 0 },
    });
    expect(Object.keys(plan.findings[0]).sort()).toEqual(
      ['actionReason', 'actions', 'address', 'allowed', 'change', 'message', 'replacePaths', 'rule', 'title', 'type'].sort());
    expect(plan.findings[0].actions).toEqual(['delete', 'create']);
  });

  test('Markdown: a heading with the verdict, one summary line per plan, a table row per finding', () => {
    const r = cli('review', fixture('workspace-replace.json'), fixture('tags-update.json'));
    expect(r.code).toBe(2);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('## cdktf-azureml review: 1 blocking finding');
    expect(lines).toContain('- **workspace-replace: BLOCKED, 1 blocking finding (1 stateful destroy/replace); plan: 1 to create, 1 to replace**');
    expect(lines).toContain('- tags-update: OK, nothing blocks; plan: 3 to update');
    expect(lines).toContain('### workspace-replace');
    expect(r.stdout).toMatch(/\| \*\*blocks\*\* \| `azurerm_machine_learning_workspace.ws` \| replace \| \*\*Stateful resource replaced\*\*: .*Forced by `storage_account_id`. \|/);
    expect(r.stdout).toContain('accept it with `--allow <address>`');
  });

  test('a destroyed resource with a create of the same type gets a moved-block hint', () => {
    const plan = parsePlan(fs.readFileSync(fixture('storage-delete.json'), 'utf8'), 'p.json');
    const created = { ...plan.resource_changes[0], address: 'azurerm_storage_account.renamed', change: { actions: ['create'], before: null, after: {} } };
    const review = reviewPlan({ ...plan, resource_changes: [...plan.resource_changes, created] }, 'p.json');
    expect(review.findings[0].hint).toContain('moved { from = azurerm_storage_account.data, to = azurerm_storage_account.renamed }');
  });

  test('sensitive values are never printed', () => {
    const plan = parsePlan(fs.readFileSync(fixture('public-access.json'), 'utf8'), 'p.json');
    const rc = plan.resource_changes[0];
    const marked = { ...rc, change: { ...rc.change, after_sensitive: { public_network_access_enabled: true } } };
    const f = reviewPlan({ ...plan, resource_changes: [marked] }, 'p.json').findings.find(x => x.rule === 'public-network-access')!;
    expect(f.before).toBeUndefined();
    expect(f.after).toBeUndefined();
    expect(f.message).toContain('(sensitive value)');
  });

  test('values known only after apply are skipped, not guessed', () => {
    const plan = parsePlan(fs.readFileSync(fixture('public-access.json'), 'utf8'), 'p.json');
    const rc = plan.resource_changes[0];
    const unknown = { ...rc, change: { ...rc.change, after_unknown: { public_network_access_enabled: true, network_rules: true } } };
    expect(reviewPlan({ ...plan, resource_changes: [unknown] }, 'p.json').findings).toEqual([]);
  });
});

describe('the bin', () => {
  const bin = path.join(__dirname, '..', 'bin', 'cdktf-azureml');

  test('package.json declares it, and it runs (from source in a clone that was not compiled)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ 'cdktf-azureml': 'bin/cdktf-azureml' });
    expect(fs.readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);

    const env = { ...process.env, CDKTF_AZUREML_FROM_SOURCE: '1' };
    const blocked = spawnSync(process.execPath, [bin, 'review', fixture('storage-delete.json'), '--format', 'json'], { encoding: 'utf8', env });
    expect(blocked.stderr).toBe('');
    expect(blocked.status).toBe(2);
    expect(JSON.parse(blocked.stdout).plans[0].findings[0].rule).toBe('stateful-destroy');

    const bad = spawnSync(process.execPath, [bin, 'review', fixture('state.json')], { encoding: 'utf8', env });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('is a Terraform state file');

    const stdin = spawnSync(process.execPath, [bin, 'review', '-'], { encoding: 'utf8', env, input: fs.readFileSync(fixture('tags-update.json')) });
    expect(stdin.status).toBe(0);
    expect(stdin.stdout).toContain('stdin: OK, nothing blocks');
  });
});

/** Expected verdict and rules for each real plan (see ../shared/cases/terraform-plans/README.md). */
const REAL_PLANS: Array<[string, number, string[]]> = [
  ['tags', 0, []],
  ['cluster-scale', 0, []],
  ['env-conda', 0, []],
  ['rename-id', 2, ['stateful-destroy', 'protection-removed']],
  ['name', 2, ['stateful-replace']],
  ['registry-none', 2, ['stateful-destroy', 'stateful-replace']],
  ['isolation-down', 2, ['stateful-replace', 'isolation-lowered', 'node-public-ip-enabled']],
  ['kv-softdelete', 2, ['soft-delete-retention-changed']],
  ['acr-sku', 2, ['public-network-access']],
  ['instance-tags', 2, ['stateful-replace']],
  ['private-to-public', 2, ['public-network-access', 'network-rules-opened']],
  ['shared-key-on', 2, ['local-auth-enabled']],
  ['delete-lock-removed', 2, ['protection-removed']],
];

describeWithShared('real Terraform plans (../shared/cases/terraform-plans)', () => {
  const dir = () => path.join(sharedDir()!, 'cases', 'terraform-plans');

  test('every plan in the directory has an expected verdict here', () => {
    const files = fs.readdirSync(dir()).filter(f => f.endsWith('.plan.json')).map(f => f.replace('.plan.json', '')).sort();
    expect(files).toEqual(REAL_PLANS.map(([name]) => name).sort());
  });

  test.each(REAL_PLANS)('%s.plan.json exits %d with rules %j', (name, code, rules) => {
    const r = reviewJson(path.join(dir(), `${name}.plan.json`));
    expect(r.code).toBe(code);
    expect([...new Set(r.report.plans[0].findings.map((f: any) => f.rule))].sort()).toEqual([...rules].sort());
  });

  test('rename-id: the 9 stateful resources deleted are named, each with the create that a moved block would pair it with', () => {
    const { report } = reviewJson(path.join(dir(), 'rename-id.plan.json'));
    const destroyed = report.plans[0].findings.filter((f: any) => f.rule === 'stateful-destroy');
    expect(destroyed.map((f: any) => f.type).sort()).toEqual([
      'azapi_resource', 'azurerm_application_insights', 'azurerm_container_registry', 'azurerm_key_vault', 'azurerm_log_analytics_workspace',
      'azurerm_machine_learning_datastore_blobstorage', 'azurerm_machine_learning_workspace', 'azurerm_storage_account', 'azurerm_storage_container',
    ]);
    const storage = destroyed.find((f: any) => f.type === 'azurerm_storage_account');
    expect(storage.hint).toContain('moved { from = azurerm_storage_account.Workspace_Storage_C44AD9F6, to = azurerm_storage_account.Ml_Storage_114C7257 }');
    // azapi resources pair by ARM type: the compute instance with the new compute instance, not with an environment.
    expect(destroyed.find((f: any) => f.type === 'azapi_resource').hint).toContain('to = azapi_resource.Ml_Box_BD6E9ADC }');
    const md = cli('review', path.join(dir(), 'rename-id.plan.json')).stdout;
    expect(md).toContain('`Refactor.moved(stack, oldPath, newPath)`');
  });

  test('name: the workspace replacement is forced by name; the environment version and cluster replacements do not block', () => {
    const { report } = reviewJson(path.join(dir(), 'name.plan.json'));
    const ws = report.plans[0].findings.find((f: any) => f.type === 'azurerm_machine_learning_workspace');
    expect(ws.replacePaths).toEqual(['name']);
    expect(report.plans[0].replacements.map((r: any) => r.address)).toContain('azurerm_machine_learning_compute_cluster.Workspace_Cpu_C4A45311');
  });

  test('isolation-down: the lowered isolation says Azure refuses it in place', () => {
    const { report } = reviewJson(path.join(dir(), 'isolation-down.plan.json'));
    const f = report.plans[0].findings.find((x: any) => x.rule === 'isolation-lowered');
    expect(f).toMatchObject({ address: 'azurerm_machine_learning_workspace.Workspace_2F8C78CC', before: '"AllowOnlyApprovedOutbound"', after: '"Disabled"' });
    expect(f.message).toContain('Azure refuses');
  });
});

test('docs/review.md shows the real report of its example command, verbatim', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'review.md'), 'utf8');
  const start = '<!-- review:example:start -->\n';
  const example = doc.slice(doc.indexOf(start) + start.length, doc.indexOf('<!-- review:example:end -->'));
  const files = ['workspace-replace.json', 'public-access.json', 'tags-update.json'];
  expect(doc).toContain(`npx cdktf-azureml review ${files.map(f => `test/fixtures/plans/${f}`).join(' ')}`);
  const r = cli('review', ...files.map(f => `test/fixtures/plans/${f}`));
  expect(r.code).toBe(2);
  expect(example).toBe(r.stdout);
});

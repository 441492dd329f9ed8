// What a default (public) Workspace creates and how it fares against AzureMlSecurityChecks, measured here and
// printed in docs/default-workspace.md and README.md: the numbers in the docs are this test's, never typed by hand.
import * as fs from 'fs';
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformResource, TerraformStack, Testing } from 'cdktf';
import { AzapiProvider, ResourceGroupRef, Workspace } from '../src';
import { planValue } from './support/plan-names';
import { expectConformant, ofType, providerStack, synthJson } from './support/synth';
import { onlyWorkspace } from './support/workspace-l1';
import { Outcome } from '../src/checks/condition';
import { evaluateResource } from '../src/checks/evaluate';
import { acknowledgementOf } from '../src/core/warnings';

const ROOT = path.join(__dirname, '..');
const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');

/** What each judged resource of the default stack is. */
const LABELS: Record<string, string> = {
  azapi_resource: 'workspace',
  azurerm_storage_account: 'storage account',
  azurerm_key_vault: 'key vault',
  azurerm_container_registry: 'container registry',
  azurerm_log_analytics_workspace: 'Log Analytics workspace',
  azurerm_application_insights: 'Application Insights',
};

interface ResourcePosture {
  readonly label: string;
  readonly passed: string[];
  readonly failed: string[];
  readonly accepted: string[];
  readonly checksPassed: number;
  readonly checksTotal: number;
}

function defaultStack(): TerraformStack {
  const stack = providerStack('default');
  new Workspace(stack, 'Workspace', { resourceGroup: RG });
  return stack;
}

/** Every judged resource of the default stack: the rules it passes, fails, and that the library accepts with a reason. */
function posture(stack: TerraformStack): ResourcePosture[] {
  const json = synthJson(stack);
  const out: ResourcePosture[] = [];
  for (const c of stack.node.findAll()) {
    if (!TerraformResource.isTerraformResource(c)) continue;
    const resource = c as TerraformResource;
    const type = resource.terraformResourceType;
    // Generated names are Terraform expressions that the plan shows as literals: judge the planned values.
    const results = evaluateResource(type, planValues(json.resource[type][resource.friendlyUniqueId]));
    if (results.length === 0) continue;
    expect(LABELS[type]).toBeDefined();
    const accepted = (id: string) => acknowledgementOf(resource, id) !== undefined;
    const ids = (keep: (r: typeof results[number]) => boolean) => results.filter(keep).map(r => r.rule.id);
    const checks = results.flatMap(r => [...r.checks.values()]);
    out.push({
      label: `${LABELS[type]} (\`${type}\`)`,
      passed: ids(r => r.outcome === Outcome.PASS),
      failed: ids(r => r.outcome !== Outcome.PASS && !accepted(r.rule.id)),
      accepted: ids(r => r.outcome !== Outcome.PASS && accepted(r.rule.id)),
      checksPassed: checks.filter(o => o === Outcome.PASS).length,
      checksTotal: checks.length,
    });
  }
  return out.sort((a, b) => a.label.localeCompare(b.label));
}

/** A synthesized value as `terraform plan` shows it (unique-name suffixes computed). */
function planValues(value: any): any {
  if (Array.isArray(value)) return value.map(planValues);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, planValues(v)]));
  return planValue(value);
}

function summary(rows: ResourcePosture[]): string {
  const sum = (f: (r: ResourcePosture) => number) => rows.reduce((n, r) => n + f(r), 0);
  const rules = sum(r => r.passed.length + r.failed.length + r.accepted.length);
  return `A default workspace passes ${sum(r => r.passed.length)} of the ${rules} rules of \`AzureMlSecurityChecks\` that apply `
    + `to what it creates (${sum(r => r.checksPassed)} of ${sum(r => r.checksTotal)} scanner and policy checks); `
    + `${sum(r => r.failed.length)} fail by design and ${sum(r => r.accepted.length)} are accepted with a recorded reason.`;
}

function table(rows: ResourcePosture[]): string {
  const list = (ids: string[]) => (ids.length > 0 ? ids.join(', ') : '—');
  return [
    '| Resource | Passes | Fails (deliberate default) | Accepted by the library (reason recorded) |',
    '| --- | --- | --- | --- |',
    ...rows.map(r => `| ${r.label} | ${list(r.passed)} | ${list(r.failed)} | ${list(r.accepted)} |`),
  ].join('\n');
}

describe('the default workspace', () => {
  const stack = defaultStack();
  const json = synthJson(stack);
  const rows = posture(stack);
  const docs = fs.readFileSync(path.join(ROOT, 'docs', 'default-workspace.md'), 'utf8');
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  test('reaches its final state in one deploy: the workspace is born in identity mode, the storage refuses keys', () => {
    expectConformant(json);
    expect(onlyWorkspace(json).body.properties.systemDatastoresAuthMode).toBe('Identity');
    expect(ofType(json, 'azapi_update_resource')).toEqual({});
    const storage: any = Object.values(ofType(json, 'azurerm_storage_account'))[0];
    // Open to every network (studio uploads from the browser), but never together with shared keys.
    expect(storage).toMatchObject({ public_network_access_enabled: true, shared_access_key_enabled: false });
  });

  test('docs/default-workspace.md and README.md print the measured results', () => {
    expect(docs).toContain(table(rows));
    expect(docs).toContain(summary(rows));
    expect(readme).toContain(summary(rows));
  });

  test('every failing rule has its reason in docs/default-workspace.md', () => {
    const why = docs.slice(docs.indexOf('## Why each failure is the default'));
    const failing = [...new Set(rows.flatMap(r => r.failed))];
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.filter(id => !why.includes(`**${id}**`))).toEqual([]);
  });

  test('the README quick start and the docs set storage_use_azuread, which a keys-off account needs', () => {
    expect(readme).toMatch(/new AzurermProvider\(stack, 'azurerm', \{ features: \[\{\}\], storageUseAzuread: true \}\)/);
    expect(docs).toContain('storageUseAzuread: true');
    // Without it the stack warns, saying what to set.
    const bare = new TerraformStack(Testing.app(), 'bare');
    new AzurermProvider(bare, 'azurerm', { features: [{}] });
    new AzapiProvider(bare, 'azapi');
    const ws = new Workspace(bare, 'Workspace', { resourceGroup: RG });
    Testing.synth(bare);
    const warnings = ws.node.findAll().flatMap(c => c.node.metadata).map(m => String(m.data));
    expect(warnings.filter(w => w.startsWith('[AZML-ST-002]'))).toEqual([expect.stringContaining('storageUseAzuread: true')]);
  });
});

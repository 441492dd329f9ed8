import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { planValue } from './support/plan-names';
import { resolveValue } from './support/synth';
import { generatePhysicalName, NAME_RULES, NameRule, resolvePhysicalName } from '../src/core/naming';

/** The name `terraform plan` shows for a generated name (its unique suffix computed). */
function planned(scope: Construct, rule: NameRule): string {
  return planValue(resolveValue(scope, generatePhysicalName(scope, rule, 'rg-ml')));
}

function scopeAt(...ids: string[]): Construct {
  const app = Testing.app();
  let scope: Construct = new TerraformStack(app, 'platform-stack');
  for (const id of ids) scope = new Construct(scope, id);
  return scope;
}

describe('generated physical names', () => {
  const paths = [
    ['Ml', 'Storage'],
    ['a'],
    ['Very-Long_Construct.Id With Spaces', 'And', 'Many', 'Nested', 'Levels', 'Of', 'Constructs', 'Below', 'It'],
    ['123-starts-with-digits', 'cluster-1'],
    ['__', '--'],
  ];

  test.each(Object.entries(NAME_RULES))('%s names follow the rule for every path shape', (_kind, rule) => {
    for (const ids of paths) {
      const name = planned(scopeAt(...ids), rule);
      expect(name).toMatch(rule.pattern);
      expect(name.length).toBeLessThanOrEqual(rule.maxLength);
      expect(name.length).toBeGreaterThanOrEqual(rule.minLength);
    }
  });

  test('are readable: they keep the end of the construct path', () => {
    expect(generatePhysicalName(scopeAt('Ml', 'Workspace'), NAME_RULES.workspace)).toMatch(/^ml-workspace-[a-z][a-z0-9]{7}$/);
    expect(planned(scopeAt('Ml', 'Storage'), NAME_RULES.storageAccount)).toMatch(/^mlstorage[0-9a-f]{8}$/);
  });

  test('too long: whole leading ids are dropped, never cut in the middle', () => {
    // 24 characters leave 15 for the path: 'workspace-keyvault' does not fit, 'keyvault' does.
    expect(planned(scopeAt('Workspace', 'KeyVault'), NAME_RULES.keyVault)).toMatch(/^keyvault-[0-9a-f]{8}$/);
    // A single id longer than the room is cut at its end.
    expect(planned(scopeAt('TrainingDataLakeStorageAccount'), NAME_RULES.storageAccount))
      .toMatch(/^trainingdatalake[0-9a-f]{8}$/);
  });

  test('are deterministic and differ between paths and stacks', () => {
    const a1 = generatePhysicalName(scopeAt('Ml', 'Cluster'), NAME_RULES.computeCluster);
    const a2 = generatePhysicalName(scopeAt('Ml', 'Cluster'), NAME_RULES.computeCluster);
    const b = generatePhysicalName(scopeAt('Ml2', 'Cluster'), NAME_RULES.computeCluster);
    const otherStack = new Construct(new TerraformStack(new App(), 'other-stack'), 'Ml');
    const c = generatePhysicalName(new Construct(otherStack, 'Cluster'), NAME_RULES.computeCluster);
    expect(a1).toBe(a2);
    expect(new Set([a1, b, c]).size).toBe(3);
  });

  test('compute names never end in -<digits>', () => {
    for (let i = 0; i < 200; i++) {
      expect(generatePhysicalName(scopeAt(`cluster-${i}`), NAME_RULES.computeCluster)).not.toMatch(/-\d+$/);
    }
  });
});

describe('given physical names', () => {
  test('are used as given when valid', () => {
    expect(resolvePhysicalName(scopeAt('X'), NAME_RULES.keyVault, 'kv-ml-prod')).toBe('kv-ml-prod');
  });

  test.each([
    ['storageAccount', 'Has-Upper', /3-24 lowercase letters and digits/],
    ['keyVault', 'kv--double', /no "--"/],
    ['keyVault', '1starts-with-digit', /starting with a letter/],
    ['containerRegistry', 'acr', /5-50 letters and digits/],
    ['workspace', '-bad', /3-33 letters, digits, hyphens and underscores/],
    ['computeCluster', 'cluster_123', /3-32 letters, digits and hyphens/],
    ['computeInstance', 'box-123', /not ending in -<digits>/],
    ['computeInstance', 'ci1', /4-24/],
  ] as const)('a bad %s name %s fails with the rule and the fix', (kind, name, rule) => {
    const scope = scopeAt('Ml', 'Thing');
    expect(() => resolvePhysicalName(scope, NAME_RULES[kind], name)).toThrow(rule);
    expect(() => resolvePhysicalName(scope, NAME_RULES[kind], name)).toThrow(`platform-stack/Ml/Thing: ${NAME_RULES[kind].resourceType} name '${name}' is invalid`);
    expect(() => resolvePhysicalName(scope, NAME_RULES[kind], name)).toThrow(/leave it out to get a generated one/);
  });

  test('Terraform references are not checked', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const token = new TerraformVariable(stack, 'name', { type: 'string' }).stringValue;
    expect(resolvePhysicalName(stack, NAME_RULES.storageAccount, token)).toBe(token);
  });
});

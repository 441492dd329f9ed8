// The scanner view of the shipped rule pack (src/checks): which of the tools' check IDs in security-checks.json
// (../shared/reference, committed in test/fixtures/ground-truth/reference) a synthesized resource passes, judged as the tools read the file
// (unset attributes count as written: absent). The conditions and the catalogue are the shipped ones; this file
// only adapts them to the tests' (id -> passed) shape and reads the reference JSON for the catalogue test.
import { groundTruthJson } from './ground-truth';
import { planValue } from './plan-names';
import { Condition, ConditionOp, judge, lookup, Outcome } from '../../src/checks/condition';
import { evaluateResource, UnsetAttributes } from '../../src/checks/evaluate';
import { SECURITY_RULES } from '../../src/checks/rules';

/** One entry of security-checks.json. Entries sharing `id` and `resource_type` are ANDed. */
export interface SecurityCheck {
  readonly id: string;
  readonly resource_type: string;
  readonly attribute_path: string;
  readonly condition: string;
  readonly expected: any;
}

let cache: SecurityCheck[] | undefined;

/** All entries of security-checks.json. */
export function securityChecks(): SecurityCheck[] {
  if (!cache) {
    cache = groundTruthJson('reference', 'security-checks.json');
  }
  return cache!;
}

/** Values at a dotted path (`x` and `[x]` are the same block; `name[*]` walks every element); absent means `[]`. */
export function valuesAt(config: any, attributePath: string): any[] {
  return lookup(config, attributePath).values;
}

/** A condition in the JSON's shape as the shipped `Condition`. */
export function toCondition(attributePath: string, condition: string, expected: any): Condition {
  if (condition === 'any_of') {
    return {
      path: attributePath,
      op: 'any_of',
      anyOf: (expected as any[]).map(sub => toCondition(sub.attribute_path, sub.condition, sub.expected)),
    };
  }
  return { path: attributePath, op: condition as ConditionOp, expected };
}

/** Whether one condition holds for `config`; a value the condition needs that is a Terraform expression does not. */
export function conditionHolds(config: any, attributePath: string, condition: string, expected: any): boolean {
  return judge(config, toCondition(attributePath, condition, expected)) === Outcome.PASS;
}

/** Outcome of every check id for one resource of `resourceType`: id -> passed (all its conditions hold). */
export function evaluateChecks(resourceType: string, config: any): Map<string, boolean> {
  const out = new Map<string, boolean>();
  // Generated unique names are Terraform expressions that the plan shows as literals: judge the plan's value.
  for (const result of evaluateResource(resourceType, planValues(config), UnsetAttributes.AS_WRITTEN)) {
    for (const [id, outcome] of result.checks) out.set(id, outcome === Outcome.PASS);
  }
  return out;
}

/** Ids of the checks for `resourceType` that `config` fails, sorted. */
export function failingChecks(resourceType: string, config: any): string[] {
  return [...evaluateChecks(resourceType, config)].filter(([, ok]) => !ok).map(([id]) => id).sort();
}

/** Ids of the checks for `resourceType` that `config` passes, sorted. */
export function passingChecks(resourceType: string, config: any): string[] {
  return [...evaluateChecks(resourceType, config)].filter(([, ok]) => ok).map(([id]) => id).sort();
}

/** The rules table of docs/security-checks.md, rendered from the shipped catalogue (the docs test compares them). */
export function rulesTableMarkdown(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = SECURITY_RULES.map(rule => {
    const checks = rule.checks.map(c => `\`${c.id}\`${c.resourceTypes ? ` (${c.resourceTypes.map(t => t.replace('azurerm_machine_learning_', '')).join(', ')} only)` : ''}`);
    return `| ${rule.id} | ${rule.resourceTypes.map(t => `\`${t}\``).join(', ')} | ${checks.join(', ')} | ${cell(rule.problem)} | ${cell(rule.fix)} |`;
  });
  return ['| Rule | Resource types | Checks (Checkov, Azure Policy, PSRule, Trivy, KICS) | Fails when | Fix |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** `config` with every unique-name suffix computed as `terraform plan` shows it. */
function planValues(config: any): any {
  if (Array.isArray(config)) return config.map(planValues);
  if (config !== null && typeof config === 'object') {
    return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, planValues(v)]));
  }
  return planValue(config);
}

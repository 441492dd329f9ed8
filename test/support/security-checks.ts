// Evaluates security-checks.json (../shared/reference, committed in test/fixtures/ground-truth/reference; the scanner checks evaluable from one resource's own
// attributes) against a synthesized resource, with the condition vocabulary of security-baseline.md §1.
import { groundTruthJson } from './ground-truth';

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

/**
 * Values at a dotted path. A nested block may be an object or a one-element array (`x` and `[x]` are the same);
 * `name[*]` walks every element. Returns the values found, without null/undefined: absent means `[]`.
 */
export function valuesAt(config: any, attributePath: string): any[] {
  let current: any[] = [config];
  for (const rawSegment of attributePath.split('.')) {
    const segment = rawSegment.replace(/\[\*\]$/, '');
    const next: any[] = [];
    for (const node of current) {
      for (const item of Array.isArray(node) ? node : [node]) {
        if (item !== null && typeof item === 'object' && item[segment] !== undefined && item[segment] !== null) {
          next.push(item[segment]);
        }
      }
    }
    current = next;
  }
  // A trailing [*] or a block given as an array: unwrap one level of arrays of objects.
  if (attributePath.endsWith('[*]')) current = current.flatMap(v => (Array.isArray(v) ? v : [v]));
  return current;
}

function isEmpty(value: any): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'string') return value.length === 0;
  if (value !== null && typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** Terraform expressions are unknown at synth time: a check that needs their value does not pass. */
function isExpression(value: any): boolean {
  return typeof value === 'string' && value.includes('${');
}

function known(value: any): boolean {
  return !isExpression(value);
}

/** Whether one condition holds for `config`. */
export function conditionHolds(config: any, attributePath: string, condition: string, expected: any): boolean {
  if (condition === 'any_of') {
    return (expected as any[]).some(sub => conditionHolds(config, sub.attribute_path, sub.condition, sub.expected));
  }
  const values = valuesAt(config, attributePath);
  const present = values.length > 0;
  const all = (pred: (v: any) => boolean) => present && values.every(v => known(v) && pred(v));
  const eq = (v: any) => v === expected;
  switch (condition) {
    case 'equals': return all(eq);
    case 'absent_or_equals': return !present || all(eq);
    case 'not_equals': return !present || all(v => v !== expected);
    case 'in': return all(v => (expected as any[]).includes(v));
    case 'absent_or_in': return !present || all(v => (expected as any[]).includes(v));
    case 'exists': return expected === false ? !present : present && values.every(v => !isEmpty(v));
    case 'absent_or_empty': return !present || values.every(isEmpty);
    case 'matches': return all(v => typeof v === 'string' && new RegExp(expected).test(v));
    case 'gte': return all(v => typeof v === 'number' && v >= expected);
    case 'between': return all(v => typeof v === 'number' && v >= expected[0] && v <= expected[1]);
    case 'contains': return all(v => (Array.isArray(v) ? v.includes(expected) : v === expected));
    default: throw new Error(`security-checks.json: unknown condition '${condition}'`);
  }
}

/** Outcome of every check id for one resource of `resourceType`: id -> passed (all its entries hold). */
export function evaluateChecks(resourceType: string, config: any): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const check of securityChecks().filter(c => c.resource_type === resourceType)) {
    const holds = conditionHolds(config, check.attribute_path, check.condition, check.expected);
    out.set(check.id, (out.get(check.id) ?? true) && holds);
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

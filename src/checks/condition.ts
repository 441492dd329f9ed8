// The condition vocabulary of the security baseline (security-baseline.md §1), judged on one resource's synthesized
// Terraform attributes. Internal: not exported from the package index.

/** How a condition compares the values found at its path. */
export type ConditionOp =
  | 'equals' // present and every value == expected
  | 'absent_or_equals'
  | 'not_equals' // absent passes
  | 'in' // present and every value in expected (a list)
  | 'absent_or_in'
  | 'exists' // present, non-null, non-empty
  | 'absent_or_empty'
  | 'matches' // every value matches the regular expression `expected`
  | 'gte'
  | 'between' // [min, max] inclusive
  | 'contains' // every value (a list) contains expected
  | 'any_of'; // `anyOf` sub-conditions: passes when one passes

/** One condition on a dotted attribute path (`a.b`; `a[*].b` walks every element of a repeated block). */
export interface Condition {
  readonly path: string;
  readonly op: ConditionOp;
  readonly expected?: unknown;
  /** Sub-conditions of `any_of`. */
  readonly anyOf?: readonly Condition[];
}

/** Outcome of a condition, a check or a rule. */
export enum Outcome {
  PASS = 'pass',
  FAIL = 'fail',
  /** A value the condition needs is a Terraform expression, unknown until apply: the check is skipped. */
  UNKNOWN = 'unknown',
}

/** True for a Terraform expression (`${...}`) or a structure holding one. */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('${');
  if (Array.isArray(value)) return value.some(isUnresolved);
  if (value !== null && typeof value === 'object') return Object.values(value as object).some(isUnresolved);
  return false;
}

/** Values found at a path, and whether the walk met an expression where a block was expected. */
export interface Lookup {
  readonly values: unknown[];
  readonly unknown: boolean;
}

/**
 * Values at a dotted path. A nested block may be an object or a one-element array (`x` and `[x]` are the same);
 * `name[*]` walks every element. Null and undefined count as absent.
 */
export function lookup(config: unknown, path: string): Lookup {
  let current: unknown[] = [config];
  let unknown = false;
  for (const rawSegment of path.split('.')) {
    const segment = rawSegment.replace(/\[\*\]$/, '');
    const next: unknown[] = [];
    for (const node of current) {
      for (const item of Array.isArray(node) ? node : [node]) {
        if (typeof item === 'string' && isUnresolved(item)) {
          unknown = true; // a whole block given as an expression (e.g. a dynamic block)
        } else if (item !== null && typeof item === 'object') {
          const value = (item as Record<string, unknown>)[segment];
          if (value !== undefined && value !== null) next.push(value);
        }
      }
    }
    current = next;
  }
  if (path.endsWith('[*]')) current = current.flatMap(v => (Array.isArray(v) ? v : [v]));
  return { values: current, unknown };
}

function isEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'string') return value.length === 0;
  if (value !== null && typeof value === 'object') return Object.keys(value as object).length === 0;
  return false;
}

/** FAIL when a known value fails, else UNKNOWN when one is unresolved, else PASS. */
function judgeEach(values: unknown[], holds: (v: unknown) => boolean): Outcome {
  let unknown = false;
  for (const v of values) {
    if (isUnresolved(v)) {
      // A list holding an expression may still be judged when the known elements decide it (see `contains`).
      unknown = true;
    } else if (!holds(v)) {
      return Outcome.FAIL;
    }
  }
  return unknown ? Outcome.UNKNOWN : Outcome.PASS;
}

/** Combines outcomes with AND: any FAIL fails, else any UNKNOWN is unknown. */
export function allOf(outcomes: Outcome[]): Outcome {
  if (outcomes.includes(Outcome.FAIL)) return Outcome.FAIL;
  if (outcomes.includes(Outcome.UNKNOWN)) return Outcome.UNKNOWN;
  return Outcome.PASS;
}

/** Combines outcomes with OR: any PASS passes, else any UNKNOWN is unknown. */
function anyOf(outcomes: Outcome[]): Outcome {
  if (outcomes.includes(Outcome.PASS)) return Outcome.PASS;
  if (outcomes.includes(Outcome.UNKNOWN)) return Outcome.UNKNOWN;
  return Outcome.FAIL;
}

/** Judges one condition on a resource's attributes. */
export function judge(config: unknown, condition: Condition): Outcome {
  if (condition.op === 'any_of') return anyOf((condition.anyOf ?? []).map(c => judge(config, c)));
  const { values, unknown } = lookup(config, condition.path);
  const expected = condition.expected;
  if (values.length === 0) {
    if (unknown) return Outcome.UNKNOWN;
    const absentPasses = ['absent_or_equals', 'not_equals', 'absent_or_in', 'absent_or_empty'].includes(condition.op)
      || (condition.op === 'exists' && expected === false);
    return absentPasses ? Outcome.PASS : Outcome.FAIL;
  }
  const list = expected as unknown[];
  switch (condition.op) {
    case 'equals':
    case 'absent_or_equals':
      return judgeEach(values, v => v === expected);
    case 'not_equals':
      return judgeEach(values, v => v !== expected);
    case 'in':
    case 'absent_or_in':
      return judgeEach(values, v => list.includes(v));
    case 'exists':
      // An expression is a value that is set: it exists.
      return expected === false ? Outcome.FAIL : (values.every(v => !isEmpty(v)) ? Outcome.PASS : Outcome.FAIL);
    case 'absent_or_empty':
      if (values.some(v => !isEmpty(v) && !isUnresolved(v))) return Outcome.FAIL;
      return values.some(v => typeof v === 'string' && isUnresolved(v)) ? Outcome.UNKNOWN : Outcome.PASS;
    case 'matches':
      return judgeEach(values, v => typeof v === 'string' && new RegExp(expected as string).test(v));
    case 'gte':
      return judgeEach(values, v => typeof v === 'number' && v >= (expected as number));
    case 'between':
      return judgeEach(values, v => typeof v === 'number' && v >= (list[0] as number) && v <= (list[1] as number));
    case 'contains':
      return allOf(values.map(v => {
        const items = Array.isArray(v) ? v : [v];
        if (items.includes(expected)) return Outcome.PASS;
        return items.some(isUnresolved) ? Outcome.UNKNOWN : Outcome.FAIL;
      }));
    default:
      throw new Error(`internal: unknown condition '${condition.op as string}'`);
  }
}

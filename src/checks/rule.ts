// The shape of a security rule and small builders for its conditions. Internal: not exported from the package index.
import { Condition } from './condition';

/**
 * One scanner or policy check a rule carries (a Checkov, Azure Policy, PSRule, Trivy or KICS ID), with the
 * conditions that tool applies (ANDed), as recorded in `security-checks.json`.
 */
export interface SourceCheck {
  /** The tool's ID, e.g. `CKV_AZURE_35`, `AZPOL-<definition guid>`, `PSRULE-Azure.ML.PublicAccess`. */
  readonly id: string;
  /** Conditions, all of which must hold. */
  readonly conditions: readonly Condition[];
  /** Resource types this check applies to, when narrower than the rule's. */
  readonly resourceTypes?: readonly string[];
}

/** A library rule: one security property of a resource, the tools' checks that test it, and the fix. */
export interface SecurityRule {
  /** Stable library ID, `AZML-SEC-NNN`. */
  readonly id: string;
  /** Terraform resource types the rule applies to. */
  readonly resourceTypes: readonly string[];
  /** What is wrong when the rule fails, as a sentence fragment ("public network access is enabled"). */
  readonly problem: string;
  /** How to fix it: the Terraform attribute, and the library prop where there is one. */
  readonly fix: string;
  /** The tools' checks, evaluated one by one so a finding names exactly the IDs that fail. */
  readonly checks: readonly SourceCheck[];
}

/** A check with one or more conditions. */
export function check(id: string, ...conditions: Condition[]): SourceCheck {
  return { id, conditions };
}

/** A check that applies to some of the rule's resource types only. */
export function checkOn(resourceTypes: string[], id: string, ...conditions: Condition[]): SourceCheck {
  return { id, conditions, resourceTypes };
}

export const equals = (path: string, expected: unknown): Condition => ({ path, op: 'equals', expected });
export const absentOrEquals = (path: string, expected: unknown): Condition => ({ path, op: 'absent_or_equals', expected });
export const notEquals = (path: string, expected: unknown): Condition => ({ path, op: 'not_equals', expected });
export const isIn = (path: string, expected: unknown[]): Condition => ({ path, op: 'in', expected });
export const absentOrIn = (path: string, expected: unknown[]): Condition => ({ path, op: 'absent_or_in', expected });
export const exists = (path: string): Condition => ({ path, op: 'exists', expected: true });
export const absentOrEmpty = (path: string): Condition => ({ path, op: 'absent_or_empty', expected: null });
export const matches = (path: string, pattern: string): Condition => ({ path, op: 'matches', expected: pattern });
export const gte = (path: string, min: number): Condition => ({ path, op: 'gte', expected: min });
export const between = (path: string, min: number, max: number): Condition => ({ path, op: 'between', expected: [min, max] });
export const contains = (path: string, expected: unknown): Condition => ({ path, op: 'contains', expected });
export const anyOf = (...conditions: Condition[]): Condition => ({
  path: conditions.map(c => c.path).join('|'), op: 'any_of', anyOf: conditions,
});

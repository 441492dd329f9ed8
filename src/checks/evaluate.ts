// Evaluates the rule catalogue on one resource's synthesized attributes. Internal: not exported from the package index.
import { ADAPTED_TYPES, ruleSubject } from './azapi-subjects';
import { allOf, judge, Outcome } from './condition';
import { withProviderDefaults } from './provider-defaults';
import { SecurityRule, SourceCheck } from './rule';
import { SECURITY_RULES } from './rules';

let byType: Map<string, SecurityRule[]> | undefined;

/** The rules that apply to a Terraform resource type (none for types the pack does not know). */
export function rulesFor(resourceType: string): readonly SecurityRule[] {
  if (!byType) {
    byType = new Map();
    for (const rule of SECURITY_RULES) {
      for (const type of rule.resourceTypes) byType.set(type, [...(byType.get(type) ?? []), rule]);
    }
  }
  return byType.get(resourceType) ?? [];
}

/** Whether resources of a Terraform type may be judged: it has rules, or its resources may be adapted to a type that has. */
export function mayHaveRules(resourceType: string): boolean {
  return rulesFor(resourceType).length > 0 || ADAPTED_TYPES.includes(resourceType);
}

/** The checks of a rule that apply to a resource type. */
export function checksFor(rule: SecurityRule, resourceType: string): readonly SourceCheck[] {
  return rule.checks.filter(c => !c.resourceTypes || c.resourceTypes.includes(resourceType));
}

/** How to judge attributes a configuration leaves unset. */
export enum UnsetAttributes {
  /** As the provider will create them (the aspect): an unset `public_network_access_enabled` is `true`. */
  PROVIDER_DEFAULTS = 'provider-defaults',
  /** As the scanners read the file (`security-checks.json` semantics): only what is written counts. */
  AS_WRITTEN = 'as-written',
}

/** The outcome of one rule on one resource. */
export interface RuleResult {
  readonly rule: SecurityRule;
  /** FAIL when a check fails, UNKNOWN when none fails but one needs an unresolved value, else PASS. */
  readonly outcome: Outcome;
  /** Outcome of each of the rule's checks that applies to the resource type, by check ID. */
  readonly checks: ReadonlyMap<string, Outcome>;
  /** IDs of the checks that fail, in catalogue order. */
  readonly failing: readonly string[];
}

/**
 * Evaluates every rule for `resourceType` on a resource's synthesized attributes (snake_case, tokens resolved). An
 * `azapi_resource` of a type the rules know through an adapter (workspaces) is judged as that type (azapi-subjects.ts).
 */
export function evaluateResource(
  type: string,
  attributes: Record<string, unknown>,
  unset: UnsetAttributes = UnsetAttributes.PROVIDER_DEFAULTS,
): RuleResult[] {
  const { resourceType, config } = ruleSubject(type, attributes);
  const rules = rulesFor(resourceType);
  if (rules.length === 0) return [];
  const subject = unset === UnsetAttributes.PROVIDER_DEFAULTS ? withProviderDefaults(resourceType, config) : config;
  return rules.map(rule => {
    const checks = new Map<string, Outcome>();
    for (const c of checksFor(rule, resourceType)) checks.set(c.id, allOf(c.conditions.map(cond => judge(subject, cond))));
    const failing = [...checks].filter(([, o]) => o === Outcome.FAIL).map(([id]) => id);
    return { rule, outcome: allOf([...checks.values()]), checks, failing };
  });
}

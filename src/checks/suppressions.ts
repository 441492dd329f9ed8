// Suppressions of the security rule pack. They are acknowledgements of src/core/warnings.ts (one mechanism for
// warnings and security checks): with a reason, on a construct and everything below it.
import { IConstruct } from 'constructs';
import { SECURITY_RULES } from './rules';
import { ValidationError } from '../core/validation';
import { acknowledgementOf, Warnings } from '../core/warnings';

let known: Set<string> | undefined;

/** Every rule ID and check ID of the pack. */
export function knownCheckIds(): ReadonlySet<string> {
  if (!known) known = new Set(SECURITY_RULES.flatMap(rule => [rule.id, ...rule.checks.map(c => c.id)]));
  return known;
}

/** Acknowledges the rule or check `id` for `construct` and its children, for `reason`. */
export function suppressCheck(construct: IConstruct, id: string, reason: string): void {
  if (typeof id !== 'string' || !knownCheckIds().has(id)) {
    throw new ValidationError(construct, `cannot suppress '${id}': it is not a rule ID (AZML-SEC-NNN) or a check ID of `
      + 'AzureMlSecurityChecks. Use an ID from the finding or from docs/security-checks.md.');
  }
  if (typeof reason !== 'string' || reason.trim().length === 0) {
    throw new ValidationError(construct, `suppressing '${id}' needs a reason: a suppression without one cannot be reviewed. `
      + `Pass why the finding is accepted, e.g. AzureMlSecurityChecks.suppress(construct, '${id}', 'reached through the platform private endpoint').`);
  }
  Warnings.of(construct).acknowledge(id, reason.trim());
}

/** The reason `id` is suppressed on `construct` or the nearest scope above it, else undefined. */
export function suppressionOf(construct: IConstruct, id: string): string | undefined {
  return acknowledgementOf(construct, id);
}

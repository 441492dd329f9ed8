// Suppressions of the security rule pack: acknowledgements with a reason, on a construct and everything below it.
import { IConstruct } from 'constructs';
import { SECURITY_RULES } from './rules';
import { ValidationError } from '../core/validation';

let known: Set<string> | undefined;

/** Every rule ID and check ID of the pack. */
export function knownCheckIds(): ReadonlySet<string> {
  if (!known) known = new Set(SECURITY_RULES.flatMap(rule => [rule.id, ...rule.checks.map(c => c.id)]));
  return known;
}

const METADATA_TYPE = 'azureml:security-check-suppression';

/** Records that `id` is accepted for `construct` and its children, for `reason`. */
export function suppressCheck(construct: IConstruct, id: string, reason: string): void {
  if (typeof id !== 'string' || !knownCheckIds().has(id)) {
    throw new ValidationError(construct, `cannot suppress '${id}': it is not a rule ID (AZML-SEC-NNN) or a check ID of `
      + 'AzureMlSecurityChecks. Use an ID from the finding or from docs/security-checks.md.');
  }
  if (typeof reason !== 'string' || reason.trim().length === 0) {
    throw new ValidationError(construct, `suppressing '${id}' needs a reason: a suppression without one cannot be reviewed. `
      + `Pass why the finding is accepted, e.g. AzureMlSecurityChecks.suppress(construct, '${id}', 'private endpoint added by the platform team').`);
  }
  construct.node.addMetadata(METADATA_TYPE, { id, reason: reason.trim() });
}

/** Whether `id` is suppressed on `construct` or one of its ancestors. */
export function isSuppressed(construct: IConstruct, id: string): boolean {
  return construct.node.scopes.some(scope => scope.node.metadata.some(m => m.type === METADATA_TYPE && m.data?.id === id));
}

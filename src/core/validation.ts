import { Token } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * Invalid input, found at synth time.
 *
 * The message names the construct (by path), the offending value, what is allowed
 * and how to fix it.
 */
export class ValidationError extends Error {
  /** Path of the construct whose input is invalid. */
  public readonly constructPath: string;

  constructor(scope: IConstruct, message: string) {
    super(`${scope.node.path}: ${message}`);
    this.name = 'ValidationError';
    this.constructPath = scope.node.path;
  }
}

/** True when the value is known at synth time (not a Terraform reference or expression). */
export function isResolved(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  return !Token.isUnresolved(value);
}

/** Checks a string against a pattern unless it is an unresolved token. */
export function checkPattern(
  scope: IConstruct,
  what: string,
  value: string | undefined,
  pattern: RegExp,
  rule: string,
  fix?: string,
): void {
  if (value === undefined || !isResolved(value)) return;
  if (!pattern.test(value)) {
    throw new ValidationError(scope, `${what} '${value}' is invalid: ${rule}.${fix ? ` ${fix}` : ''}`);
  }
}

/** Checks that a number lies in [min, max] unless it is an unresolved token. */
export function checkRange(
  scope: IConstruct,
  what: string,
  value: number | undefined,
  min: number,
  max: number,
  fix?: string,
): void {
  if (value === undefined || !isResolved(value)) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(scope, `${what} is ${value}; it must be a whole number from ${min} to ${max}.${fix ? ` ${fix}` : ''}`);
  }
}

/** Checks that a value is one of the allowed ones unless it is an unresolved token. */
export function checkOneOf(scope: IConstruct, what: string, value: string | undefined, allowed: readonly string[]): void {
  if (value === undefined || !isResolved(value)) return;
  if (!allowed.includes(value)) {
    throw new ValidationError(scope, `${what} '${value}' is not supported; use one of: ${allowed.join(', ')}.`);
  }
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * Checks that an Entra ID object, tenant or client ID is a GUID unless it is a reference: placeholders such as
 * `<object id of the data-science group>` and names are refused here instead of by Azure at apply.
 */
export function checkGuid(scope: IConstruct, what: string, value: string | undefined, fix: string): void {
  // A string holding a Terraform interpolation (e.g. an azapi output) is a reference too.
  if (value === undefined || !isResolved(value) || value.includes('${')) return;
  if (!GUID.test(value)) {
    throw new ValidationError(scope, `${what} '${value}' is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx). ${fix}`);
  }
}

/**
 * Checks a value of an enum-like choice (an `of(...)` escape hatch, or a TypeScript enum that a JavaScript
 * caller can fill with any string) against the values Terraform or Azure accept, unless it is a reference.
 * `source` says where the list comes from (e.g. `azurerm 4.55.0 account_replication_type`); a value that
 * differs only in case gets "did you mean".
 */
export function checkAllowedValue(
  scope: IConstruct,
  what: string,
  value: string | undefined,
  allowed: readonly string[],
  source: string,
  fix: string,
): void {
  if (value === undefined || !isResolved(value) || allowed.includes(value)) return;
  const norm = (v: string) => String(v).toLowerCase().replace(/[\s_-]/g, '');
  const near = allowed.find(a => norm(a) === norm(value));
  throw new ValidationError(scope, `${what} '${value}' is not accepted by ${source}: allowed are ${allowed.map(a => `'${a}'`).join(', ')}`
    + `${near ? `; did you mean '${near}'?` : '.'} ${fix}`);
}

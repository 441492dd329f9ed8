// Which naming convention applies where, and which constructs already got a generated name. Internal.
import { IConstruct } from 'constructs';
import type { INamingConvention } from './naming-convention';

const conventions = new WeakMap<IConstruct, INamingConvention>();
const named = new WeakSet<IConstruct>();

/** Sets the convention of `scope`. */
export function setConvention(scope: IConstruct, convention: INamingConvention): void {
  conventions.set(scope, convention);
}

/** The convention of the nearest scope that has one. */
export function conventionOf(scope: IConstruct): INamingConvention | undefined {
  for (const s of [...scope.node.scopes].reverse()) {
    const convention = conventions.get(s);
    if (convention) return convention;
  }
  return undefined;
}

/** Records that `scope` got a generated name: a convention set above it later would not apply. */
export function recordGeneratedName(scope: IConstruct): void {
  named.add(scope);
}

/** Whether `scope` got a generated name. */
export function hasGeneratedName(scope: IConstruct): boolean {
  return named.has(scope);
}

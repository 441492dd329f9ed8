// Which naming convention applies where, and which constructs already got a generated name. Internal.
import { TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import type { INamingConvention } from './naming-convention';
import { ValidationError } from './validation';

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

/** Names claimed in each app: namespace and name (lowercase) -> path of the construct that claimed it. */
const claimed = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Where a name must be unique, for `claimName`: below a parent construct (a workspace, an endpoint, a storage
 * account), identified by its ARM ID when that is known at synth (two imports of one workspace are one parent)
 * and by its construct path otherwise.
 */
export function uniquenessScope(parent: IConstruct, armId?: string): string {
  return armId !== undefined && !Token.isUnresolved(armId) && !armId.includes('${') ? armId.toLowerCase() : parent.node.path;
}

/**
 * Records that `scope` uses `name` in `namespace` (e.g. `compute in <workspace>`), and refuses a second
 * construct of the same app claiming it: Azure has one resource of that name there, so the second would
 * overwrite (or fail on) the first at apply. Names and namespaces that are Terraform references are skipped.
 * Azure compares resource names case-insensitively, so this does too. The message names both constructs.
 */
export function claimName(scope: IConstruct, namespace: string, name: string, what: string, where: string,
  fix = 'Give one of them another name, or leave `name` out to get a generated one.'): void {
  claimNames(scope, [{ namespace, name, what, where, fix }]);
}

/** One name to claim, for `claimNames`. */
export interface NameClaim {
  readonly namespace: string;
  readonly name: string;
  readonly what: string;
  readonly where: string;
  readonly fix?: string;
}

/** Claims several names at once: all or none (a refused claim leaves no other claim behind). */
export function claimNames(scope: IConstruct, claims: NameClaim[]): void {
  const root = scope.node.root;
  const names = claimed.get(root) ?? new Map<string, string>();
  claimed.set(root, names);
  const keys: string[] = [];
  for (const c of claims) {
    if (Token.isUnresolved(c.name) || Token.isUnresolved(c.namespace) || c.name.includes('${')) continue;
    const key = `${c.namespace}\u0000${c.name.toLowerCase()}`;
    const other = names.get(key);
    if (other !== undefined && other !== scope.node.path) {
      throw new ValidationError(scope, `${c.what} '${c.name}' is already used by ${other} ${c.where}: Azure has one resource of that `
        + `name there, so the second would overwrite the first (or fail) at apply. ${c.fix ?? 'Give one of them another name, or leave `name` out to get a generated one.'}`);
    }
    keys.push(key);
  }
  for (const key of keys) names.set(key, scope.node.path);
}

/**
 * Claims a machine learning workspace name (workspaces, hubs and projects are all
 * `Microsoft.MachineLearningServices/workspaces`, unique per resource group), per stack since two stacks may target
 * two subscriptions.
 */
export function claimWorkspaceName(scope: IConstruct, resourceGroupName: string, name: string): void {
  claimName(scope, `machine learning workspaces in ${TerraformStack.of(scope).node.path}/${resourceGroupName}`, name, 'workspace name',
    `in the same resource group ('${resourceGroupName}'; workspaces, hubs and projects share one set of names)`);
}

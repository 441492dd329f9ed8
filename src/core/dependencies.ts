// Explicit ordering for L2 constructs: `construct.addDependency(...dependables)` puts `depends_on` on every Terraform
// resource the construct emits. Every L2's `addDependency` method calls `addDependencies` below.
import { Aspects, dependable, IAspect, TerraformDataSource, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ValidationError } from './validation';

/** Dependables recorded per L2, applied at synthesis so resources added after the call are ordered too. */
const recorded = new WeakMap<IConstruct, IConstruct[]>();
/** The dependables already written into each resource's `depends_on` (no duplicates when scopes nest). */
const applied = new WeakMap<TerraformResource, Set<IConstruct>>();

/**
 * Makes every Terraform resource below `scope` (including resources added later) depend on `dependables`:
 * Terraform resources, data sources or modules as they are, any other construct (an L2) through every
 * Terraform resource below it. Validated now: a dependable must be in the same stack, outside `scope`, and
 * emit something to depend on. Internal: the L2s expose it as `addDependency`.
 */
export function addDependencies(scope: IConstruct, dependables: IConstruct[]): void {
  const stack = TerraformStack.of(scope);
  for (const d of dependables) {
    if (d === undefined || d === null) {
      throw new ValidationError(scope, 'addDependency() was given an undefined dependable. Pass the resource, module or construct to order after.');
    }
    if (TerraformStack.of(d) !== stack) {
      throw new ValidationError(scope, `cannot depend on '${d.node.path}': it is in stack '${TerraformStack.of(d).node.id}', `
        + `not '${stack.node.id}', and depends_on cannot cross stacks. Declare the order between the stacks instead `
        + '(stack.addDependency(otherStack)), or reference an output of the other stack.');
    }
    if (d === scope || d.node.scopes.includes(scope)) {
      throw new ValidationError(scope, `cannot depend on '${d.node.path}': it is part of this construct, so it would depend on itself. `
        + 'Pass a resource or construct outside it.');
    }
    if (targetsOf(d).length === 0) {
      throw new ValidationError(scope, `cannot depend on '${d.node.path}': it emits no Terraform resource, data source or module. `
        + 'Pass an L1 resource (e.g. a RoleAssignment) or a construct that creates resources.');
    }
  }
  const list = recorded.get(scope);
  if (list) {
    list.push(...dependables.filter(d => !list.includes(d)));
    return;
  }
  recorded.set(scope, [...dependables]);
  Aspects.of(scope).add(new DependsOn(scope));
}

/** The Terraform elements a dependable stands for: itself when it is one, else every resource below it. */
function targetsOf(d: IConstruct): IConstruct[] {
  if (isDependableElement(d)) return [d];
  return d.node.findAll().filter(c => TerraformResource.isTerraformResource(c));
}

/** A resource, data source or module: something with an fqn that `depends_on` can name. */
function isDependableElement(c: IConstruct): boolean {
  if (TerraformResource.isTerraformResource(c) || TerraformDataSource.isTerraformDataSource(c)) return true;
  // TerraformModule has no type guard: it is a TerraformElement with a `source`.
  const m = c as any;
  return typeof m.fqn === 'string' && typeof m.source === 'string';
}

/** Adds the recorded dependables of one L2 to every Terraform resource it holds; runs at synthesis. */
class DependsOn implements IAspect {
  constructor(private readonly scope: IConstruct) {}

  public visit(node: IConstruct): void {
    if (!TerraformResource.isTerraformResource(node)) return;
    const done = applied.get(node) ?? new Set<IConstruct>();
    applied.set(node, done);
    for (const d of recorded.get(this.scope) ?? []) {
      for (const target of targetsOf(d)) {
        if (target === node || done.has(target)) continue;
        done.add(target);
        node.dependsOn = [...(node.dependsOn ?? []), dependable(target as unknown as TerraformResource)];
      }
    }
  }
}

// Renaming or moving a construct without replacing what it created: moved blocks for its resources
// and physical names computed from the path it had before.
import { Aspects, IAspect, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ValidationError } from './validation';

interface Move { readonly from: string[]; readonly to: string[] }

const movesByStack = new WeakMap<IConstruct, Move[]>();

/**
 * Refactors that keep data. Construct IDs are public API: they are part of every Terraform address
 * and of every generated physical name below them. To rename a construct or move it under another
 * parent anyway, declare the move once, before the construct is created:
 *
 * ```ts
 * Refactor.moved(stack, 'Workspace', 'Platform/Ml'); // was stack/Workspace, is now stack/Platform/Ml
 * ```
 *
 * Every Terraform resource below the new path gets a `moved` block from its old address, and every
 * physical name generated below it is computed from the old path, so the plan shows moves and no
 * replacement. Keep the declaration in the code: removing it would change the generated names again.
 */
export class Refactor {
  /**
   * Declares that the construct now at `to` was at `from`. Both are construct paths below the stack
   * (ids joined by `/`). Call it before creating the construct at `to`.
   * @param scope the stack, or any construct in it
   * @param from the old path below the stack, e.g. `Workspace`
   * @param to the new path below the stack, e.g. `Platform/Ml`
   */
  public static moved(scope: IConstruct, from: string, to: string): void {
    const stack = TerraformStack.of(scope);
    const move = { from: splitPath(stack, from, 'from'), to: splitPath(stack, to, 'to') };
    if (move.from.join('/') === move.to.join('/')) {
      throw new ValidationError(stack, `Refactor.moved('${from}', '${to}') moves a construct to where it is. Pass the old path as `
        + '`from` and the new one as `to`.');
    }
    const moves = movesByStack.get(stack) ?? [];
    if (moves.some(m => m.to.join('/') === move.to.join('/'))) {
      throw new ValidationError(stack, `Refactor.moved: '${to}' is already declared as moved. Declare each new path once.`);
    }
    if (stack.node.tryFindChild(move.to[0]) && findBelow(stack, move.to)) {
      throw new ValidationError(stack, `Refactor.moved('${from}', '${to}') comes after '${to}' was created, so its names were `
        + 'already generated from the new path. Call Refactor.moved before creating the construct.');
    }
    if (moves.length === 0) Aspects.of(stack).add(new EmitMovedBlocks(stack));
    moves.push(move);
    movesByStack.set(stack, moves);
  }
}

/**
 * The ids below the stack that names of `scope` are computed from: its construct path, with every
 * declared move undone (newest first, so a chain of moves leads back to the first path). Internal.
 */
export function namingPathOf(scope: IConstruct): string[] {
  const stack = TerraformStack.of(scope);
  let path = scope.node.scopes.slice(stack.node.scopes.length).map(s => s.node.id);
  const moves = movesByStack.get(stack) ?? [];
  for (let i = moves.length - 1; i >= 0; i--) {
    const { from, to } = moves[i];
    if (startsWith(path, to)) path = [...from, ...path.slice(to.length)];
  }
  return path;
}

/** Adds, at synthesis, the moved block of every resource below a moved construct. */
class EmitMovedBlocks implements IAspect {
  constructor(private readonly stack: TerraformStack) {}

  public visit(node: IConstruct): void {
    if (node !== this.stack) return;
    for (const { from, to } of movesByStack.get(this.stack) ?? []) {
      const target = findBelow(this.stack, to);
      if (!target) {
        throw new ValidationError(this.stack, `Refactor.moved('${from.join('/')}', '${to.join('/')}'): there is no construct at `
          + `'${to.join('/')}'. Pass the path of the construct below the stack, ids joined by '/'.`);
      }
      if (findBelow(this.stack, from)) {
        throw new ValidationError(this.stack, `Refactor.moved('${from.join('/')}', '${to.join('/')}'): a construct still exists at `
          + `'${from.join('/')}', so both would claim the same resources. Remove the old construct.`);
      }
      for (const resource of target.node.findAll().filter(TerraformResource.isTerraformResource) as TerraformResource[]) {
        this.moveFromOldAddress(resource, from, to);
      }
    }
  }

  private moveFromOldAddress(resource: TerraformResource, from: string[], to: string[]): void {
    const ids = resource.node.scopes.slice(this.stack.node.scopes.length).map(s => s.node.id);
    // A resource whose logical id was overridden keeps its address wherever it moves.
    if (resource.friendlyUniqueId !== this.stack.getLogicalId(resource)) return;
    const oldIds = [...from, ...ids.slice(to.length)];
    const oldScopes = oldIds.map(id => ({ node: { id } }));
    const oldLogicalId = this.stack.getLogicalId({ scopes: [this.stack, ...oldScopes] } as any);
    resource.moveFromId(`${resource.terraformResourceType}.${oldLogicalId}`);
  }
}

function splitPath(stack: TerraformStack, path: string, what: string): string[] {
  const ids = path.split('/');
  if (path.length === 0 || ids.some(id => id.length === 0)) {
    throw new ValidationError(stack, `Refactor.moved: '${path}' is not a construct path (${what}). Pass the construct ids below `
      + 'the stack joined by \'/\', e.g. \'Platform/Ml\'.');
  }
  return ids;
}

function findBelow(root: IConstruct, ids: string[]): IConstruct | undefined {
  let current: IConstruct | undefined = root;
  for (const id of ids) {
    current = current.node.tryFindChild(id);
    if (!current) return undefined;
  }
  return current;
}

function startsWith(path: string[], prefix: string[]): boolean {
  return prefix.length <= path.length && prefix.every((id, i) => path[i] === id);
}

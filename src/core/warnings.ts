// Warnings with IDs that a user can acknowledge, like aws-cdk's `Annotations.addWarningV2` /
// `acknowledgeWarning`. Warnings are held until synthesis, so an acknowledgement made after the
// construct was created (the usual order) still silences them. Security-check suppressions use the
// same acknowledgements.
import { Annotations, Aspects, IAspect, TerraformResource, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { ValidationError } from './validation';

/** Metadata type of an acknowledgement on a construct (visible in the construct tree and manifest). */
export const ACKNOWLEDGEMENT_METADATA = 'cdktf-azureml/acknowledged';

const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.:-]{1,63}$/;

interface PendingWarning {
  readonly id: string;
  readonly message: string;
  /** For a deferred warning: whether it still applies, asked at synthesis. */
  readonly applies?: () => boolean;
}

const pending = new WeakMap<IConstruct, PendingWarning[]>();
const acknowledged = new WeakMap<IConstruct, Map<string, string>>();
const flushingStacks = new WeakSet<IConstruct>();

/**
 * Warnings with an ID, and their acknowledgements.
 *
 * A warning is emitted at synthesis as `[ID] message`, unless the construct or one of its
 * scopes acknowledged that ID with a reason. Acknowledge a warning you have reviewed:
 *
 * `Warnings.of(workspace).acknowledge('AZML-WS-001', 'reached over the corporate VPN only')`
 */
export class Warnings {
  /** The warnings of `scope`. */
  public static of(scope: IConstruct): Warnings {
    return new Warnings(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /**
   * Adds a warning, shown at synthesis unless `id` is acknowledged on this construct or a scope above it.
   * @param id a stable ID, e.g. `AZML-WS-001`
   * @param message what is wrong and what to do about it
   */
  public add(id: string, message: string): void {
    checkId(this.scope, id);
    const list = pending.get(this.scope) ?? [];
    if (list.some(w => w.id === id && w.message === message)) return;
    list.push({ id, message });
    pending.set(this.scope, list);
    flushAtSynthesis(this.scope);
  }

  /**
   * Acknowledges the warning (or security check) `id` for this construct and everything below it.
   * The acknowledgement and its reason are recorded in the construct's metadata and, when the construct
   * is a Terraform resource or has one as its `node.defaultChild`, in that resource's `//` comment block
   * of the synthesized JSON.
   * @param id the ID shown in brackets in the warning, e.g. `AZML-WS-001`
   * @param reason why the warning does not apply here (required)
   */
  public acknowledge(id: string, reason: string): void {
    checkId(this.scope, id);
    if (Token.isUnresolved(reason) || reason.trim().length === 0) {
      throw new ValidationError(this.scope, `the acknowledgement of '${id}' has no reason. Pass a literal reason that `
        + `a reviewer can read, e.g. Warnings.of(construct).acknowledge('${id}', 'reached over the corporate VPN only').`);
    }
    const map = acknowledged.get(this.scope) ?? new Map<string, string>();
    if (map.has(id)) return;
    map.set(id, reason);
    acknowledged.set(this.scope, map);
    this.scope.node.addMetadata(ACKNOWLEDGEMENT_METADATA, { id, reason });
    const resource = resourceOf(this.scope);
    if (resource) recordAcknowledgement(resource, id, reason);
  }
}

/**
 * A warning decided at synthesis: `applies` is asked then (e.g. about constructs added after `scope`, such as the
 * stack's providers), and the warning is emitted only if it returns true. Internal (takes a callback: not jsii).
 */
export function addDeferredWarning(scope: IConstruct, id: string, message: string, applies: () => boolean): void {
  checkId(scope, id);
  const list = pending.get(scope) ?? [];
  if (list.some(w => w.id === id && w.message === message)) return;
  list.push({ id, message, applies });
  pending.set(scope, list);
  flushAtSynthesis(scope);
}

const recorded = new WeakMap<TerraformResource, Record<string, string>>();

/**
 * Writes an acknowledgement into a resource's `//` comment block of the synthesized JSON, as `acknowledged.<id>`.
 * The block is written whole, so IDs with dots (`PSRULE-Azure.ML.PublicAccess`) stay one key. Internal.
 */
export function recordAcknowledgement(resource: TerraformResource, id: string, reason: string): void {
  const record = { ...(recorded.get(resource) ?? {}) };
  if (record[id] === reason) return;
  record[id] = reason;
  recorded.set(resource, record);
  resource.addOverride('//.acknowledged', record);
}

/** The reason `id` was acknowledged on `scope` or the nearest scope above it, else undefined. Internal. */
export function acknowledgementOf(scope: IConstruct, id: string): string | undefined {
  for (const s of [...scope.node.scopes].reverse()) {
    const reason = acknowledged.get(s)?.get(id);
    if (reason !== undefined) return reason;
  }
  return undefined;
}

/**
 * Emits the held warnings of `root` and every construct below it that are not acknowledged.
 * Runs at synthesis (a stack aspect); tests call it to read warnings without synthesizing. Internal.
 */
export function flushWarnings(root: IConstruct): void {
  for (const construct of root.node.findAll()) {
    const list = pending.get(construct);
    if (!list) continue;
    pending.delete(construct);
    for (const w of list) {
      if (w.applies && !w.applies()) continue;
      if (acknowledgementOf(construct, w.id) === undefined) Annotations.of(construct).addWarning(`[${w.id}] ${w.message}`);
    }
  }
}

class FlushWarnings implements IAspect {
  public visit(node: IConstruct): void {
    if (TerraformStack.isStack(node)) flushWarnings(node);
  }
}

function flushAtSynthesis(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (flushingStacks.has(stack)) return;
  flushingStacks.add(stack);
  Aspects.of(stack).add(new FlushWarnings());
}

function checkId(scope: IConstruct, id: string): void {
  if (!ID_PATTERN.test(id)) {
    throw new ValidationError(scope, `'${id}' is not a warning ID: it must be 2-64 letters, digits and _ . : -, starting `
      + 'with a letter. Use the ID shown in brackets in the warning, e.g. \'AZML-WS-001\'.');
  }
}

/** The Terraform resource an acknowledgement is recorded on: the construct itself, or its default child. */
function resourceOf(scope: IConstruct): TerraformResource | undefined {
  return [scope, scope.node.defaultChild].find(c => c !== undefined && TerraformResource.isTerraformResource(c)) as TerraformResource | undefined;
}

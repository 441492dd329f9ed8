// Classifying a plan's resource changes into findings: stateful resources destroyed or replaced, protective
// resources destroyed, and security regressions between before and after.

import { Plan, ResourceChange } from './plan';
import { armTypeOf, isAzapi, protectiveKind, statefulKind } from './resource-kinds';
import { RULES } from './rules';
import { attributeRegressions } from './security-checks';
import { differingPaths, formatPath, formatValue, isMarked } from './values';

/** What the change does to the resource, in the words of the report. */
export type ChangeKind = 'create' | 'update' | 'replace' | 'destroy' | 'read' | 'no-op' | 'forget' | 'other';

/** One finding: blocks the review unless allowed. */
export interface Finding {
  /** Rule ID (see rules.ts), e.g. `stateful-replace`. */
  readonly rule: string;
  readonly title: string;
  readonly address: string;
  readonly type: string;
  readonly change: ChangeKind;
  /** Terraform's actions, e.g. `["delete", "create"]`. */
  readonly actions: string[];
  /** One sentence: what happens and why it matters. */
  readonly message: string;
  /** Attributes that force a replacement (`replace_paths`), as Terraform prints paths. */
  readonly replacePaths?: string[];
  /** For replacements whose `replace_paths` do not name an attribute (azapi): the body paths that differ. */
  readonly changedPaths?: string[];
  /** The attribute a security finding is about. */
  readonly attribute?: string;
  /** Formatted values; absent when the attribute is sensitive. */
  readonly before?: string;
  readonly after?: string;
  /** Terraform's `action_reason`. */
  readonly actionReason?: string;
  /** What to do about it. */
  readonly hint?: string;
  /** True when the address was passed to `--allow`: listed, but does not block. */
  readonly allowed: boolean;
}

/** A replacement of a resource that holds no data: listed for information, never blocks. */
export interface Replacement {
  readonly address: string;
  readonly type: string;
  readonly replacePaths: string[];
}

/** Counts of the plan's resource changes. */
export interface ChangeCounts {
  create: number;
  update: number;
  replace: number;
  destroy: number;
  read: number;
  noop: number;
  forget: number;
  /** Resources whose address changes through a `moved` block. */
  move: number;
  /** Resources imported by the plan. */
  import: number;
}

/** The review of one plan. */
export interface PlanReview {
  /** File the plan was read from (or `-` for stdin). */
  readonly source: string;
  /** The stack's name: the directory under `stacks/` when the path has one, else the file name without extension. */
  readonly stack: string;
  readonly formatVersion: string;
  readonly terraformVersion?: string;
  /** False when Terraform planned only part of the configuration (e.g. deferred changes). */
  readonly complete?: boolean;
  readonly counts: ChangeCounts;
  readonly findings: Finding[];
  readonly replacements: Replacement[];
  readonly moves: Array<{ from: string; to: string }>;
  /** Findings that block (not allowed). */
  readonly blocking: number;
  /** Findings accepted with `--allow`. */
  readonly allowed: number;
  /** The one-line summary of the stack. */
  readonly summary: string;
}

/** Options of a review. */
export interface ReviewOptions {
  /** Addresses whose findings were reviewed and accepted (`--allow`). */
  readonly allow?: ReadonlyArray<string>;
}

const REASONS: Record<string, string> = {
  replace_because_tainted: 'the object is tainted (a create failed, or `terraform taint`)',
  replace_because_cannot_update: 'an attribute that cannot change in place changed',
  replace_by_request: 'replacement was requested (`-replace`)',
  replace_by_triggers: '`replace_triggered_by` fired',
  delete_because_no_resource_config: 'its block is no longer in the configuration (removed, or its address changed without a `moved` block)',
  delete_because_no_module: 'its module is no longer in the configuration',
  delete_because_wrong_repetition: 'the resource switched between count, for_each and a single instance',
  delete_because_count_index: '`count` no longer includes this index',
  delete_because_each_key: '`for_each` no longer includes this key',
  delete_because_no_move_target: 'a `moved` block points at an address that is not in the configuration',
};

/** Said once under hints that suggest a `moved` block. */
export const REFACTOR_NOTE = 'For a renamed or moved cdktf-azureml construct, `Refactor.moved(stack, oldPath, newPath)` emits the moved blocks '
  + 'and keeps the physical names (docs/gitops.md).';

/** How Terraform's action list reads. */
export function changeKindOf(actions: ReadonlyArray<string>): ChangeKind {
  if (actions.length === 2 && actions.includes('delete') && actions.includes('create')) return 'replace';
  if (actions.length !== 1) return 'other';
  switch (actions[0]) {
    case 'create': return 'create';
    case 'update': return 'update';
    case 'delete': return 'destroy';
    case 'read': return 'read';
    case 'no-op': return 'no-op';
    case 'forget': return 'forget';
    default: return 'other';
  }
}

/** Reviews one parsed plan. */
export function reviewPlan(plan: Plan, source: string, options: ReviewOptions = {}): PlanReview {
  const allow = new Set(options.allow ?? []);
  const counts: ChangeCounts = { create: 0, update: 0, replace: 0, destroy: 0, read: 0, noop: 0, forget: 0, move: 0, import: 0 };
  const findings: Finding[] = [];
  const replacements: Replacement[] = [];
  const moves: Array<{ from: string; to: string }> = [];
  const createdTypes = new Map<string, string[]>();

  for (const rc of plan.resource_changes) {
    const kind = changeKindOf(rc.change.actions);
    countChange(counts, kind);
    if (rc.previous_address && rc.previous_address !== rc.address) {
      counts.move++;
      moves.push({ from: rc.previous_address, to: rc.address });
    }
    if (rc.change.importing) counts.import++;
    if (rc.mode === 'data') continue;
    if (kind === 'create') {
      const list = createdTypes.get(typeKey(rc)) ?? [];
      list.push(rc.address);
      createdTypes.set(typeKey(rc), list);
    }
    classify(rc, kind, findings, replacements, allow);
  }

  // A destroy with a create of the same type elsewhere in the plan often is a rename without a `moved` block.
  const destroyed = new Map(plan.resource_changes.filter(rc => changeKindOf(rc.change.actions) === 'destroy').map(rc => [rc.address, typeKey(rc)]));
  const withHints = findings.map(f => {
    if (f.change !== 'destroy' || f.hint) return f;
    const created = createdTypes.get(destroyed.get(f.address) ?? f.type) ?? [];
    if (created.length === 0) return f;
    const hint = created.length === 1
      ? `The plan also creates \`${created[0]}\`: if that is this resource under a new address, add \`moved { from = ${f.address}, to = ${created[0]} }\` and keep its physical name, so nothing is destroyed.`
      : `The plan also creates ${created.length} resources of this type: if one of them is this resource under a new address, add a \`moved\` block for it and keep its physical name.`;
    return { ...f, hint };
  });

  withHints.sort(compareFindings);
  const blocking = withHints.filter(f => !f.allowed).length;
  const allowedCount = withHints.length - blocking;
  const review = {
    source,
    stack: stackName(source),
    formatVersion: plan.format_version,
    terraformVersion: plan.terraform_version,
    complete: plan.complete,
    counts,
    findings: withHints,
    replacements: replacements.sort((a, b) => a.address.localeCompare(b.address)),
    moves,
    blocking,
    allowed: allowedCount,
    summary: '',
  };
  return { ...review, summary: summaryLine(review) };
}

/** Terraform type, with the ARM type for azapi resources. */
function typeKey(rc: ResourceChange): string {
  const arm = armTypeOf(rc);
  return arm ? `${rc.type} ${arm}` : rc.type;
}

function countChange(counts: ChangeCounts, kind: ChangeKind): void {
  switch (kind) {
    case 'create': counts.create++; break;
    case 'update': counts.update++; break;
    case 'replace': counts.replace++; break;
    case 'destroy': counts.destroy++; break;
    case 'read': counts.read++; break;
    case 'no-op': counts.noop++; break;
    case 'forget': counts.forget++; break;
    default: break;
  }
}

function classify(rc: ResourceChange, kind: ChangeKind, findings: Finding[], replacements: Replacement[], allow: Set<string>): void {
  const base = {
    address: rc.address,
    type: rc.type,
    change: kind,
    actions: [...rc.change.actions],
    actionReason: rc.action_reason,
    allowed: allow.has(rc.address),
  };
  const reason = rc.action_reason ? REASONS[rc.action_reason] : undefined;
  const stateful = kind === 'destroy' || kind === 'replace' ? statefulKind(rc) : undefined;

  if (kind === 'destroy') {
    if (stateful) {
      const deposed = rc.deposed ? ` (deposed object ${rc.deposed}, left by an earlier create-before-destroy)` : '';
      findings.push({
        rule: RULES.statefulDestroy.id,
        title: RULES.statefulDestroy.title,
        ...base,
        message: `The ${stateful.label} is destroyed${deposed}${reason ? `: ${reason}` : ''}. ${capitalize(stateful.loss)}.`,
      });
    }
    const protective = protectiveKind(rc);
    if (protective) {
      findings.push({
        rule: RULES.protectionRemoved.id,
        title: RULES.protectionRemoved.title,
        ...base,
        message: `The ${protective} is destroyed${reason ? `: ${reason}` : ''}; what it protected loses that protection.`,
      });
    }
    return;
  }

  if (kind === 'replace') {
    const replacePaths = (rc.change.replace_paths ?? []).map(formatPath);
    // azapi names an internal attribute (replace_triggers_external_values / _refs) or the whole body: show which body
    // paths differ instead.
    const named = replacePaths.filter(p => !p.startsWith('replace_triggers') && !(isAzapi(rc) && p === 'body'));
    // Values only known after apply (ids, principal ids) are not what forced the replacement.
    const changedPaths = named.length === 0 ? differingPaths(rc.change.before, rc.change.after, 20)
      .filter(p => (p[0] === 'body' || p[0] === 'tags' || p[0] === 'identity') && !isMarked(rc.change.after_unknown, p))
      .slice(0, 6)
      .map(formatPath) : undefined;
    if (stateful) {
      const order = rc.change.actions[0] === 'create' ? 'the new one is created first, then the old one is destroyed' : 'destroyed, then created again';
      const forcedBy = named.length > 0 ? ` Forced by ${named.map(p => `\`${p}\``).join(', ')}.`
        : changedPaths && changedPaths.length > 0 ? ` Changed: ${changedPaths.map(p => `\`${p}\``).join(', ')}.` : reason ? ` Because ${reason}.` : '';
      findings.push({
        rule: RULES.statefulReplace.id,
        title: RULES.statefulReplace.title,
        ...base,
        message: `The ${stateful.label} is replaced (${order}): ${stateful.loss}.${forcedBy}`,
        replacePaths,
        changedPaths: changedPaths && changedPaths.length > 0 ? changedPaths : undefined,
      });
    } else {
      replacements.push({ address: rc.address, type: rc.type, replacePaths });
    }
  }

  if (kind === 'update' || kind === 'replace') {
    for (const r of attributeRegressions(rc)) {
      // The title already says what happened when the check's own words are the same.
      const what = r.what.toLowerCase() === r.rule.title.toLowerCase() ? '' : `${capitalize(r.what)}: `;
      const values = r.sensitive ? '(sensitive value)' : `${formatValue(r.before)} → ${formatValue(r.after)}`;
      findings.push({
        rule: r.rule.id,
        title: r.rule.title,
        ...base,
        attribute: r.path,
        before: r.sensitive ? undefined : formatValue(r.before),
        after: r.sensitive ? undefined : formatValue(r.after),
        message: `${what}\`${r.path}\` ${values}.${r.note ? ` ${r.note}.` : ''}`,
      });
    }
  }
}

const RULE_ORDER: string[] = Object.values(RULES).map(r => r.id);

function compareFindings(a: Finding, b: Finding): number {
  return RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule) || a.address.localeCompare(b.address);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `cdktf.out/stacks/dev/plan.json` is stack `dev`; `prod.plan.json` is `prod`. */
export function stackName(source: string): string {
  if (source === '-') return 'stdin';
  const parts = source.split(/[\\/]/);
  const i = parts.lastIndexOf('stacks');
  if (i >= 0 && i < parts.length - 2) return parts[i + 1];
  const file = parts[parts.length - 1];
  return file.replace(/\.json$/i, '').replace(/\.(tf)?plan$/i, '') || file;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One line per stack, e.g. `dev: BLOCKED, 2 blocking findings (1 stateful replace, 1 security) | 1 to create, 2 to update, 1 to replace`. */
function summaryLine(r: Omit<PlanReview, 'summary'>): string {
  const c = r.counts;
  const changes = [
    c.create && `${c.create} to create`, c.update && `${c.update} to update`, c.replace && `${c.replace} to replace`,
    c.destroy && `${c.destroy} to destroy`, c.forget && `${c.forget} to forget`, c.move && `${c.move} moved`, c.import && `${c.import} to import`,
  ].filter(Boolean).join(', ');
  const plan = changes === '' ? 'no changes' : `plan: ${changes}`;
  if (r.findings.length === 0) return `${r.stack}: OK, nothing blocks; ${plan}`;
  const blockingFindings = r.findings.filter(f => !f.allowed);
  const data = blockingFindings.filter(f => f.rule === RULES.statefulDestroy.id || f.rule === RULES.statefulReplace.id).length;
  const security = blockingFindings.length - data;
  const parts = [data && `${data} stateful destroy/replace`, security && `${plural(security, 'security regression')}`].filter(Boolean).join(', ');
  const allowed = r.allowed ? `, ${r.allowed} allowed` : '';
  if (r.blocking === 0) return `${r.stack}: OK, nothing blocks (${plural(r.allowed, 'finding')} allowed); ${plan}`;
  return `${r.stack}: BLOCKED, ${plural(r.blocking, 'blocking finding')} (${parts})${allowed}; ${plan}`;
}

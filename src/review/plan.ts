// Reading Terraform's JSON plan (`terraform show -json PLANFILE`), format_version 1.x.
// Reference: https://developer.hashicorp.com/terraform/internals/json-format ("Plan Representation",
// "Change Representation"). Unknown properties are ignored (forward compatible within 1.x); any other
// major version is refused, as the format's versioning rules ask.
//
// Internal to the `cdktf-azureml review` command: not part of the jsii API (not exported from src/index.ts).

/** One of Terraform's change actions. */
export type PlanAction = 'no-op' | 'create' | 'read' | 'update' | 'delete' | 'forget' | string;

/** The `change` object of a resource change ("Change Representation"). */
export interface PlanChange {
  readonly actions: PlanAction[];
  readonly before?: unknown;
  readonly after?: unknown;
  readonly after_unknown?: unknown;
  readonly before_sensitive?: unknown;
  readonly after_sensitive?: unknown;
  /** Paths (lists of keys and indexes) of the attributes that force the replacement. */
  readonly replace_paths?: Array<Array<string | number>>;
  /** Present when the plan imports the resource (Terraform 1.5 and later). */
  readonly importing?: unknown;
}

/** One entry of `resource_changes`. */
export interface ResourceChange {
  readonly address: string;
  readonly previous_address?: string;
  readonly module_address?: string;
  readonly mode?: string;
  readonly type: string;
  readonly name?: string;
  readonly index?: unknown;
  readonly provider_name?: string;
  readonly deposed?: string;
  readonly action_reason?: string;
  readonly change: PlanChange;
}

/** The parts of a plan the review reads. */
export interface Plan {
  readonly format_version: string;
  readonly terraform_version?: string;
  readonly resource_changes: ResourceChange[];
  readonly errored?: boolean;
  readonly complete?: boolean;
}

/** The input is not a Terraform JSON plan this command can read. The message says what it is and how to get a plan. */
export class PlanInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanInputError';
  }
}

const HOW_TO = 'produce it with `terraform plan -out plan.tfplan && terraform show -json plan.tfplan > plan.json`';

/**
 * Parses and validates the text of a JSON plan. `source` names the input in messages.
 * Throws `PlanInputError` for anything that is not a format 1.x plan.
 */
export function parsePlan(text: string, source: string): Plan {
  if (text.trim() === '') {
    throw new PlanInputError(`${source} is empty: expected Terraform's JSON plan; ${HOW_TO}`);
  }
  if (text.startsWith('PK')) {
    throw new PlanInputError(`${source} is a binary plan file (zip), not its JSON form: run \`terraform show -json ${source} > plan.json\` and review plan.json`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new PlanInputError(`${source} is not JSON (${(e as Error).message}): expected Terraform's JSON plan; ${HOW_TO}`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new PlanInputError(`${source} is JSON but not a Terraform plan (the top level is ${Array.isArray(doc) ? 'an array' : typeof doc === 'object' ? 'null' : `a ${typeof doc}`}); ${HOW_TO}`);
  }
  const o = doc as Record<string, unknown>;

  // Things people feed in by mistake.
  if (typeof o.version === 'number' && ('lineage' in o || 'serial' in o || 'resources' in o)) {
    throw new PlanInputError(`${source} is a Terraform state file (state version ${o.version}), not a plan: review the plan of a change instead; ${HOW_TO}`);
  }
  if (o.format_version !== undefined && 'values' in o && !('resource_changes' in o) && !('planned_values' in o)) {
    throw new PlanInputError(`${source} is the JSON form of a Terraform state (\`terraform show -json\` without a plan file), not a plan; ${HOW_TO}`);
  }
  if (o.format_version === undefined && ('resource' in o || 'terraform' in o || 'provider' in o)) {
    throw new PlanInputError(`${source} is a Terraform configuration (e.g. cdktf.out/stacks/<stack>/cdk.tf.json), not a plan; ${HOW_TO} in that stack's directory`);
  }
  if (o.format_version === undefined) {
    throw new PlanInputError(`${source} is JSON but not a Terraform plan (no "format_version"); ${HOW_TO}`);
  }
  if (typeof o.format_version !== 'string' || !/^1\.\d+$/.test(o.format_version)) {
    throw new PlanInputError(`${source} has plan format_version ${JSON.stringify(o.format_version)}; this command reads format 1.x `
      + '(Terraform 1.0 and later). Produce the plan with a Terraform 1.x CLI, or upgrade cdktf-azureml if a newer major format exists');
  }
  if (!('planned_values' in o) && !('resource_changes' in o) && !('prior_state' in o) && !('configuration' in o)) {
    throw new PlanInputError(`${source} has a format_version but none of a plan's parts (planned_values, resource_changes); ${HOW_TO}`);
  }
  if (o.errored === true) {
    throw new PlanInputError(`${source} is a plan that errored (its "errored" is true): Terraform could not finish planning, so the changes are incomplete. Fix the errors and plan again`);
  }
  const changes = o.resource_changes ?? [];
  if (!Array.isArray(changes)) {
    throw new PlanInputError(`${source}: "resource_changes" must be an array, got ${typeof changes}`);
  }
  changes.forEach((rc, i) => checkResourceChange(rc, i, source));
  return {
    format_version: o.format_version,
    terraform_version: typeof o.terraform_version === 'string' ? o.terraform_version : undefined,
    resource_changes: changes as ResourceChange[],
    errored: o.errored === true,
    complete: typeof o.complete === 'boolean' ? o.complete : undefined,
  };
}

function checkResourceChange(rc: unknown, i: number, source: string): void {
  const where = `${source}: resource_changes[${i}]`;
  if (rc === null || typeof rc !== 'object') throw new PlanInputError(`${where} is not an object`);
  const r = rc as Record<string, unknown>;
  if (typeof r.address !== 'string' || r.address === '') throw new PlanInputError(`${where} has no "address"`);
  if (typeof r.type !== 'string') throw new PlanInputError(`${where} (${r.address}) has no "type"`);
  const change = r.change as Record<string, unknown> | undefined;
  if (!change || typeof change !== 'object' || !Array.isArray(change.actions) || change.actions.some(a => typeof a !== 'string')) {
    throw new PlanInputError(`${where} (${r.address}) has no "change.actions" list`);
  }
}

import { createHash } from 'crypto';
import { Fn, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { clientConfigOf } from './client-config';
import { shapeName } from './name-shape';
import { NamingContext } from './naming-convention';
import { conventionOf, recordGeneratedName } from './naming-registry';
import { namingPathOf } from './refactor';
import { checkPattern, ValidationError } from './validation';

/** The naming rule of one Azure resource type. Internal: not part of the jsii API. */
export interface NameRule {
  /** Human name of the resource type, used in messages. */
  readonly resourceType: string;
  /** The full rule; generated names satisfy it, given names are checked against it. */
  readonly pattern: RegExp;
  /** The rule in words. */
  readonly description: string;
  readonly minLength: number;
  readonly maxLength: number;
  /** Longest generated name, when shorter than `maxLength` (generated names must never change). */
  readonly generatedMaxLength?: number;
  /** Characters a generated name may use besides letters and digits. */
  readonly separator: '-' | '_' | '';
  readonly lowercase: boolean;
  /**
   * Whether the name must be unique across Azure: generated names then end in a suffix that Terraform
   * computes from the subscription, the resource group and the construct path.
   */
  readonly globallyUnique?: boolean;
  /** The Cloud Adoption Framework abbreviation of the resource type (e.g. `st`), for naming conventions. */
  readonly abbreviation?: string;
}

export const NAME_RULES = {
  storageAccount: {
    abbreviation: 'st',
    resourceType: 'storage account',
    pattern: /^[a-z0-9]{3,24}$/,
    description: '3-24 lowercase letters and digits, unique across Azure',
    minLength: 3,
    maxLength: 24,
    separator: '',
    lowercase: true,
    globallyUnique: true,
  },
  keyVault: {
    abbreviation: 'kv',
    resourceType: 'key vault',
    pattern: /^(?!.*--)[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/,
    description: '3-24 letters, digits and hyphens, starting with a letter, ending with a letter or digit, no "--"',
    minLength: 3,
    maxLength: 24,
    separator: '-',
    lowercase: true,
    globallyUnique: true,
  },
  containerRegistry: {
    abbreviation: 'cr',
    resourceType: 'container registry',
    pattern: /^[a-zA-Z0-9]{5,50}$/,
    description: '5-50 letters and digits, unique across Azure',
    minLength: 5,
    maxLength: 50,
    separator: '',
    lowercase: true,
    globallyUnique: true,
  },
  workspace: {
    abbreviation: 'mlw',
    resourceType: 'machine learning workspace',
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/,
    description: '3-33 letters, digits, hyphens and underscores, starting with a letter or digit',
    minLength: 3,
    maxLength: 33,
    separator: '-',
    lowercase: true,
  },
  logAnalyticsWorkspace: {
    abbreviation: 'log',
    resourceType: 'Log Analytics workspace',
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9-]{2,61}[a-zA-Z0-9]$/,
    description: '4-63 letters, digits and hyphens, starting and ending with a letter or digit',
    minLength: 4,
    maxLength: 63,
    separator: '-',
    lowercase: true,
  },
  applicationInsights: {
    abbreviation: 'appi',
    resourceType: 'Application Insights component',
    pattern: /^[^%&\\?/]{1,255}$/,
    description: '1-255 characters, none of % & \\ ? /',
    minLength: 1,
    maxLength: 255,
    separator: '-',
    lowercase: true,
  },
  userAssignedIdentity: {
    abbreviation: 'id',
    resourceType: 'user-assigned identity',
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,127}$/,
    description: '3-128 letters, digits, hyphens and underscores, starting with a letter or digit',
    minLength: 3,
    maxLength: 128,
    separator: '-',
    lowercase: true,
  },
  // What Azure enforces, as azurerm 4.55.0 validates it (internal/services/machinelearning/validate/
  // compute_cluster_name.go: "the rest api will return an error with the following regex",
  // ^[a-zA-Z][a-zA-Z0-9-]{1,30}[a-zA-Z0-9]$). azurerm's acceptance tests create clusters named `CC-<number>`
  // against Azure, so a name ending in -<digits> is accepted. Generated names stay within 24 characters
  // (and never end in -<digits>), as they always were, so existing clusters keep their names.
  computeCluster: {
    abbreviation: 'mlc',
    resourceType: 'compute cluster',
    pattern: /^[a-zA-Z][a-zA-Z0-9-]{1,30}[a-zA-Z0-9]$/,
    description: '3-32 letters, digits and hyphens, starting with a letter and ending with a letter or digit',
    minLength: 3,
    maxLength: 32,
    generatedMaxLength: 24,
    separator: '-',
    lowercase: true,
  },
  // azurerm 4.55.0: ^[a-zA-Z][a-zA-Z0-9-]{3,24}$ (4-25 characters). Azure ML (how-to-create-compute-instance,
  // "Compute name"): 3-24 characters, letters, digits and hyphens, starting with a letter, and a hyphen must be
  // followed by a letter later in the name; the name is part of the instance's DNS name
  // (<name>.<region>.instances.azureml.ms). Both apply: 4-24, not ending in -<digits>.
  computeInstance: {
    abbreviation: 'ci',
    resourceType: 'compute instance',
    pattern: /^[a-zA-Z](?![a-zA-Z0-9-]*-\d+$)[a-zA-Z0-9-]{2,22}[a-zA-Z0-9]$/,
    description: '4-24 letters, digits and hyphens, starting with a letter, ending with a letter or digit, not ending in -<digits>',
    minLength: 4,
    maxLength: 24,
    separator: '-',
    lowercase: true,
  },
  datastore: {
    resourceType: 'datastore',
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,254}$/,
    description: '1-255 letters, digits, hyphens and underscores, starting with a letter or digit',
    minLength: 1,
    maxLength: 255,
    separator: '_',
    lowercase: true,
  },
  asset: {
    resourceType: 'asset',
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,254}$/,
    description: '1-255 letters, digits, hyphens and underscores, starting with a letter or digit',
    minLength: 1,
    maxLength: 255,
    separator: '-',
    lowercase: true,
  },
  storageContainer: {
    resourceType: 'storage container',
    pattern: /^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/,
    description: '3-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit, no "--"',
    minLength: 3,
    maxLength: 63,
    separator: '-',
    lowercase: true,
  },
  storageShare: {
    resourceType: 'file share',
    pattern: /^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/,
    description: '3-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit, no "--"',
    minLength: 3,
    maxLength: 63,
    separator: '-',
    lowercase: true,
  },
} satisfies Record<string, NameRule>;

const HASH_LENGTH = 8;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A short hash of a naming key. Its first character is always a letter, so the name never ends in
 * `-<digits>` and may start with it.
 */
function keyHash(key: string): string {
  const digest = createHash('sha256').update(key).digest();
  let out = LETTERS[digest[0] % LETTERS.length];
  for (let i = 1; i < HASH_LENGTH; i++) out += ALNUM[digest[i] % ALNUM.length];
  return out;
}

/**
 * The suffix of a globally unique name: the first 8 hex characters of the SHA-256 of the
 * subscription, the resource group name and the naming key, computed by Terraform. The subscription
 * comes from the `azurerm_client_config` data source, which is read during plan, and the resource
 * group name is a configuration value, so `terraform plan` shows the literal name.
 */
function uniqueSuffix(scope: IConstruct, resourceGroupName: string, key: string): string {
  const subscriptionId = clientConfigOf(scope).subscriptionId;
  return Fn.substr(Fn.sha256(Fn.join('/', [subscriptionId, resourceGroupName, key])), 0, HASH_LENGTH);
}

/**
 * A deterministic physical name for `scope`: readable ids of its construct path plus a suffix, shaped
 * to the rule. The suffix is a hash of the stack and construct path; for globally unique types it
 * also mixes in the subscription and `resourceGroupName`, so two deployments never claim the same
 * name. A declared `Refactor.moved` keeps the names of the old path; a naming convention
 * (`Naming.of(scope).useConvention`) above `scope` has the last word.
 */
export function generatePhysicalName(scope: IConstruct, rule: NameRule, resourceGroupName?: string): string {
  const path = namingPathOf(scope);
  const key = [TerraformStack.of(scope).node.id, ...path].join('/');
  if (rule.globallyUnique && resourceGroupName === undefined) {
    throw new Error(`internal: the ${rule.resourceType} name of ${scope.node.path} needs the resource group to be unique`);
  }
  const suffix = rule.globallyUnique ? uniqueSuffix(scope, resourceGroupName!, key) : keyHash(key);
  // Hex suffixes may start with a digit: a name must then start with a word.
  const fallback = rule.globallyUnique ? rule.abbreviation ?? 'x' : '';
  const shape = { ...rule, maxLength: rule.generatedMaxLength ?? rule.maxLength };
  const defaultName = shapeName(shape, [], path, suffix, HASH_LENGTH, fallback);
  recordGeneratedName(scope);
  const convention = conventionOf(scope);
  if (!convention) return defaultName;
  const context: NamingContext = {
    resourceType: rule.resourceType,
    abbreviation: rule.abbreviation,
    constructPath: path,
    defaultName,
    uniqueSuffix: suffix,
    uniqueSuffixLength: HASH_LENGTH,
    globallyUnique: rule.globallyUnique ?? false,
    maxLength: shape.maxLength,
    separator: rule.separator,
    lowercase: rule.lowercase,
  };
  const name = convention.physicalName(context);
  checkConventionName(scope, rule, name, suffix);
  return name;
}

/** Checks a name from a naming convention, reading the unique suffix as 8 hex characters. */
function checkConventionName(scope: IConstruct, rule: NameRule, name: string, suffix: string): void {
  const asPlanned = name.split(suffix).join('a0b1c2d3');
  if (Token.isUnresolved(asPlanned)) return;
  if (!rule.pattern.test(asPlanned)) {
    throw new ValidationError(scope, `the naming convention gave the ${rule.resourceType} name '${asPlanned}' (suffix shown as `
      + `a0b1c2d3), which is invalid: it must be ${rule.description}. Fix the convention, or pass \`name\`.`);
  }
}

/**
 * The name to use: the given one after checking it against the rule, or a generated one. Globally
 * unique types need `resourceGroupName` for the generated name.
 */
export function resolvePhysicalName(
  scope: IConstruct, rule: NameRule, given?: string, propName = 'name', resourceGroupName?: string,
): string {
  if (given === undefined) return generatePhysicalName(scope, rule, resourceGroupName);
  checkPattern(
    scope,
    `${rule.resourceType} ${propName}`,
    given,
    rule.pattern,
    `it must be ${rule.description}`,
    `Pass a valid \`${propName}\`, or leave it out to get a generated one.`,
  );
  return given;
}

import { createHash } from 'crypto';
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { checkPattern } from './validation';

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
  /** Characters a generated name may use besides letters and digits. */
  readonly separator: '-' | '_' | '';
  readonly lowercase: boolean;
  /** Whether the generated name must not collide outside the resource group (adds nothing but a note). */
  readonly globallyUnique?: boolean;
}

export const NAME_RULES = {
  storageAccount: {
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
    resourceType: 'machine learning workspace',
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/,
    description: '3-33 letters, digits, hyphens and underscores, starting with a letter or digit',
    minLength: 3,
    maxLength: 33,
    separator: '-',
    lowercase: true,
  },
  logAnalyticsWorkspace: {
    resourceType: 'Log Analytics workspace',
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9-]{2,61}[a-zA-Z0-9]$/,
    description: '4-63 letters, digits and hyphens, starting and ending with a letter or digit',
    minLength: 4,
    maxLength: 63,
    separator: '-',
    lowercase: true,
  },
  applicationInsights: {
    resourceType: 'Application Insights component',
    pattern: /^[^%&\\?/]{1,255}$/,
    description: '1-255 characters, none of % & \\ ? /',
    minLength: 1,
    maxLength: 255,
    separator: '-',
    lowercase: true,
  },
  userAssignedIdentity: {
    resourceType: 'user-assigned identity',
    pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,127}$/,
    description: '3-128 letters, digits, hyphens and underscores, starting with a letter or digit',
    minLength: 3,
    maxLength: 128,
    separator: '-',
    lowercase: true,
  },
  // azurerm: ^[a-zA-Z][a-zA-Z0-9-]{1,30}[a-zA-Z0-9]$ ; ARM: 3-24, must not end in -<digits>.
  computeCluster: {
    resourceType: 'compute cluster',
    pattern: /^[a-zA-Z](?![a-zA-Z0-9-]*-\d+$)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/,
    description: '3-24 letters, digits and hyphens, starting with a letter, ending with a letter or digit, not ending in -<digits>',
    minLength: 3,
    maxLength: 24,
    separator: '-',
    lowercase: true,
  },
  // azurerm: ^[a-zA-Z][a-zA-Z0-9-]{3,24}$ (4-25) ; ARM: 3-24, must not end in -<digits>.
  computeInstance: {
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
 * A short hash of the construct path. Its first character is always a letter, so the name
 * never ends in `-<digits>` and may start with it.
 */
function pathHash(path: string): string {
  const digest = createHash('sha256').update(path).digest();
  let out = LETTERS[digest[0] % LETTERS.length];
  for (let i = 1; i < HASH_LENGTH; i++) out += ALNUM[digest[i] % ALNUM.length];
  return out;
}

/** The construct path below its stack, e.g. `Ml/Storage` for `app/Stack/Ml/Storage`. */
function pathBelowStack(scope: IConstruct): string[] {
  const stack = TerraformStack.of(scope);
  const stackDepth = stack.node.scopes.length;
  return scope.node.scopes.slice(stackDepth).map(s => s.node.id);
}

/**
 * A deterministic physical name for `scope`: readable parts of its construct path plus
 * a hash of the full path, shaped to the rule. Same app, same name.
 */
export function generatePhysicalName(scope: IConstruct, rule: NameRule): string {
  const hash = pathHash(scope.node.path);
  const sep = rule.separator;
  const allowed = sep ? new RegExp(`[^a-zA-Z0-9\\${sep}]+`, 'g') : /[^a-zA-Z0-9]+/g;
  // Words of the path below the stack, e.g. ['workspace', 'keyvault'] for Workspace/KeyVault.
  let words = pathBelowStack(scope)
    .map(part => (rule.lowercase ? part.toLowerCase() : part).replace(allowed, sep))
    .flatMap(part => (sep ? part.split(sep) : [part]))
    .filter(word => word.length > 0);
  const room = rule.maxLength - hash.length - sep.length;
  // Too long: drop whole leading words (the last ones say the most about the resource), then cut the rest.
  while (words.length > 1 && words.join(sep).length > room) words = words.slice(1);
  let human = words.join(sep).slice(0, Math.max(room, 0));
  human = human.replace(/^[^a-zA-Z]+/, '');
  if (sep) human = human.replace(new RegExp(`^\\${sep}+|\\${sep}+$`, 'g'), '');
  return human ? `${human}${sep}${hash}` : hash;
}

/**
 * The name to use: the given one after checking it against the rule, or a generated one.
 */
export function resolvePhysicalName(scope: IConstruct, rule: NameRule, given?: string, propName = 'name'): string {
  if (given === undefined) return generatePhysicalName(scope, rule);
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

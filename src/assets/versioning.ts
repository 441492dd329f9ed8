import { createHash } from 'crypto';
import { DefaultTokenResolver, ITerraformDependable, StringConcat, Tokenization } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AssetContainer } from './asset-container';
import { AzapiResource } from '../azapi/resource';
import { isResolved, ValidationError } from '../core/validation';

/** API version of the workspace asset types (the one azurerm 4.55.0 uses for the ML resource provider). */
export const ASSET_API_VERSION = '2025-06-01';

/** How the version names of one asset kind look. Internal. */
export interface VersionRule {
  readonly pattern: RegExp;
  readonly description: string;
}

/** Environment and data versions: free strings, kept to what URLs and the CLI accept (data versions are capped at 30). */
export const STRING_VERSION_RULE: VersionRule = {
  pattern: /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,29}$/,
  description: '1-30 letters, digits, dots, hyphens and underscores, starting with a letter or digit',
};

/** Workspace model versions must be positive whole numbers (Azure/azureml-examples#2725). */
/**
 * Environment versions: the ARM type (EnvironmentVersion, 2025-06-01) sets no length limit, so official versions such as
 * 'openmpi4.1.0-cuda11.1-cudnn8-ubuntu18.04' (41 characters) are accepted; the characters stay URL- and CLI-safe,
 * with the 255-character cap of ARM asset names.
 */
export const ENVIRONMENT_VERSION_RULE: VersionRule = {
  pattern: /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,254}$/,
  description: '1-255 letters, digits, dots, hyphens and underscores, starting with a letter or digit',
};

export const INTEGER_VERSION_RULE: VersionRule = {
  pattern: /^[1-9][0-9]{0,8}$/,
  description: 'a positive whole number of at most 9 digits without leading zeros (workspace models take integer versions only)',
};

/** Recursively sorts object keys and drops undefined values, so equal content gives equal text. */
function canonical(value: any): any {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, any> = {};
    for (const key of Object.keys(value).sort()) {
      if (value[key] !== undefined) out[key] = canonical(value[key]);
    }
    return out;
  }
  return value;
}

/**
 * Hex SHA-256 of what defines an asset version. Terraform references inside are rendered as their
 * `${...}` expressions (the address, not a per-run token number), so the hash is the same on every synth.
 */
export function contentHash(scope: IConstruct, content: any): string {
  const resolved = Tokenization.resolve(content, {
    scope,
    preparing: false,
    resolver: new DefaultTokenResolver(new StringConcat()),
  });
  return createHash('sha256').update(JSON.stringify(canonical(resolved))).digest('hex');
}

/** The version name derived from a content hash: 12 hex characters, or a 9-digit number for integer-only kinds. */
export function versionFromHash(hash: string, rule: VersionRule): string {
  if (rule === INTEGER_VERSION_RULE) {
    const n = parseInt(hash.slice(0, 12), 16);
    return String(100000000 + (n % 900000000));
  }
  return hash.slice(0, 12);
}

/** The explicit version after checking it, or the one derived from the content hash. */
export function resolveVersion(scope: IConstruct, what: string, given: string | undefined, hash: string, rule: VersionRule): string {
  if (given === undefined) return versionFromHash(hash, rule);
  if (isResolved(given) && !rule.pattern.test(given)) {
    throw new ValidationError(scope, `${what} version '${given}' is invalid: it must be ${rule.description}. `
      + 'Pass a valid `version`, or leave it out to get one derived from the content.');
  }
  return given;
}

/** Checks the tag map of an asset (keys non-empty). */
export function checkTags(scope: IConstruct, what: string, tags: { [key: string]: string } | undefined): void {
  if (!tags) return;
  for (const key of Object.keys(tags)) {
    if (key.trim() === '') throw new ValidationError(scope, `${what} has a tag with an empty key; give every tag a name.`);
  }
}

/** What a concrete asset hands the shared base to register one version. Internal. */
export interface AssetVersionSpec {
  /** Words for messages, e.g. `model`, `data asset`. */
  readonly kind: string;
  /** The ARM collection: `environments`, `data`, `models`, `codes`, `components`. */
  readonly collection: string;
  /** The workspace or registry the version is registered in. */
  readonly container: AssetContainer;
  readonly assetName: string;
  /** The version the user gave, if any. */
  readonly version?: string;
  readonly versionRule: VersionRule;
  /** The properties that define the version (hashed; a change is a new version). */
  readonly immutable: { [key: string]: any };
  /** Description (mutable). */
  readonly description?: string;
  /** Tags (mutable). */
  readonly tags?: { [key: string]: string };
  /**
   * Builds the body properties from the resolved version, for assets whose body repeats it (components).
   * @default - the immutable properties, then description, tags and `mutable`
   */
  readonly propertiesFor?: (version: string) => { [key: string]: any };
  /** Properties sent after description and tags, not part of the version (mutable). */
  readonly mutable?: { [key: string]: any };
  readonly dependsOn?: ITerraformDependable[];
}

/** What `versionResource` needs. Internal. */
export interface VersionResourceSpec {
  readonly container: AssetContainer;
  /** `environments`, `data` or `models`. */
  readonly collection: string;
  readonly assetName: string;
  readonly version: string;
  readonly contentHash: string;
  /** `properties` of the body. */
  readonly properties: { [key: string]: any };
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * The `azapi_resource` of one asset version. Shared rules:
 * - `parent_id` is formatted from the workspace ID (known at plan time; the container is created by Azure
 *   with the first version and is not managed here);
 * - the name is the version, so a new version is a replacement, and `create_before_destroy` makes the new
 *   version exist before the old one is deleted;
 * - `replace_triggers_external_values` holds the content hash, so a content change under an unchanged
 *   explicit version plans a replacement instead of an in-place update that Azure would refuse.
 */
export function versionResource(scope: Construct, spec: VersionResourceSpec): AzapiResource {
  return new AzapiResource(scope, 'Resource', {
    type: `Microsoft.MachineLearningServices/${spec.container.kind}/${spec.collection}/versions@${ASSET_API_VERSION}`,
    name: spec.version,
    parentId: `${spec.container.id}/${spec.collection}/${spec.assetName}`,
    body: { properties: spec.properties },
    replaceTriggersExternalValues: { content_sha256: spec.contentHash },
    dependsOn: spec.dependsOn && spec.dependsOn.length > 0 ? spec.dependsOn : undefined,
    lifecycle: { createBeforeDestroy: true },
  });
}

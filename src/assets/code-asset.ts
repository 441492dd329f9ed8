import { Construct } from 'constructs';
import { assetContainer } from './asset-container';
import { DataPath } from './data-path';
import { VersionedAsset } from './versioned-asset';
import { STRING_VERSION_RULE } from './versioning';
import { NAME_RULES, resolvePhysicalName } from '../core/naming';
import { ValidationError } from '../core/validation';
import type { IRegistry } from '../registry/registry';
import { IWorkspace } from '../workspace/workspace-ref';

/** Options of a code asset, without the workspace. */
export interface CodeAssetOptions {
  /**
   * Where the code is: a local folder (`DataPath.fromLocalPath('./src')`, uploaded as content-addressed
   * blobs, `.amlignore`/`.gitignore` honoured) or a remote URI (`DataPath.fromUri('https://...')`,
   * `git+https://...`, `azureml://...`).
   */
  readonly path: DataPath;
  /**
   * Code asset name.
   * @default - generated from the construct path
   */
  readonly name?: string;
  /**
   * Version name. With an explicit version, bump it whenever the code changes.
   * @default - the first 12 hex characters of the SHA-256 of the content (for a local folder the URI holds
   * the hash of every file), so a change creates a new version
   */
  readonly version?: string;
  /**
   * Description (mutable: changing it updates the version in place).
   * @default - none
   */
  readonly description?: string;
  /**
   * Asset tags (mutable: changing them updates the version in place).
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Properties of a code asset. */
export interface CodeAssetProps extends CodeAssetOptions {
  /**
   * Workspace the version is registered in. Exactly one of `workspace` and `registry`.
   * @default - none: `registry` is required
   */
  readonly workspace?: IWorkspace;
  /**
   * Registry the version is registered in, to share it across workspaces and regions. Exactly one of
   * `workspace` and `registry`.
   * @default - none: `workspace` is required
   */
  readonly registry?: IRegistry;
}

/**
 * A versioned code asset (`Microsoft.MachineLearningServices/workspaces/codes/versions`): the scoring or
 * training code that components and deployments run. Versions are immutable: a change to the files (or
 * the URI) registers a new version, created before the old one is deleted.
 */
export class CodeAsset extends VersionedAsset {
  /** Workspace the version is registered in (undefined for a registry asset). */
  public readonly workspace?: IWorkspace;
  /** Registry the version is registered in (undefined for a workspace asset). */
  public readonly registry?: IRegistry;
  /** The URI sent to Azure as `codeUri`. */
  public readonly codeUri: string;

  constructor(scope: Construct, id: string, props: CodeAssetProps) {
    super(scope, id);
    const container = assetContainer(this, 'code asset', props.workspace, props.registry);
    this.workspace = props.workspace;
    this.registry = props.registry;
    const name = resolvePhysicalName(this, NAME_RULES.asset, props.name);
    if (!props.path) {
      throw new ValidationError(this, 'code asset has no path; pass `path: DataPath.fromLocalPath(\'./src\')` or `DataPath.fromUri(uri)`.');
    }
    const bound = props.path._bindFor(this, 'code', { workspace: props.workspace, prefix: `codes/${name}`, code: true });
    this.codeUri = bound.uri;
    this._registerVersion({
      kind: 'code asset',
      collection: 'codes',
      container,
      assetName: name,
      version: props.version,
      versionRule: STRING_VERSION_RULE,
      immutable: { codeUri: bound.uri },
      description: props.description,
      tags: props.tags,
      dependsOn: bound.blobs,
    });
  }
}

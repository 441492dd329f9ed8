import { Construct } from 'constructs';
import { assetContainer } from './asset-container';
import { DataPath } from './data-path';
import { VersionedAsset } from './versioned-asset';
import { STRING_VERSION_RULE } from './versioning';
import { displayPath } from '../core/local-path';
import { NAME_RULES, resolvePhysicalName } from '../core/naming';
import { isResolved, ValidationError } from '../core/validation';
import type { IRegistry } from '../registry/registry';
import { IWorkspace } from '../workspace/workspace-ref';

/** Kind of a data asset (the `dataType` discriminator). */
export enum DataAssetType {
  /** A single file. */
  URI_FILE = 'uri_file',
  /** A folder. */
  URI_FOLDER = 'uri_folder',
  /** A folder with an `MLTable` file describing tabular data. */
  MLTABLE = 'mltable',
}

/** Options of a data asset, without the workspace. */
export interface DataAssetOptions {
  /**
   * Where the data is.
   */
  readonly path: DataPath;
  /**
   * Kind of data.
   * @default DataAssetType.URI_FOLDER (the CLI's default)
   */
  readonly type?: DataAssetType;
  /**
   * Asset name (`azureml:<name>:<version>`).
   * @default - generated from the construct path
   */
  readonly name?: string;
  /**
   * Version name. A content change needs a new version: with an explicit version, bump it whenever
   * `path`, `type` or `referencedUris` change.
   * @default - the first 12 hex characters of the SHA-256 of the content, so a change creates a new version
   */
  readonly version?: string;
  /**
   * URIs referenced by the MLTable file, for lineage (MLTABLE only).
   * @default - none
   */
  readonly referencedUris?: string[];
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

/** Properties of a data asset. */
export interface DataAssetProps extends DataAssetOptions {
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
 * A versioned data asset (`uri_file`, `uri_folder` or `mltable`) on
 * `Microsoft.MachineLearningServices/workspaces/data/versions`. Versions are immutable in Azure: by
 * default the version is derived from the content, so a change registers a new version.
 */
export class DataAsset extends VersionedAsset {
  /** Workspace the version is registered in (undefined for a registry asset). */
  public readonly workspace?: IWorkspace;
  /** Registry the version is registered in (undefined for a workspace asset). */
  public readonly registry?: IRegistry;

  constructor(scope: Construct, id: string, props: DataAssetProps) {
    super(scope, id);
    const container = assetContainer(this, 'data asset', props.workspace, props.registry);
    this.workspace = props.workspace;
    this.registry = props.registry;
    const assetName = resolvePhysicalName(this, NAME_RULES.asset, props.name);
    if (!props.path) {
      throw new ValidationError(this, 'data asset has no path; pass `path: DataPath.fromDatastore(datastoreName, path)` '
        + 'or `DataPath.fromUri(uri)`.');
    }
    const type = props.type ?? DataAssetType.URI_FOLDER;
    const bound = props.path._bindFor(this, 'data asset', { workspace: props.workspace, prefix: `data/${assetName}` });
    const dataUri = bound.uri;
    if (bound.localFolder !== undefined && bound.localFolder !== (type !== DataAssetType.URI_FILE)) {
      throw new ValidationError(this, `data asset local path '${displayPath(props.path.localPath ?? '')}' is a ${bound.localFolder ? 'folder' : 'file'}, `
        + `but type ${type} needs a ${bound.localFolder ? 'file' : 'folder'}; `
        + `${bound.localFolder ? 'use DataAssetType.URI_FOLDER or MLTABLE' : 'use DataAssetType.URI_FILE'}, or point at the right path.`);
    }
    if (!Object.values(DataAssetType).includes(type)) {
      throw new ValidationError(this, `data asset type '${type}' is not supported; use DataAssetType.URI_FILE, URI_FOLDER or MLTABLE.`);
    }
    if (type === DataAssetType.URI_FILE && isResolved(dataUri) && dataUri.endsWith('/')) {
      throw new ValidationError(this, `data asset path '${dataUri}' ends with '/', but type uri_file needs a file; `
        + 'remove the trailing slash or use DataAssetType.URI_FOLDER.');
    }
    if (props.referencedUris && type !== DataAssetType.MLTABLE) {
      throw new ValidationError(this, `referencedUris only applies to mltable data assets, not ${type}; remove it or use DataAssetType.MLTABLE.`);
    }
    // Referenced URIs are read by Azure ML like the path: the same schemes apply.
    for (const uri of props.referencedUris ?? []) DataPath.fromUri(uri)._bind(this, 'data asset referencedUris entry');
    this._registerVersion({
      kind: 'data asset',
      collection: 'data',
      container,
      assetName,
      version: props.version,
      versionRule: STRING_VERSION_RULE,
      immutable: { dataType: type, dataUri, referencedUris: props.referencedUris },
      description: props.description,
      tags: props.tags,
      dependsOn: bound.blobs,
    });
  }
}

import { Construct } from 'constructs';
import { assetContainer } from './asset-container';
import { DataPath } from './data-path';
import { VersionedAsset } from './versioned-asset';
import { INTEGER_VERSION_RULE } from './versioning';
import { NAME_RULES, resolvePhysicalName } from '../core/naming';
import { checkAllowedValue, ValidationError } from '../core/validation';
import type { IRegistry } from '../registry/registry';
import { IWorkspace } from '../workspace/workspace-ref';

/** The model types Azure ML registers (CLI / SDK v2 `AssetTypes`: custom_model, mlflow_model, triton_model). */
export const MODEL_TYPE_VALUES = ['custom_model', 'mlflow_model', 'triton_model'];

/** Format of a registered model (`modelType`). */
export class ModelType {
  /** Any files: the scoring script knows how to load them. */
  public static readonly CUSTOM_MODEL = new ModelType('custom_model');
  /** An MLflow model folder (with an `MLmodel` file); deployable without a scoring script. */
  public static readonly MLFLOW_MODEL = new ModelType('mlflow_model');
  /** A Triton model repository. */
  public static readonly TRITON_MODEL = new ModelType('triton_model');

  /**
   * A model type by its Azure ML name. The ARM type leaves `modelType` an open string, but Azure ML registers
   * `custom_model`, `mlflow_model` and `triton_model` only (the `type` of the Azure ML CLI and SDK v2
   * `AssetTypes`), so any other value fails synthesis with the list.
   */
  public static of(value: string): ModelType {
    return new ModelType(value);
  }

  private constructor(
    /** The value sent to Azure. */
    public readonly value: string,
  ) {}
}

/** Options of a model, without the workspace. */
export interface ModelOptions {
  /** Where the model files are. */
  readonly path: DataPath;
  /**
   * Model format.
   * @default ModelType.CUSTOM_MODEL
   */
  readonly type?: ModelType;
  /**
   * Model name (`azureml:<name>:<version>`).
   * @default - generated from the construct path
   */
  readonly name?: string;
  /**
   * Version: workspace models take positive whole numbers only. With an explicit version, bump it
   * whenever `path` or `type` change.
   * @default - a 9-digit number derived from the SHA-256 of the content, so a change creates a new version
   */
  readonly version?: string;
  /**
   * Name of the job that produced the model, for lineage.
   * @default - none
   */
  readonly jobName?: string;
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

/** Properties of a model. */
export interface ModelProps extends ModelOptions {
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
 * A versioned model on `Microsoft.MachineLearningServices/workspaces/models/versions`. Versions are
 * immutable in Azure: by default the version is derived from the content, so a change registers a new one.
 */
export class Model extends VersionedAsset {
  /** Workspace the version is registered in (undefined for a registry asset). */
  public readonly workspace?: IWorkspace;
  /** Registry the version is registered in (undefined for a workspace asset). */
  public readonly registry?: IRegistry;

  /** Model name. */
  public get modelName(): string {
    return this.assetName;
  }

  constructor(scope: Construct, id: string, props: ModelProps) {
    super(scope, id);
    const container = assetContainer(this, 'model', props.workspace, props.registry);
    this.workspace = props.workspace;
    this.registry = props.registry;
    const modelName = resolvePhysicalName(this, NAME_RULES.asset, props.name);
    if (!props.path) {
      throw new ValidationError(this, 'model has no path; pass `path: DataPath.fromDatastore(datastoreName, path)` '
        + 'or `DataPath.fromUri(uri)`.');
    }
    const bound = props.path._bindFor(this, 'model', { workspace: props.workspace, prefix: `models/${modelName}` });
    const modelUri = bound.uri;
    const modelType = (props.type ?? ModelType.CUSTOM_MODEL).value;
    checkAllowedValue(this, 'model type', modelType, MODEL_TYPE_VALUES, 'Azure ML (ModelVersion.modelType)',
      'Use a ModelType constant, e.g. ModelType.MLFLOW_MODEL for an MLflow folder or ModelType.CUSTOM_MODEL for any files.');
    this._registerVersion({
      kind: 'model',
      collection: 'models',
      container,
      assetName: modelName,
      version: props.version,
      versionRule: INTEGER_VERSION_RULE,
      immutable: { modelType, modelUri, jobName: props.jobName },
      description: props.description,
      tags: props.tags,
      dependsOn: bound.blobs,
    });
  }
}

import { Construct } from 'constructs';
import type { BatchEndpoint } from './batch-endpoint';
import { deploymentAssetIds } from './deployment-assets';
import { DeploymentCode } from './deployment-code';
import { checkWholeNumber, DEPLOYMENT_NAME_RULE, ENDPOINT_API_VERSION } from './endpoint-common';
import { Model } from '../assets/model';
import { AzapiResource } from '../azapi/resource';
import { ComputeCluster } from '../compute/compute-cluster';
import { Duration } from '../core/duration';
import { resolvePhysicalName } from '../core/naming';
import { claimName } from '../core/naming-registry';
import { checkAllowedValue, isResolved, ValidationError } from '../core/validation';
import { IEnvironmentReference } from '../environment/environment';

/** What a model batch deployment does with the scoring results. */
export enum BatchOutputAction {
  /** Append every returned row to one output file (`outputFileName`). */
  APPEND_ROW = 'AppendRow',
  /** Write only a summary; the scoring script writes its own outputs. */
  SUMMARY_ONLY = 'SummaryOnly',
}

/** Logging level of batch jobs. */
export enum BatchLoggingLevel {
  /** Info. */
  INFO = 'Info',
  /** Warning. */
  WARNING = 'Warning',
  /** Debug. */
  DEBUG = 'Debug',
}

/** Options of a batch deployment, without the endpoint. */
export interface BatchDeploymentOptions {
  /**
   * Deployment name. Changing it replaces the deployment.
   * @default - generated from the construct path
   */
  readonly name?: string;
  /** Compute cluster the jobs run on (in the endpoint's workspace). */
  readonly compute: ComputeCluster;
  /**
   * Model to score with (a model deployment). Exactly one of `model` and `pipelineComponentId`.
   * @default - none
   */
  readonly model?: Model;
  /**
   * ARM ID of a pipeline component to run (a pipeline component deployment), e.g. one registered with
   * `az ml component create`. Exactly one of `model` and `pipelineComponentId`.
   * @default - none
   */
  readonly pipelineComponentId?: string;
  /**
   * Settings of the pipeline component deployment (e.g. `default_compute`, `continue_on_step_failure`).
   * @default - none
   */
  readonly pipelineSettings?: { [key: string]: string };
  /**
   * Environment of the scoring script (model deployments; not needed for MLflow models).
   * @default - none
   */
  readonly environment?: IEnvironmentReference;
  /**
   * Scoring code and script (model deployments; not needed for MLflow models).
   * @default - none
   */
  readonly code?: DeploymentCode;
  /**
   * Nodes of the cluster a job uses.
   * @default 1
   */
  readonly instanceCount?: number;
  /**
   * Files per mini-batch handed to one `run()` call.
   * @default 10
   */
  readonly miniBatchSize?: number;
  /**
   * Parallel scoring processes per node.
   * @default 1
   */
  readonly maxConcurrencyPerInstance?: number;
  /**
   * Retries of a failed mini-batch.
   * @default 3
   */
  readonly maxRetries?: number;
  /**
   * Timeout of one mini-batch.
   * @default Duration.seconds(30)
   */
  readonly retryTimeout?: Duration;
  /**
   * Failed files (or mini-batches) tolerated before the job fails; -1 tolerates all.
   * @default -1
   */
  readonly errorThreshold?: number;
  /**
   * What happens with the results.
   * @default BatchOutputAction.APPEND_ROW
   */
  readonly outputAction?: BatchOutputAction;
  /**
   * Name of the output file (APPEND_ROW only).
   * @default 'predictions.csv'
   */
  readonly outputFileName?: string;
  /**
   * Logging level.
   * @default BatchLoggingLevel.INFO
   */
  readonly loggingLevel?: BatchLoggingLevel;
  /**
   * Environment variables of the scoring processes.
   * @default - none
   */
  readonly environmentVariables?: { [name: string]: string };
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Tags.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Properties of a batch deployment. */
export interface BatchDeploymentProps extends BatchDeploymentOptions {
  /** The endpoint. */
  readonly endpoint: BatchEndpoint;
}

/**
 * A batch deployment (`Microsoft.MachineLearningServices/workspaces/batchEndpoints/deployments`): a model
 * scored over files on a compute cluster, or a pipeline component. Everything but the name and endpoint
 * is updated in place.
 */
export class BatchDeployment extends Construct {
  /** The endpoint. */
  public readonly endpoint: BatchEndpoint;
  /** Deployment name. */
  public readonly deploymentName: string;
  /** The `azapi_resource`. */
  public readonly resource: AzapiResource;

  constructor(scope: Construct, id: string, props: BatchDeploymentProps) {
    super(scope, id);
    this.endpoint = props.endpoint;
    this.deploymentName = resolvePhysicalName(this, DEPLOYMENT_NAME_RULE, props.name);
    const workspace = props.endpoint.workspace;
    if ((props.model === undefined) === (props.pipelineComponentId === undefined)) {
      throw new ValidationError(this, `batch deployment has ${props.model ? 'both `model` and `pipelineComponentId`' : 'neither `model` nor `pipelineComponentId`'}; `
        + 'pass exactly one: a model to score with, or a pipeline component to run.');
    }
    if (!props.compute) throw new ValidationError(this, 'batch deployment has no `compute`; pass a ComputeCluster of the workspace.');
    if (props.compute.workspace !== workspace && isResolved(props.compute.workspace.workspaceId) && isResolved(workspace.workspaceId)
      && props.compute.workspace.workspaceId.toLowerCase() !== workspace.workspaceId.toLowerCase()) {
      throw new ValidationError(this, `compute cluster '${props.compute.node.path}' belongs to another workspace; use a cluster of '${workspace.node.path}'.`);
    }
    checkWholeNumber(this, 'instance count', props.instanceCount, 1, 1000, 'Use at least 1 node.');
    checkWholeNumber(this, 'mini-batch size', props.miniBatchSize, 1, 1_000_000, 'Use at least 1 file per mini-batch.');
    checkWholeNumber(this, 'maxConcurrencyPerInstance', props.maxConcurrencyPerInstance, 1, 1000, 'Use at least 1 process.');
    checkWholeNumber(this, 'maxRetries', props.maxRetries, 0, 100, 'Use 0 or more retries.');
    checkWholeNumber(this, 'errorThreshold', props.errorThreshold, -1, 1_000_000, 'Use -1 to tolerate every failure.');
    const outputAction = props.outputAction ?? (props.model ? BatchOutputAction.APPEND_ROW : undefined);
    checkAllowedValue(this, 'outputAction', outputAction, Object.values(BatchOutputAction), 'Azure ML (BatchOutputAction)',
      'Use BatchOutputAction.APPEND_ROW or BatchOutputAction.SUMMARY_ONLY.');
    checkAllowedValue(this, 'loggingLevel', props.loggingLevel, Object.values(BatchLoggingLevel), 'Azure ML (BatchLoggingLevel)',
      'Use BatchLoggingLevel.INFO, WARNING or DEBUG.');
    if (props.outputFileName !== undefined && outputAction !== BatchOutputAction.APPEND_ROW) {
      throw new ValidationError(this, `outputFileName '${props.outputFileName}' only applies with BatchOutputAction.APPEND_ROW; remove it or append rows.`);
    }
    if (props.outputFileName !== undefined && isResolved(props.outputFileName) && !/^[^/\\]+$/.test(props.outputFileName)) {
      throw new ValidationError(this, `outputFileName '${props.outputFileName}' must be a file name without folders, e.g. predictions.csv.`);
    }
    if (props.pipelineComponentId && (props.code || props.environment || props.miniBatchSize !== undefined)) {
      throw new ValidationError(this, 'a pipeline component deployment takes no `code`, `environment` or `miniBatchSize`; they belong to model deployments.');
    }
    const ids = deploymentAssetIds(this, workspace, props.model, props.environment, props.code);

    this.resource = new AzapiResource(this, 'Resource', {
      type: `Microsoft.MachineLearningServices/workspaces/batchEndpoints/deployments@${ENDPOINT_API_VERSION}`,
      name: this.deploymentName,
      parentId: props.endpoint.resource.id,
      location: props.endpoint.location,
      body: {
        properties: {
          compute: props.compute.computeClusterId,
          model: ids.model ? { referenceType: 'Id', assetId: ids.model } : undefined,
          deploymentConfiguration: props.pipelineComponentId
            ? {
              deploymentConfigurationType: 'PipelineComponent',
              componentId: { referenceType: 'Id', assetId: props.pipelineComponentId },
              settings: props.pipelineSettings,
            }
            : undefined,
          environmentId: ids.environmentId,
          codeConfiguration: ids.codeConfiguration,
          resources: { instanceCount: props.instanceCount ?? 1 },
          miniBatchSize: props.model ? (props.miniBatchSize ?? 10) : undefined,
          maxConcurrencyPerInstance: props.maxConcurrencyPerInstance,
          retrySettings: props.model
            ? { maxRetries: props.maxRetries ?? 3, timeout: (props.retryTimeout ?? Duration.seconds(30)).toIsoString() }
            : undefined,
          errorThreshold: props.errorThreshold,
          outputAction,
          outputFileName: outputAction === BatchOutputAction.APPEND_ROW ? (props.outputFileName ?? 'predictions.csv') : undefined,
          loggingLevel: props.loggingLevel ?? BatchLoggingLevel.INFO,
          environmentVariables: props.environmentVariables,
          description: props.description,
        },
      },
      tags: props.tags,
      dependsOn: ids.dependsOn.length > 0 ? ids.dependsOn : undefined,
    });
    claimName(this, `deployments of ${props.endpoint.node.path}`, this.deploymentName, 'deployment name',
      `on the same endpoint (${props.endpoint.node.path})`);
    this.node.defaultChild = this.resource;
    props.endpoint._registerDeployment(this);
  }
}

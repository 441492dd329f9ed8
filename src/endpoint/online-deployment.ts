import { Construct } from 'constructs';
import { deploymentAssetIds } from './deployment-assets';
import { DeploymentCode } from './deployment-code';
import { checkWholeNumber, DEPLOYMENT_NAME_RULE, ENDPOINT_API_VERSION, ONLINE_INSTANCE_TYPES } from './endpoint-common';
import type { OnlineEndpoint } from './online-endpoint';
import { Model } from '../assets/model';
import { AzapiResource } from '../azapi/resource';
import { Duration } from '../core/duration';
import { resolvePhysicalName } from '../core/naming';
import { claimName } from '../core/naming-registry';
import { isResolved, ValidationError } from '../core/validation';
import { IEnvironmentReference } from '../environment/environment';

/** Liveness or readiness probe of a deployment. */
export interface ProbeSettings {
  /**
   * Failed probes before the container is restarted (liveness) or marked unready (readiness).
   * @default 30
   */
  readonly failureThreshold?: number;
  /**
   * Successful probes before the container counts as healthy.
   * @default 1
   */
  readonly successThreshold?: number;
  /**
   * Timeout of one probe.
   * @default Duration.seconds(2)
   */
  readonly timeout?: Duration;
  /**
   * Time between probes.
   * @default Duration.seconds(10)
   */
  readonly period?: Duration;
  /**
   * Delay after the container starts before the first probe.
   * @default Duration.seconds(10)
   */
  readonly initialDelay?: Duration;
}

/** How requests are queued and timed out. */
export interface RequestSettings {
  /**
   * Concurrent requests per instance.
   * @default 1
   */
  readonly maxConcurrentRequestsPerInstance?: number;
  /**
   * Timeout of one scoring request (at most 180 seconds).
   * @default Duration.seconds(5)
   */
  readonly requestTimeout?: Duration;
  /**
   * Longest time a request waits in the queue.
   * @default - Azure's default (500 ms)
   */
  readonly maxQueueWait?: Duration;
}

/** Autoscale by target utilization (otherwise the instance count is fixed). */
export interface TargetUtilizationScaling {
  /** Fewest instances. */
  readonly minInstances: number;
  /** Most instances. */
  readonly maxInstances: number;
  /**
   * CPU utilization (percent) the scaler aims at.
   * @default 70
   */
  readonly targetUtilizationPercentage?: number;
  /**
   * How often the scaler checks.
   * @default Duration.seconds(1)
   */
  readonly pollingInterval?: Duration;
}

/** Options of an online deployment, without the endpoint. */
export interface OnlineDeploymentOptions {
  /**
   * Deployment name, e.g. `blue`; traffic refers to it. Changing it replaces the deployment.
   * @default - generated from the construct path
   */
  readonly name?: string;
  /**
   * Model to serve (registered in the endpoint's workspace). Changing it updates the deployment in place.
   * @default - none (the scoring code loads what it needs)
   */
  readonly model?: Model;
  /**
   * Environment the scoring code runs in (an Environment of the workspace, or a curated/registry one).
   * Not needed for MLflow models.
   * @default - none
   */
  readonly environment?: IEnvironmentReference;
  /**
   * Scoring code and script. Not needed for MLflow models.
   * @default - none
   */
  readonly code?: DeploymentCode;
  /**
   * VM size of the instances, from the managed online endpoint SKU list. Azure cannot change it on an
   * existing deployment: a change replaces the deployment (add a new deployment and move traffic instead).
   */
  readonly instanceType: string;
  /**
   * Number of instances (3 or more is recommended for production). Changing it updates the deployment in place.
   * @default 1
   */
  readonly instanceCount?: number;
  /**
   * Autoscaling by target utilization.
   * @default - a fixed instance count
   */
  readonly targetUtilizationScaling?: TargetUtilizationScaling;
  /**
   * Liveness probe.
   * @default - Azure's defaults
   */
  readonly livenessProbe?: ProbeSettings;
  /**
   * Readiness probe.
   * @default - Azure's defaults
   */
  readonly readinessProbe?: ProbeSettings;
  /**
   * Request settings.
   * @default - Azure's defaults
   */
  readonly requestSettings?: RequestSettings;
  /**
   * Environment variables of the scoring container.
   * @default - none
   */
  readonly environmentVariables?: { [name: string]: string };
  /**
   * Send request logs and metrics to the workspace's Application Insights.
   * @default true
   */
  readonly appInsightsEnabled?: boolean;
  /**
   * Whether the container may reach public networks (pip, model downloads). With `false`, it reaches
   * only the workspace's private resources.
   * @default true
   */
  readonly egressPublicNetworkAccess?: boolean;
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

/** Properties of an online deployment. */
export interface OnlineDeploymentProps extends OnlineDeploymentOptions {
  /** The endpoint the deployment serves. */
  readonly endpoint: OnlineEndpoint;
}

/**
 * A managed online deployment (`Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments`):
 * a model, environment and scoring code on `instanceCount` instances of `instanceType`. Model, environment,
 * code, instance count, scaling, probes and request settings are updated in place; the name, the endpoint
 * and the instance type replace the deployment.
 */
export class OnlineDeployment extends Construct {
  /** The endpoint. */
  public readonly endpoint: OnlineEndpoint;
  /** Deployment name. */
  public readonly deploymentName: string;
  /** The `azapi_resource`. */
  public readonly resource: AzapiResource;

  constructor(scope: Construct, id: string, props: OnlineDeploymentProps) {
    super(scope, id);
    this.endpoint = props.endpoint;
    this.deploymentName = resolvePhysicalName(this, DEPLOYMENT_NAME_RULE, props.name);
    const workspace = props.endpoint.workspace;
    if (isResolved(props.instanceType) && !ONLINE_INSTANCE_TYPES.includes(props.instanceType)) {
      const near = ONLINE_INSTANCE_TYPES.find(t => t.toLowerCase() === String(props.instanceType).toLowerCase());
      throw new ValidationError(this, `instance type '${props.instanceType}' is not a managed online endpoint VM size`
        + `${near ? `; did you mean '${near}'?` : ''} Use one of the managed online endpoints SKU list, e.g. Standard_DS3_v2, `
        + 'Standard_F4s_v2 or Standard_NC6s_v3 (https://learn.microsoft.com/azure/machine-learning/reference-managed-online-endpoints-vm-sku-list).');
    }
    const instanceCount = props.instanceCount ?? 1;
    checkWholeNumber(this, 'instance count', instanceCount, 1, 1000, 'Use at least 1 instance (3 or more for production).');
    const scaling = props.targetUtilizationScaling;
    if (scaling) {
      checkWholeNumber(this, 'minInstances', scaling.minInstances, 1, 1000, 'Use at least 1 instance.');
      checkWholeNumber(this, 'maxInstances', scaling.maxInstances, 1, 1000, 'Use at least 1 instance.');
      if (isResolved(scaling.minInstances) && isResolved(scaling.maxInstances) && scaling.minInstances > scaling.maxInstances) {
        throw new ValidationError(this, `minInstances ${scaling.minInstances} is above maxInstances ${scaling.maxInstances}; swap them.`);
      }
      checkWholeNumber(this, 'targetUtilizationPercentage', scaling.targetUtilizationPercentage, 1, 100, 'Use a percentage such as 70.');
    }
    const timeout = props.requestSettings?.requestTimeout;
    if (timeout && timeout.toSeconds() > 180) {
      throw new ValidationError(this, `request timeout ${timeout} is above 180 seconds, the most managed online endpoints allow; shorten it.`);
    }
    checkWholeNumber(this, 'maxConcurrentRequestsPerInstance', props.requestSettings?.maxConcurrentRequestsPerInstance, 1, 1000,
      'Use at least 1.');
    const ids = deploymentAssetIds(this, workspace, props.model, props.environment, props.code);
    if (!props.model && !props.code) {
      throw new ValidationError(this, 'online deployment has neither `model` nor `code`; deploy a model (an MLflow model needs nothing else), '
        + 'or scoring code with an environment.');
    }
    if (props.code && !props.environment) {
      throw new ValidationError(this, 'online deployment has scoring `code` but no `environment` to run it in; pass one.');
    }

    this.resource = new AzapiResource(this, 'Resource', {
      type: `Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments@${ENDPOINT_API_VERSION}`,
      name: this.deploymentName,
      parentId: props.endpoint.resource.id,
      location: props.endpoint.location,
      body: {
        properties: {
          endpointComputeType: 'Managed',
          model: ids.model,
          environmentId: ids.environmentId,
          codeConfiguration: ids.codeConfiguration,
          instanceType: props.instanceType,
          scaleSettings: scaling
            ? {
              scaleType: 'TargetUtilization',
              minInstances: scaling.minInstances,
              maxInstances: scaling.maxInstances,
              targetUtilizationPercentage: scaling.targetUtilizationPercentage,
              pollingInterval: scaling.pollingInterval?.toIsoString(),
            }
            : { scaleType: 'Default' },
          livenessProbe: probe(props.livenessProbe),
          readinessProbe: probe(props.readinessProbe),
          requestSettings: props.requestSettings
            ? {
              maxConcurrentRequestsPerInstance: props.requestSettings.maxConcurrentRequestsPerInstance,
              requestTimeout: props.requestSettings.requestTimeout?.toIsoString(),
              maxQueueWait: props.requestSettings.maxQueueWait?.toIsoString(),
            }
            : undefined,
          environmentVariables: props.environmentVariables,
          appInsightsEnabled: props.appInsightsEnabled ?? true,
          egressPublicNetworkAccess: (props.egressPublicNetworkAccess ?? true) ? 'Enabled' : 'Disabled',
          description: props.description,
        },
        sku: { name: 'Default', capacity: instanceCount },
      },
      tags: props.tags,
      // Azure cannot change the VM size of a deployment in place.
      replaceTriggersExternalValues: { instance_type: props.instanceType },
      dependsOn: ids.dependsOn.length > 0 ? ids.dependsOn : undefined,
    });
    claimName(this, `deployments of ${props.endpoint.node.path}`, this.deploymentName, 'deployment name',
      `on the same endpoint (${props.endpoint.node.path})`);
    this.node.defaultChild = this.resource;
    props.endpoint._registerDeployment(this);
  }
}

function probe(p?: ProbeSettings): { [key: string]: any } | undefined {
  if (!p) return undefined;
  return {
    failureThreshold: p.failureThreshold,
    successThreshold: p.successThreshold,
    timeout: p.timeout?.toIsoString(),
    period: p.period?.toIsoString(),
    initialDelay: p.initialDelay?.toIsoString(),
  };
}

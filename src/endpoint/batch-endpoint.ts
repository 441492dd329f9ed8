import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { BatchDeployment, BatchDeploymentOptions } from './batch-deployment';
import { ENDPOINT_API_VERSION, ENDPOINT_NAME_RULE, workspaceLocation } from './endpoint-common';
import { AzapiResource } from '../azapi/resource';
import { AzapiUpdateResource } from '../azapi/update-resource';
import { addDependencies } from '../core/dependencies';
import { BuiltInRole, grantRole, IGrantee } from '../core/grants';
import { resolvePhysicalName } from '../core/naming';
import { claimName } from '../core/naming-registry';
import { isResolved } from '../core/validation';
import { IWorkspace } from '../workspace/workspace-ref';

/** Options of a batch endpoint, without the workspace. */
export interface BatchEndpointOptions {
  /**
   * Endpoint name, unique in the region. Changing it replaces the endpoint and its deployments.
   * @default - generated from the construct path
   */
  readonly name?: string;
  /**
   * Name of the deployment that runs when a job names none. Changing it is an in-place update.
   * @default - the only deployment, when there is exactly one
   */
  readonly defaultDeployment?: string;
  /**
   * Azure region.
   * @default - the workspace's location
   */
  readonly location?: string;
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

/** Properties of a batch endpoint. */
export interface BatchEndpointProps extends BatchEndpointOptions {
  /** Workspace the endpoint belongs to. */
  readonly workspace: IWorkspace;
}

/**
 * A batch endpoint (`Microsoft.MachineLearningServices/workspaces/batchEndpoints`), invoked with Microsoft
 * Entra tokens (batch endpoints take no other auth mode). As with online traffic, the default deployment is
 * set by an `azapi_update_resource` once the deployments exist.
 */
export class BatchEndpoint extends Construct {
  /** Workspace the endpoint belongs to. */
  public readonly workspace: IWorkspace;
  /** Endpoint name. */
  public readonly endpointName: string;
  /** Region. */
  public readonly location: string;
  /** ARM ID of the endpoint (formatted, known at plan time). */
  public readonly endpointId: string;
  /** The endpoint's `azapi_resource`. */
  public readonly resource: AzapiResource;
  /** The `azapi_update_resource` that sets the default deployment. */
  public readonly defaultsResource: AzapiUpdateResource;
  private readonly deployments: BatchDeployment[] = [];
  private readonly defaultDeployment?: string;

  constructor(scope: Construct, id: string, props: BatchEndpointProps) {
    super(scope, id);
    this.workspace = props.workspace;
    this.endpointName = resolvePhysicalName(this, ENDPOINT_NAME_RULE, props.name);
    this.location = workspaceLocation(this, 'batch endpoint', props.workspace, props.location);
    this.endpointId = `${props.workspace.workspaceId}/batchEndpoints/${this.endpointName}`;
    this.defaultDeployment = props.defaultDeployment;
    const type = `Microsoft.MachineLearningServices/workspaces/batchEndpoints@${ENDPOINT_API_VERSION}`;
    this.resource = new AzapiResource(this, 'Resource', {
      type,
      name: this.endpointName,
      parentId: props.workspace.workspaceId,
      location: this.location,
      body: { properties: { authMode: 'AADToken', description: props.description } },
      tags: props.tags,
      ignoreBodyChanges: ['properties.defaults'],
    });
    claimName(this, `endpoints in ${this.location}`, this.endpointName, 'endpoint name',
      `in region '${this.location}' (online and batch endpoint names are unique per Azure region)`);
    this.node.defaultChild = this.resource;
    this.defaultsResource = new AzapiUpdateResource(this, 'Defaults', {
      type,
      resourceId: this.resource.id,
      body: {
        properties: {
          defaults: Lazy.anyValue({
            produce: () => {
              const name = this.defaultDeployment ?? (this.deployments.length === 1 ? this.deployments[0].deploymentName : undefined);
              return name === undefined ? undefined : { deploymentName: name };
            },
          }),
        },
      },
    });
    this.node.addValidation({
      validate: () => {
        const names = this.deployments.map(d => d.deploymentName);
        const d = this.defaultDeployment;
        return d !== undefined && isResolved(d) && !names.includes(d)
          ? [`${this.node.path}: default deployment '${d}' is not a deployment of this endpoint (deployments: ${names.join(', ') || 'none'}); `
            + 'add it with endpoint.addDeployment, or fix the name.']
          : [];
      },
    });
  }

  /** Lets `grantee` start batch jobs on the endpoint: AzureML Data Scientist on the endpoint. */
  public grantInvoke(grantee: IGrantee): RoleAssignment {
    return grantRole(this, grantee, BuiltInRole.AZUREML_DATA_SCIENTIST, this.endpointId);
  }

  /** Adds a deployment to this endpoint, as a child construct of the endpoint. */
  public addDeployment(id: string, options: BatchDeploymentOptions): BatchDeployment {
    return new BatchDeployment(this, id, { ...options, endpoint: this });
  }

  /**
   * Registers a deployment; the defaults update waits for it.
   * @internal
   */
  public _registerDeployment(deployment: BatchDeployment): void {
    this.deployments.push(deployment);
    addDependencies(this.defaultsResource, [deployment.resource]);
  }
}

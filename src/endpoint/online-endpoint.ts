import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { EndpointAuthMode } from './endpoint-auth';
import { azapiIdentity, ENDPOINT_API_VERSION, ENDPOINT_NAME_RULE, systemAssignedGrantee, workspaceLocation } from './endpoint-common';
import { OnlineDeployment, OnlineDeploymentOptions } from './online-deployment';
import { AzapiResource } from '../azapi/resource';
import { AzapiUpdateResource } from '../azapi/update-resource';
import { ComputeIdentity } from '../compute/compute-identity';
import { addDependencies } from '../core/dependencies';
import { BuiltInRole, grantRole, IGrantee } from '../core/grants';
import { resolvePhysicalName } from '../core/naming';
import { claimName } from '../core/naming-registry';
import { isResolved, ValidationError } from '../core/validation';
import { Warnings } from '../core/warnings';
import { IWorkspace } from '../workspace/workspace-ref';

/** Options of a managed online endpoint, without the workspace. */
export interface OnlineEndpointOptions {
  /**
   * Endpoint name: part of the scoring URL, unique in the region. Changing it replaces the endpoint
   * and every deployment.
   * @default - generated from the construct path
   */
  readonly name?: string;
  /**
   * How callers authenticate. Changing it updates the endpoint in place.
   * @default EndpointAuthMode.AAD_TOKEN
   */
  readonly authMode?: EndpointAuthMode;
  /**
   * Whether the scoring URL is reachable from public networks. With `false`, callers reach it through
   * the workspace's private endpoint.
   * @default true (Azure's default; a warning says how to close it)
   */
  readonly publicNetworkAccess?: boolean;
  /**
   * Managed identity the deployments pull images and read models with. A user-assigned identity needs
   * AcrPull and Storage Blob Data Reader on the workspace's registry and storage; the endpoint grants them
   * where those are known.
   * @default ComputeIdentity.systemAssigned()
   */
  readonly identity?: ComputeIdentity;
  /**
   * Live traffic in percent per deployment name, e.g. `{ blue: 90, green: 10 }`; the values must add up
   * to 100 (or all be 0). Changing it is an in-place update: deployments are never replaced for it.
   * @default - 100 to the only deployment when there is exactly one; otherwise no traffic
   */
  readonly traffic?: { [deploymentName: string]: number };
  /**
   * Percent of live traffic copied to a deployment (its responses are discarded), e.g. `{ green: 10 }`:
   * at most 50, to one deployment that takes no live traffic. Changing it is an in-place update.
   * @default - none
   */
  readonly mirrorTraffic?: { [deploymentName: string]: number };
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

/** Properties of a managed online endpoint. */
export interface OnlineEndpointProps extends OnlineEndpointOptions {
  /** Workspace the endpoint belongs to. */
  readonly workspace: IWorkspace;
}

/**
 * A managed online endpoint (`Microsoft.MachineLearningServices/workspaces/onlineEndpoints`): a scoring URL
 * in front of one or more deployments, with the traffic split (blue/green) and mirror traffic between them.
 *
 * The endpoint is created without traffic; the split is applied by an `azapi_update_resource` on the
 * endpoint once the deployments exist (Azure refuses traffic to deployments that do not exist yet), and the
 * endpoint's own resource ignores it (`ignore_body_changes`). Changing the split is an in-place update.
 */
export class OnlineEndpoint extends Construct {
  /** Workspace the endpoint belongs to. */
  public readonly workspace: IWorkspace;
  /** Endpoint name. */
  public readonly endpointName: string;
  /** Region. */
  public readonly location: string;
  /** Auth mode. */
  public readonly authMode: EndpointAuthMode;
  /** ARM ID of the endpoint (formatted from the workspace ID, known at plan time). */
  public readonly endpointId: string;
  /** The endpoint's `azapi_resource`. */
  public readonly resource: AzapiResource;
  /** The `azapi_update_resource` that sets traffic and mirror traffic. */
  public readonly trafficResource: AzapiUpdateResource;
  /** The identity of the endpoint. */
  public readonly identity: ComputeIdentity;
  private readonly deployments: OnlineDeployment[] = [];
  private readonly traffic?: { [name: string]: number };
  private readonly mirrorTraffic?: { [name: string]: number };

  constructor(scope: Construct, id: string, props: OnlineEndpointProps) {
    super(scope, id);
    this.workspace = props.workspace;
    this.endpointName = resolvePhysicalName(this, ENDPOINT_NAME_RULE, props.name);
    this.location = workspaceLocation(this, 'online endpoint', props.workspace, props.location);
    this.authMode = props.authMode ?? EndpointAuthMode.AAD_TOKEN;
    if (!Object.values(EndpointAuthMode).includes(this.authMode)) {
      throw new ValidationError(this, `auth mode '${this.authMode}' is not supported; use EndpointAuthMode.AAD_TOKEN, AML_TOKEN or KEY.`);
    }
    this.identity = props.identity ?? ComputeIdentity.systemAssigned();
    this.traffic = props.traffic;
    this.mirrorTraffic = props.mirrorTraffic;
    const publicAccess = props.publicNetworkAccess ?? true;
    this.endpointId = `${props.workspace.workspaceId}/onlineEndpoints/${this.endpointName}`;
    const type = `Microsoft.MachineLearningServices/workspaces/onlineEndpoints@${ENDPOINT_API_VERSION}`;

    this.resource = new AzapiResource(this, 'Resource', {
      type,
      name: this.endpointName,
      parentId: props.workspace.workspaceId,
      location: this.location,
      identity: azapiIdentity(this.identity),
      body: {
        properties: {
          authMode: this.authMode,
          publicNetworkAccess: publicAccess ? 'Enabled' : 'Disabled',
          description: props.description,
        },
      },
      tags: props.tags,
      ignoreBodyChanges: ['properties.traffic', 'properties.mirrorTraffic'],
    });
    claimName(this, `endpoints in ${this.location}`, this.endpointName, 'endpoint name',
      `in region '${this.location}' (online and batch endpoint names are unique per Azure region)`);
    this.node.defaultChild = this.resource;
    this.trafficResource = new AzapiUpdateResource(this, 'Traffic', {
      type,
      resourceId: this.resource.id,
      body: {
        properties: {
          traffic: Lazy.anyValue({ produce: () => this.effectiveTraffic() }),
          mirrorTraffic: Lazy.anyValue({ produce: () => this.mirrorTraffic }),
        },
      },
    });
    this.node.addValidation({ validate: () => this.validateTraffic() });

    if (publicAccess) {
      Warnings.of(this).add('AZML-EP-001', `The scoring URL of online endpoint '${this.endpointName}' is reachable from public networks. `
        + 'Set publicNetworkAccess: false and call it through the workspace\'s private endpoint, or acknowledge this warning.');
    }
    for (const uai of this.identity.userAssignedIdentities) {
      props.workspace.containerRegistry?.grantPull(uai);
      props.workspace.storageAccount?.grantBlobDataReader(uai);
    }
  }

  /** The system-assigned identity as a grantee (for grants to storage the scoring code reads). */
  public get systemAssignedIdentity(): IGrantee | undefined {
    if (!this.identity.systemAssignedEnabled) return undefined;
    return systemAssignedGrantee(this.resource.identityPrincipalId, `${this.node.id}-identity`);
  }

  /**
   * Lets `grantee` call the endpoint with a Microsoft Entra token (AADToken auth): AzureML Data Scientist
   * on the endpoint only (it holds `onlineEndpoints/score/action`).
   */
  public grantInvoke(grantee: IGrantee): RoleAssignment {
    return grantRole(this, grantee, BuiltInRole.AZUREML_DATA_SCIENTIST, this.endpointId);
  }

  /** Adds a deployment to this endpoint, as a child construct of the endpoint. */
  public addDeployment(id: string, options: OnlineDeploymentOptions): OnlineDeployment {
    return new OnlineDeployment(this, id, { ...options, endpoint: this });
  }

  /**
   * Registers a deployment; the traffic update waits for it.
   * @internal
   */
  public _registerDeployment(deployment: OnlineDeployment): void {
    if (this.deployments.some(d => d.deploymentName === deployment.deploymentName)) {
      throw new ValidationError(deployment, `deployment name '${deployment.deploymentName}' is already used in endpoint '${this.endpointName}'; `
        + 'give each deployment its own name (e.g. blue and green).');
    }
    this.deployments.push(deployment);
    addDependencies(this.trafficResource, [deployment.resource]);
  }

  private effectiveTraffic(): { [name: string]: number } | undefined {
    if (this.traffic) return this.traffic;
    if (this.deployments.length === 1) return { [this.deployments[0].deploymentName]: 100 };
    return undefined;
  }

  private validateTraffic(): string[] {
    const errors: string[] = [];
    const names = this.deployments.map(d => d.deploymentName);
    const where = `${this.node.path}:`;
    const check = (what: string, split: { [name: string]: number } | undefined) => {
      for (const [name, pct] of Object.entries(split ?? {})) {
        if (isResolved(name) && !names.includes(name)) {
          errors.push(`${where} ${what} names deployment '${name}', which this endpoint does not have (deployments: `
            + `${names.length ? names.join(', ') : 'none'}). Add the deployment with endpoint.addDeployment, or fix the name.`);
        }
        if (isResolved(pct) && (!Number.isInteger(pct) || pct < 0 || pct > 100)) {
          errors.push(`${where} ${what} for '${name}' is ${pct}; percentages are whole numbers from 0 to 100.`);
        }
      }
    };
    check('traffic', this.traffic);
    check('mirror traffic', this.mirrorTraffic);
    if (this.traffic) {
      const values = Object.values(this.traffic);
      const sum = values.reduce((a, b) => a + b, 0);
      if (values.every(v => isResolved(v)) && sum !== 100 && sum !== 0) {
        errors.push(`${where} traffic ${JSON.stringify(this.traffic)} adds up to ${sum}; live traffic must add up to 100 (or 0 for none). `
          + 'Adjust the percentages, e.g. { blue: 90, green: 10 }.');
      }
    }
    const mirrors = Object.entries(this.mirrorTraffic ?? {});
    if (mirrors.length > 1) {
      errors.push(`${where} mirror traffic goes to ${mirrors.length} deployments; Azure mirrors to one deployment only.`);
    }
    for (const [name, pct] of mirrors) {
      if (isResolved(pct) && pct > 50) errors.push(`${where} mirror traffic for '${name}' is ${pct}; Azure allows at most 50 percent.`);
      if ((this.traffic?.[name] ?? 0) > 0) {
        errors.push(`${where} deployment '${name}' takes live traffic and mirror traffic; mirror only to a deployment with 0 live traffic.`);
      }
    }
    return errors;
  }
}

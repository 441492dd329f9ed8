import { AiFoundryProject } from '@cdktf/provider-azurerm/lib/ai-foundry-project';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct, IConstruct } from 'constructs';
import { checkProjectInput } from './hub-checks';
import type { IHub } from './hub-ref';
import { IContainerRegistry } from '../container-registry/container-registry-base';
import { addDependencies } from '../core/dependencies';
import { BuiltInRole, IGrantee } from '../core/grants';
import { IUserAssignedIdentity } from '../core/identity';
import { NAME_RULES, NameRule, resolvePhysicalName } from '../core/naming';
import { claimWorkspaceName } from '../core/naming-registry';
import { addDeleteLock, applyRemovalPolicy, RemovalPolicy } from '../core/removal-policy';
import { isResolved, ValidationError } from '../core/validation';
import { IKeyVault } from '../key-vault/key-vault-base';
import { IApplicationInsights } from '../monitoring/application-insights-base';
import { IStorageAccount } from '../storage/storage-account-base';
import { WorkspaceBase } from '../workspace/workspace-base';
import { checkWorkspaceIdentity } from '../workspace/workspace-checks';
import { grantDataScientistWithStorage, identityBlock, systemAssignedGrantee } from '../workspace/workspace-grants';
import { WorkspaceIdentity } from '../workspace/workspace-options';
import { ManagedNetworkIsolation } from '../workspace/workspace-ref';

/** Project names: `^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$` (azurerm_ai_foundry_project). */
const PROJECT_NAME: NameRule = { ...NAME_RULES.workspace, resourceType: 'AI Foundry project' };

/** Options of a project: everything but the hub (see `IHub.addProject`). */
export interface ProjectOptions {
  /**
   * Project name (3-33 letters, digits, hyphens, underscores). Replace-forcing.
   * @default - generated from the construct path
   */
  readonly name?: string;
  /**
   * Display name in the AI Foundry portal. Updated in place.
   * @default - none (the portal shows the name)
   */
  readonly friendlyName?: string;
  /**
   * Description. Updated in place.
   * @default - none
   */
  readonly description?: string;
  /**
   * Tags. Updated in place: changing them replaces neither the project nor the hub.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * Region; it must be the hub's. Replace-forcing.
   * @default - the hub's location; an error if that is unknown
   */
  readonly location?: string;
  /**
   * The project's own managed identity, which runs its jobs and reaches its data.
   * @default WorkspaceIdentity.systemAssigned()
   */
  readonly identity?: WorkspaceIdentity;
  /**
   * High business impact: less diagnostic data collected. Replace-forcing.
   * @default false
   */
  readonly highBusinessImpact?: boolean;
  /**
   * What happens to the project when it leaves the configuration.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Put a `CanNotDelete` lock on the project.
   * @default false
   */
  readonly deleteLock?: boolean;
}

/** Properties of a Project. */
export interface ProjectProps extends ProjectOptions {
  /** The hub: a `Hub` of this app, or `Hub.fromHubId(...)` / `Hub.fromHubAttributes(...)` for one in another stack. */
  readonly hub: IHub;
}

/**
 * An Azure AI Foundry project (`azurerm_ai_foundry_project`) in a hub. It is an `IWorkspace`: compute,
 * datastores, environments, assets and connections attach to it as to a workspace. Storage, key vault,
 * registry and managed network are the hub's.
 */
export class Project extends WorkspaceBase {
  public get workspaceId(): string {
    return (this._workspaceId ??= this.resource.id);
  }
  private _workspaceId?: string;
  public readonly workspaceName: string;
  public readonly resourceGroupName: string;
  public readonly location?: string;
  public readonly systemAssignedIdentity?: IGrantee;
  public readonly primaryUserAssignedIdentity?: IUserAssignedIdentity;
  /** The hub's managed network isolation (projects use the hub's network). */
  public readonly managedNetworkIsolation?: ManagedNetworkIsolation;
  /** The hub's storage account, when known. */
  public readonly storageAccount?: IStorageAccount;
  /** The hub's key vault, when known. */
  public readonly keyVault?: IKeyVault;
  /** The hub's Application Insights, when known. */
  public readonly applicationInsights?: IApplicationInsights;
  /** The hub's container registry, when known. */
  public readonly containerRegistry?: IContainerRegistry;
  /** The hub of the project. */
  public readonly hub: IHub;
  /** The `azurerm_ai_foundry_project` (escape hatch). */
  public readonly resource: AiFoundryProject;

  constructor(scope: Construct, id: string, props: ProjectProps) {
    super(scope, id);
    if (!props || !props.hub) {
      throw new ValidationError(this, 'a project needs a hub: pass `hub` (a Hub of this app, or Hub.fromHubId(scope, id, '
        + 'hubId) for a hub created in another stack), or create it with hub.addProject(id, options).');
    }
    checkProjectInput(this, props);
    const hub = props.hub;
    const location = props.location ?? hub.location;
    if (location === undefined) {
      throw new ValidationError(this, `the project has no location: hub '${hub.node.path}' was imported without one. Pass `
        + '`location` (the hub\'s region), or import the hub with it: Hub.fromHubId(scope, id, hubId, \'westeurope\').');
    }
    if (isResolved(location) && hub.location !== undefined && isResolved(hub.location)
      && location.toLowerCase().replace(/\s/g, '') !== hub.location.toLowerCase().replace(/\s/g, '')) {
      throw new ValidationError(this, `location '${location}' differs from hub '${hub.node.path}' location '${hub.location}'; `
        + 'a project lives in its hub\'s region. Remove `location`, or pass the hub\'s.');
    }
    const name = resolvePhysicalName(this, PROJECT_NAME, props.name);
    const identity = props.identity ?? WorkspaceIdentity.systemAssigned();
    const userIdentities = checkWorkspaceIdentity(this, identity, 'project');
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    this.resource = new AiFoundryProject(this, 'Resource', {
      name,
      location,
      aiServicesHubId: hub.hubId,
      friendlyName: props.friendlyName,
      description: props.description,
      tags: props.tags,
      identity: identityBlock(identity, userIdentities),
      primaryUserAssignedIdentity: identity.primary?.identityId,
      highBusinessImpactEnabled: props.highBusinessImpact ?? false,
    });
    if (isResolved(hub.resourceGroupName)) claimWorkspaceName(this, hub.resourceGroupName, name);
    this.node.defaultChild = this.resource;
    applyRemovalPolicy(this.resource, removalPolicy);

    this.hub = hub;
    this.workspaceName = name;
    this.resourceGroupName = hub.resourceGroupName;
    this.location = location;
    this.primaryUserAssignedIdentity = identity.primary;
    this.systemAssignedIdentity = identity.hasSystemAssigned
      ? systemAssignedGrantee(this, this.resource.identity.principalId) : undefined;
    this.managedNetworkIsolation = hub.managedNetworkIsolation;
    this.storageAccount = hub.storageAccount;
    this.keyVault = hub.keyVault;
    this.applicationInsights = hub.applicationInsights;
    this.containerRegistry = hub.containerRegistry;

    if (props.deleteLock) {
      addDeleteLock(this, 'DeleteLock', this.resource.id, 'AI Foundry project');
    }
  }

  /**
   * Orders this construct after other resources: every Terraform resource it emits (including ones added to it
   * later) gets `depends_on` on each dependable.
   * @param dependables Terraform resources, data sources or modules, or constructs (then every resource they emit),
   * in the same stack
   */
  public addDependency(...dependables: IConstruct[]): void {
    addDependencies(this, dependables);
  }

  /** Grants Azure AI Developer on the project: build, evaluate and deploy in it. */
  public grantAiDeveloper(grantee: IGrantee): RoleAssignment {
    return this.grant(grantee, BuiltInRole.AZURE_AI_DEVELOPER);
  }

  /** Grants Azure AI Administrator on the project. */
  public grantAiAdministrator(grantee: IGrantee): RoleAssignment {
    return this.grant(grantee, BuiltInRole.AZURE_AI_ADMINISTRATOR);
  }

  /**
   * Grants AzureML Data Scientist on the project; when the hub's system datastores are identity-based, also
   * the storage data roles on the hub's storage that the portal and notebooks need.
   */
  public grantDataScientist(grantee: IGrantee): RoleAssignment {
    grantDataScientistWithStorage(this.hub.identityBasedSystemDatastores ? this.storageAccount : undefined, grantee);
    return super.grantDataScientist(grantee);
  }
}

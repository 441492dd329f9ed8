import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct, IConstruct } from 'constructs';
import { AssociatedResources, createAssociatedResources } from './associated-resources';
import { ImportedWorkspace, WorkspaceAttributes } from './imported-workspace';
import { WORKSPACE_ARM_TYPE, WORKSPACE_REPLACE_TRIGGERS, workspaceArmBody, workspaceArmIdentity } from './workspace-arm-body';
import { WorkspaceBase } from './workspace-base';
import {
  checkByoStorage, checkClosedDependencies, checkEncryption, checkManagedNetwork, checkStorageSharedKey, checkWorkspaceIdentity,
  createdEncryptable, dependentResourcesKey,
} from './workspace-checks';
import { WorkspaceCommonProps } from './workspace-common-props';
import { grantDataScientistWithStorage, grantOnWorkspace, prerequisiteGrants, systemAssignedGrantee } from './workspace-grants';
import { checkNotHubOrProject } from './workspace-kind-checks';
import {
  FeatureStoreSettings,
  WorkspaceContainerRegistry,
  WorkspaceIdentity,
  WorkspaceKind,
  WorkspacePrivateEndpointSettings,
  WorkspaceServerlessCompute,
} from './workspace-options';
import { createWorkspacePrivateEndpoints, wantsMonitorPrivateLink } from './workspace-private-endpoints';
import { addReachabilityChecks } from './workspace-reachability';
import { IWorkspace, ManagedNetworkIsolation } from './workspace-ref';
import { AzapiResource } from '../azapi/resource';
import { AzapiUpdateResource } from '../azapi/update-resource';
import { acceptLibraryExceptions } from '../checks/library-exceptions';
import { IContainerRegistry } from '../container-registry/container-registry-base';
import { clientConfigOf } from '../core/client-config';
import { addDependencies } from '../core/dependencies';
import { IGrantee } from '../core/grants';
import { IUserAssignedIdentity } from '../core/identity';
import { NAME_RULES, resolvePhysicalName } from '../core/naming';
import { Naming } from '../core/naming-convention';
import { claimWorkspaceName } from '../core/naming-registry';
import { addDeleteLock, applyRemovalPolicy, RemovalPolicy } from '../core/removal-policy';
import { coverOpenNetworkWarnings, resolveLocation } from '../core/resource-props';
import { checkResourceTags } from '../core/tags';
import { checkOneOf, checkPattern, isResolved, ValidationError } from '../core/validation';
import { Warnings } from '../core/warnings';
import { IKeyVault } from '../key-vault/key-vault-base';
import { IApplicationInsights } from '../monitoring/application-insights-base';
import { publicIpv4Problem } from '../network/ip-address';
import { MonitorPrivateLinkScope } from '../network/monitor-private-link-scope';
import { PrivateEndpoint } from '../network/private-endpoint';
import { IStorageAccount } from '../storage/storage-account-base';

/** Response values the workspace exposes (`discoveryUrl`, `workspaceGuid`). */
const WORKSPACE_EXPORTS = ['properties.discoveryUrl', 'properties.workspaceId'];
/** `ipAllowlist` exists only in preview API versions (not in 2025-06-01 or 2026-05-01). */
const WORKSPACE_PREVIEW_ARM_TYPE = 'Microsoft.MachineLearningServices/workspaces@2024-04-01-preview';

/** Properties of a Workspace. */
export interface WorkspaceProps extends WorkspaceCommonProps {
  /**
   * Kind of workspace.
   * @default WorkspaceKind.DEFAULT
   */
  readonly kind?: WorkspaceKind;
  /**
   * Feature store settings; required for, and only allowed on, `WorkspaceKind.FEATURE_STORE`.
   * @default - none
   */
  readonly featureStore?: FeatureStoreSettings;
  /**
   * Public IPv4 addresses or CIDR ranges allowed to reach the workspace over its public endpoint
   * (`ipAllowlist`, set through `azapi_update_resource` with API version 2024-04-01-preview: azurerm 4.55.0
   * and the GA API versions lack it). Needs public network access; everything else is refused.
   * @default - none: with public access on, every address may connect
   */
  readonly ipAllowlist?: string[];
  /**
   * Compute cluster that builds environment images (needed when the registry or workspace is private).
   * @default - none: Azure ML builds on its own infrastructure
   */
  readonly imageBuildComputeName?: string;
  /**
   * Network settings of serverless compute.
   * @default - Azure ML's defaults
   */
  readonly serverlessCompute?: WorkspaceServerlessCompute;
  /**
   * Private endpoints for the workspace and every dependency it creates (storage `blob` and `file`,
   * key vault, registry), with private DNS, and an Azure Monitor Private Link Scope for the Log
   * Analytics workspace and Application Insights it creates. More endpoints can be added later with
   * `addPrivateEndpoint` on the workspace or a dependency.
   * @default - none
   */
  readonly privateEndpoint?: WorkspacePrivateEndpointSettings;
  /**
   * States that the private endpoints of a private workspace are created outside this construct
   * (another stack, a platform team, Azure Policy), so the reachability check does not ask for one.
   * @default false
   */
  readonly privateEndpointsManagedElsewhere?: boolean;
}

/** An Azure Machine Learning workspace with its associated resources. */
export class Workspace extends WorkspaceBase {
  /** An existing workspace by ARM ID. */
  public static fromWorkspaceId(scope: Construct, id: string, workspaceId: string, location?: string): IWorkspace {
    return new ImportedWorkspace(scope, id, { workspaceId, location });
  }

  /** An existing workspace with what is known of it (identity, storage, registry, network). */
  public static fromWorkspaceAttributes(scope: Construct, id: string, attrs: WorkspaceAttributes): IWorkspace {
    return new ImportedWorkspace(scope, id, attrs);
  }

  // L1 attributes are read on first use and kept: every read of one makes a new token
  // (with a captured stack trace), and most are never read.
  public get workspaceId(): string {
    return (this._workspaceId ??= this.resource.id);
  }
  private _workspaceId?: string;
  public readonly workspaceName: string;
  public readonly resourceGroupName: string;
  public readonly location?: string;
  public readonly systemAssignedIdentity?: IGrantee;
  public readonly primaryUserAssignedIdentity?: IUserAssignedIdentity;
  public readonly managedNetworkIsolation?: ManagedNetworkIsolation;
  public readonly storageAccount?: IStorageAccount;
  public readonly keyVault?: IKeyVault;
  public readonly applicationInsights?: IApplicationInsights;
  public readonly containerRegistry?: IContainerRegistry;

  /** Discovery URL of the workspace's API. */
  public get discoveryUrl(): string {
    return (this._discoveryUrl ??= this.exportedValue('discoveryUrl'));
  }
  private _discoveryUrl?: string;
  /** The workspace's immutable GUID (`properties.workspaceId`; azurerm called it `workspace_id`). */
  public get workspaceGuid(): string {
    return (this._workspaceGuid ??= this.exportedValue('workspaceId'));
  }
  private _workspaceGuid?: string;
  /**
   * The `azapi_resource` of type `Microsoft.MachineLearningServices/workspaces` (escape hatch). Its body carries every
   * setting, `systemDatastoresAuthMode` and the managed network's `firewallSku` included, from creation on.
   */
  public readonly resource: AzapiResource;
  /** The `azapi_update_resource` setting the IP allowlist, when `ipAllowlist` is given. */
  public readonly ipAllowlistUpdate?: AzapiUpdateResource;
  /** Whether the workspace is reachable from public networks. */
  public readonly publicNetworkAccessEnabled: boolean;
  /** Private endpoints created from the `privateEndpoint` prop (workspace and dependencies). */
  public readonly privateEndpoints: PrivateEndpoint[];
  /** The Azure Monitor Private Link Scope created from the `privateEndpoint` prop, if any. */
  public readonly monitorPrivateLinkScope?: MonitorPrivateLinkScope;

  private readonly identityBasedDatastores: boolean;
  /** The body's `properties`, for updates made after construction (image-build compute). */
  private readonly properties: { [key: string]: any };

  constructor(scope: Construct, id: string, props: WorkspaceProps) {
    super(scope, id);

    // Checks the resource group (a malformed imported ID is reported here, with this path) and the region.
    const location = resolveLocation(this, props.resourceGroup, props.location, 'workspace');
    checkResourceTags(this, props.tags);
    if (props.namingConvention) Naming.of(this).useConvention(props.namingConvention);
    const name = resolvePhysicalName(this, NAME_RULES.workspace, props.name);
    const kind = props.kind ?? WorkspaceKind.DEFAULT;
    checkNotHubOrProject(this, kind, props);
    checkOneOf(this, 'kind', kind, [WorkspaceKind.DEFAULT, WorkspaceKind.FEATURE_STORE]);
    if (kind === WorkspaceKind.DEFAULT && props.featureStore) {
      throw new ValidationError(this, '`featureStore` settings were given for a workspace of kind Default; they only '
        + 'apply to feature stores. Set `kind: WorkspaceKind.FEATURE_STORE`, or remove `featureStore`.');
    }
    if (kind === WorkspaceKind.FEATURE_STORE && !props.featureStore) {
      throw new ValidationError(this, 'a workspace of kind FeatureStore needs `featureStore` settings '
        + '(e.g. `featureStore: { computeSparkRuntimeVersion: \'3.4\' }`).');
    }

    const identity = props.identity ?? WorkspaceIdentity.systemAssigned();
    const userIdentities = checkWorkspaceIdentity(this, identity);
    const publicAccess = props.publicNetworkAccessEnabled ?? true;
    const identityBased = props.identityBasedSystemDatastores ?? true;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const diagnostics = props.diagnostics ?? true;
    const managedNetwork = props.managedNetwork ?? { isolationMode: ManagedNetworkIsolation.ALLOW_INTERNET_OUTBOUND };
    const registryChoice = props.containerRegistry ?? WorkspaceContainerRegistry.create();

    checkManagedNetwork(this, managedNetwork);
    if (props.ipAllowlist !== undefined) this.checkIpAllowlist(props.ipAllowlist, publicAccess);
    this.checkServerless(props.serverlessCompute, publicAccess);
    // Born in identity mode, the workspace needs no account keys: the account it creates refuses them unless the
    // system datastores use keys (identityBasedSystemDatastores: false) or the user asks for them.
    const sharedKeyAccess = props.storageSharedKeyAccess ?? !identityBased;
    checkStorageSharedKey(this, props.storageSharedKeyAccess, identityBased, props.storageAccount);
    checkByoStorage(this, props.storageAccount, props.storageReplication);
    if (props.imageBuildComputeName !== undefined) this.checkImageBuildCompute(props.imageBuildComputeName);
    if (!publicAccess) checkClosedDependencies(this, [props.storageAccount, props.keyVault, registryChoice.registry]);
    if (registryChoice.mode === 'existing' && !registryChoice.registry) {
      throw new ValidationError(this, 'WorkspaceContainerRegistry.existing() needs a registry.');
    }

    // The workspace's own public-access warning says how to close the storage and registry it creates.
    coverOpenNetworkWarnings(this);
    const created = {
      storageAccount: !props.storageAccount,
      keyVault: !props.keyVault,
      containerRegistry: registryChoice.mode === 'create',
      applicationInsights: !props.applicationInsights,
      logAnalyticsWorkspace: !props.logAnalyticsWorkspace && (!props.applicationInsights || diagnostics),
    };
    const encryption = props.encryption;
    const encryptionIdentity = encryption ? checkEncryption(this, encryption, identity) : undefined;
    const associated: AssociatedResources = createAssociatedResources(this, {
      resourceGroup: props.resourceGroup,
      location,
      tags: props.tags,
      publicNetworkAccessEnabled: publicAccess,
      identityBasedSystemDatastores: identityBased,
      storageSharedKeyAccess: sharedKeyAccess,
      removalPolicy,
      deleteLock: props.deleteLock ?? false,
      diagnostics,
      storageAccount: props.storageAccount,
      storageReplication: props.storageReplication,
      keyVault: props.keyVault,
      applicationInsights: props.applicationInsights,
      logAnalyticsWorkspace: props.logAnalyticsWorkspace,
      containerRegistry: registryChoice,
      monitorPrivateLink: wantsMonitorPrivateLink(props.privateEndpoint, created),
      customerManagedKey: dependentResourcesKey(this, encryption, encryptionIdentity, createdEncryptable(created)),
    });

    const preRequisites = prerequisiteGrants(associated, identity, identityBased, encryption, encryptionIdentity, props.identityRoles);

    const provisionNow = managedNetwork.provisionOnCreation ?? false;
    const body = workspaceArmBody({
      kind,
      sku: 'Basic',
      friendlyName: props.friendlyName,
      description: props.description,
      storageAccountId: associated.storageAccount.storageAccountId,
      keyVaultId: associated.keyVault!.keyVaultId,
      applicationInsightsId: associated.applicationInsights.applicationInsightsId,
      containerRegistryId: associated.containerRegistry?.containerRegistryId,
      primaryUserAssignedIdentityId: identity.primary?.identityId,
      publicNetworkAccessEnabled: publicAccess,
      highBusinessImpact: props.highBusinessImpact ?? false,
      v1LegacyMode: false,
      imageBuildCompute: props.imageBuildComputeName,
      isolationMode: managedNetwork.isolationMode,
      firewallSku: managedNetwork.firewallSku,
      provisionNetworkNow: provisionNow,
      identityBasedSystemDatastores: identityBased,
      serverlessCompute: props.serverlessCompute ? {
        subnetId: props.serverlessCompute.subnetId,
        publicIpEnabled: props.serverlessCompute.publicIpEnabled ?? false,
      } : undefined,
      encryption: encryption ? {
        keyVaultId: encryption.keyVault.keyVaultId,
        keyId: encryption.keyId,
        identity: encryptionIdentity,
        serviceSide: encryption.serviceSideEncryption ?? true,
      } : undefined,
      featureStore: kind === WorkspaceKind.FEATURE_STORE ? props.featureStore : undefined,
    });
    this.properties = body.properties;
    this.resource = new AzapiResource(this, 'Resource', {
      type: WORKSPACE_ARM_TYPE,
      name,
      parentId: props.resourceGroup.id
        ?? `/subscriptions/${clientConfigOf(this).subscriptionId}/resourceGroups/${props.resourceGroup.name}`,
      location,
      tags: props.tags,
      identity: workspaceArmIdentity(identity, userIdentities),
      body,
      replaceTriggersRefs: WORKSPACE_REPLACE_TRIGGERS,
      responseExportValues: WORKSPACE_EXPORTS,
      // The service echoes enums (publicNetworkAccess, isolation mode, auth mode) in its own casing.
      ignoreCasing: true,
      dependsOn: preRequisites.length > 0 ? preRequisites : undefined,
    });
    this.node.defaultChild = this.resource;
    claimWorkspaceName(this, props.resourceGroup.name, name);
    acceptLibraryExceptions(this, ...(encryption ? [] : ['AZML-SEC-002']), ...(identity.primary ? [] : ['AZML-SEC-003']));
    applyRemovalPolicy(this.resource, removalPolicy);

    this.workspaceName = name;
    this.resourceGroupName = props.resourceGroup.name;
    this.location = location;
    this.publicNetworkAccessEnabled = publicAccess;
    this.identityBasedDatastores = identityBased;
    this.managedNetworkIsolation = managedNetwork.isolationMode;
    this.primaryUserAssignedIdentity = identity.primary;
    this.systemAssignedIdentity = identity.hasSystemAssigned
      ? systemAssignedGrantee(this, this.resource.identityPrincipalId) : undefined;
    this.storageAccount = associated.storageAccount;
    this.keyVault = associated.keyVault;
    this.applicationInsights = associated.applicationInsights;
    this.containerRegistry = associated.containerRegistry;

    // ipAllowlist exists only in preview API versions: a separate update, after the workspace exists (it refers to its ID).
    if (props.ipAllowlist !== undefined) {
      this.ipAllowlistUpdate = new AzapiUpdateResource(this, 'IpAllowlist', {
        type: WORKSPACE_PREVIEW_ARM_TYPE,
        resourceId: this.resource.id,
        body: { properties: { publicNetworkAccess: 'Enabled', ipAllowlist: props.ipAllowlist } },
      });
    }

    // After the workspace exists: the identity manages the workspace (idle shutdown, jobs).
    grantOnWorkspace(this, identity, props.identityRoles);

    if (props.deleteLock) {
      addDeleteLock(this, 'DeleteLock', this.resource.id, 'machine learning workspace');
    }
    const privateNetworking = props.privateEndpoint
      ? createWorkspacePrivateEndpoints(this, location, props.resourceGroup, associated, created, props.privateEndpoint)
      : undefined;
    this.privateEndpoints = privateNetworking?.endpoints ?? [];
    addReachabilityChecks(this, {
      workspaceId: this.resource.id,
      publicNetworkAccessEnabled: publicAccess,
      privateEndpointsManagedElsewhere: props.privateEndpointsManagedElsewhere ?? false,
      containerRegistry: associated.containerRegistry,
      imageBuildComputeName: () => this.properties.imageBuildCompute,
      dependencies: [
        { what: 'storage account', dep: props.storageAccount },
        { what: 'key vault', dep: props.keyVault },
        { what: 'container registry', dep: registryChoice.registry },
        { what: 'Application Insights component', dep: props.applicationInsights },
      ],
    });
    this.monitorPrivateLinkScope = privateNetworking?.monitorScope;
    if (diagnostics && associated.logAnalyticsWorkspaceId) {
      associated.addDiagnostics(this, 'Diagnostics', this.resource.id);
    }

    if (props.publicNetworkAccessEnabled === undefined && props.ipAllowlist === undefined) {
      Warnings.of(this).add('AZML-WS-001', 'The workspace is reachable from public networks (publicNetworkAccessEnabled '
        + 'defaults to true so that Azure ML studio works without private networking). To close it and the storage '
        + 'account, key vault and registry it created, set `publicNetworkAccessEnabled: false` and reach it through '
        + 'private endpoints; set it to true explicitly to acknowledge this warning.');
    }
  }

  /**
   * Orders this construct after other resources: every Terraform resource it emits (including ones added to it
   * later) gets `depends_on` on each dependable. Use it when Terraform cannot see the order from references, e.g. a
   * role assignment or a private endpoint that must exist first. Data sources are not delayed.
   * @param dependables Terraform resources, data sources or modules, or constructs (then every resource they emit),
   * in the same stack
   */
  public addDependency(...dependables: IConstruct[]): void {
    addDependencies(this, dependables);
  }

  /**
   * Sets the compute cluster that builds environment images (needed when the workspace or its
   * registry is private). Updated in place.
   */
  public useImageBuildCompute(computeName: string): void {
    this.checkImageBuildCompute(computeName);
    this.properties.imageBuildCompute = computeName;
  }

  /**
   * Grants AzureML Data Scientist on the workspace. With identity-based system datastores it also
   * grants Storage Blob Data Contributor and Storage File Data Privileged Contributor on the default
   * storage, which studio and notebooks need once account keys are off.
   */
  public grantDataScientist(grantee: IGrantee): RoleAssignment {
    grantDataScientistWithStorage(this.identityBasedDatastores ? this.storageAccount : undefined, grantee);
    return super.grantDataScientist(grantee);
  }

  /** A value of `response_export_values` (a path below `properties`), as a Terraform reference. */
  private exportedValue(property: string): string {
    return `\${${this.resource.terraformResourceType}.${this.resource.friendlyUniqueId}.output.properties.${property}}`;
  }

  private checkImageBuildCompute(computeName: string): void {
    checkPattern(this, 'image-build compute name', computeName, NAME_RULES.computeCluster.pattern,
      `it must be the name of a compute cluster: ${NAME_RULES.computeCluster.description}`,
      'Pass the name of a compute cluster of this workspace.');
  }

  private checkIpAllowlist(allowlist: string[], publicAccess: boolean): void {
    if (!publicAccess) {
      throw new ValidationError(this, '`ipAllowlist` limits public access, but publicNetworkAccessEnabled is false: the list would '
        + 'have no effect. Set publicNetworkAccessEnabled: true to allow only these ranges, or remove ipAllowlist.');
    }
    if (allowlist.length === 0) {
      throw new ValidationError(this, '`ipAllowlist` is empty, which Azure treats as no restriction. List the public ranges that '
        + 'need access, or set publicNetworkAccessEnabled: false and use private endpoints.');
    }
    for (const entry of allowlist) {
      if (!isResolved(entry)) continue;
      const problem = publicIpv4Problem(entry);
      if (problem) throw new ValidationError(this, `ipAllowlist entry '${entry}' is invalid: ${problem}.`);
    }
  }

  private checkServerless(serverless: WorkspaceServerlessCompute | undefined, publicAccess: boolean): void {
    if (!serverless || publicAccess) return;
    if (serverless.subnetId === undefined && serverless.publicIpEnabled !== true) {
      throw new ValidationError(this, 'serverless compute has no public IP and no subnet, but the workspace is private '
        + '(publicNetworkAccessEnabled: false): Azure rejects this at creation. Give `serverlessCompute.subnetId`, '
        + 'or set `serverlessCompute.publicIpEnabled: true`.');
    }
  }

}

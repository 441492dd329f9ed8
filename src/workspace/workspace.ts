import { MachineLearningWorkspace } from '@cdktf/provider-azurerm/lib/machine-learning-workspace';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct, IConstruct } from 'constructs';
import { AssociatedResources, createAssociatedResources } from './associated-resources';
import { ImportedWorkspace, WorkspaceAttributes } from './imported-workspace';
import { WorkspaceBase } from './workspace-base';
import {
  checkByoStorage, checkClosedDependencies, checkEncryption, checkManagedNetwork, checkStorageSharedKey, checkWorkspaceIdentity,
  createdEncryptable, dependentResourcesKey,
} from './workspace-checks';
import { WorkspaceCommonProps } from './workspace-common-props';
import {
  grantDataScientistWithStorage, grantOnWorkspace, identityBlock, prerequisiteGrants, systemAssignedGrantee,
} from './workspace-grants';
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
import { AzapiUpdateResource } from '../azapi/update-resource';
import { acceptLibraryExceptions } from '../checks/library-exceptions';
import { IContainerRegistry } from '../container-registry/container-registry-base';
import { addDependencies } from '../core/dependencies';
import { IGrantee } from '../core/grants';
import { IUserAssignedIdentity } from '../core/identity';
import { NAME_RULES, resolvePhysicalName } from '../core/naming';
import { Naming } from '../core/naming-convention';
import { checkRegion } from '../core/region';
import { addDeleteLock, applyRemovalPolicy, RemovalPolicy } from '../core/removal-policy';
import { coverOpenNetworkWarnings } from '../core/resource-props';
import { checkResourceTags } from '../core/tags';
import { checkOneOf, checkPattern, isResolved, ValidationError } from '../core/validation';
import { Warnings } from '../core/warnings';
import { IKeyVault } from '../key-vault/key-vault-base';
import { IApplicationInsights } from '../monitoring/application-insights-base';
import { publicIpv4Problem } from '../network/ip-address';
import { MonitorPrivateLinkScope } from '../network/monitor-private-link-scope';
import { PrivateEndpoint } from '../network/private-endpoint';
import { IStorageAccount } from '../storage/storage-account-base';

/** The ARM type and API version of the `systemDatastoresAuthMode` update (azurerm 4.55.0 lacks the property). */
const WORKSPACE_ARM_TYPE = 'Microsoft.MachineLearningServices/workspaces@2025-06-01';
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
    return (this._discoveryUrl ??= this.resource.discoveryUrl);
  }
  private _discoveryUrl?: string;
  /** The `azurerm_machine_learning_workspace` (escape hatch). */
  public readonly resource: MachineLearningWorkspace;
  /** The `azapi_update_resource` setting `systemDatastoresAuthMode`, when identity-based datastores are on. */
  public readonly systemDatastoresAuthMode?: AzapiUpdateResource;
  /** The `azapi_update_resource` setting the managed network's firewall SKU, when `managedNetwork.firewallSku` is given. */
  public readonly firewallSkuUpdate?: AzapiUpdateResource;
  /** The `azapi_update_resource` setting the IP allowlist, when `ipAllowlist` is given. */
  public readonly ipAllowlistUpdate?: AzapiUpdateResource;
  /** Whether the workspace is reachable from public networks. */
  public readonly publicNetworkAccessEnabled: boolean;
  /** Private endpoints created from the `privateEndpoint` prop (workspace and dependencies). */
  public readonly privateEndpoints: PrivateEndpoint[];
  /** The Azure Monitor Private Link Scope created from the `privateEndpoint` prop, if any. */
  public readonly monitorPrivateLinkScope?: MonitorPrivateLinkScope;

  private readonly identityBasedDatastores: boolean;

  constructor(scope: Construct, id: string, props: WorkspaceProps) {
    super(scope, id);

    checkRegion(this, 'location', props.location);
    checkResourceTags(this, props.tags);
    const location = props.location ?? props.resourceGroup.location;
    if (location === undefined || location === '') {
      throw new ValidationError(this, 'the location is unknown: the resource group has no location. '
        + 'Pass `location`, or a resource group with one (ResourceGroupRef.fromName(name, location)).');
    }
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
    const sharedKeyAccess = props.storageSharedKeyAccess ?? true;
    checkStorageSharedKey(this, sharedKeyAccess, identityBased, props.storageAccount);
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

    this.resource = new MachineLearningWorkspace(this, 'Resource', {
      name,
      location,
      resourceGroupName: props.resourceGroup.name,
      kind,
      skuName: 'Basic',
      friendlyName: props.friendlyName,
      description: props.description,
      tags: props.tags,
      storageAccountId: associated.storageAccount.storageAccountId,
      keyVaultId: associated.keyVault!.keyVaultId,
      applicationInsightsId: associated.applicationInsights.applicationInsightsId,
      containerRegistryId: associated.containerRegistry?.containerRegistryId,
      identity: identityBlock(identity, userIdentities),
      primaryUserAssignedIdentity: identity.primary?.identityId,
      publicNetworkAccessEnabled: publicAccess,
      highBusinessImpact: props.highBusinessImpact ?? false,
      v1LegacyModeEnabled: false,
      imageBuildComputeName: props.imageBuildComputeName,
      managedNetwork: {
        isolationMode: managedNetwork.isolationMode,
        provisionOnCreationEnabled: managedNetwork.provisionOnCreation ?? false,
      },
      serverlessCompute: props.serverlessCompute ? {
        subnetId: props.serverlessCompute.subnetId,
        publicIpEnabled: props.serverlessCompute.publicIpEnabled ?? false,
      } : undefined,
      encryption: encryption ? {
        keyVaultId: encryption.keyVault.keyVaultId,
        keyId: encryption.keyId,
        userAssignedIdentityId: encryptionIdentity?.identityId,
      } : undefined,
      serviceSideEncryptionEnabled: encryption ? (encryption.serviceSideEncryption ?? true) : undefined,
      featureStore: kind === WorkspaceKind.FEATURE_STORE ? {
        computerSparkRuntimeVersion: props.featureStore!.computeSparkRuntimeVersion,
        offlineConnectionName: props.featureStore!.offlineConnectionName,
        onlineConnectionName: props.featureStore!.onlineConnectionName,
      } : undefined,
      dependsOn: preRequisites.length > 0 ? preRequisites : undefined,
    });
    this.node.defaultChild = this.resource;
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
      ? systemAssignedGrantee(this, this.resource.identity.principalId) : undefined;
    this.storageAccount = associated.storageAccount;
    this.keyVault = associated.keyVault;
    this.applicationInsights = associated.applicationInsights;
    this.containerRegistry = associated.containerRegistry;

    if (identityBased) {
      this.systemDatastoresAuthMode = new AzapiUpdateResource(this, 'SystemDatastoresAuthMode', {
        type: WORKSPACE_ARM_TYPE,
        resourceId: this.resource.id,
        body: { properties: { systemDatastoresAuthMode: 'Identity' } },
        // The service may echo the mode in another casing; do not plan a change for that.
        ignoreCasing: true,
      });
    }

    // Updates of the same workspace run one after the other: parallel PUTs on a workspace conflict.
    let lastUpdate: AzapiUpdateResource | undefined = this.systemDatastoresAuthMode;
    if (managedNetwork.firewallSku !== undefined) {
      this.firewallSkuUpdate = new AzapiUpdateResource(this, 'ManagedNetworkFirewallSku', {
        type: WORKSPACE_ARM_TYPE,
        resourceId: this.resource.id,
        body: { properties: { managedNetwork: { isolationMode: managedNetwork.isolationMode, firewallSku: managedNetwork.firewallSku } } },
        ignoreCasing: true,
        dependsOn: lastUpdate ? [lastUpdate] : undefined,
      });
      lastUpdate = this.firewallSkuUpdate;
    }
    if (props.ipAllowlist !== undefined) {
      this.ipAllowlistUpdate = new AzapiUpdateResource(this, 'IpAllowlist', {
        type: WORKSPACE_PREVIEW_ARM_TYPE,
        resourceId: this.resource.id,
        body: { properties: { publicNetworkAccess: 'Enabled', ipAllowlist: props.ipAllowlist } },
        dependsOn: lastUpdate ? [lastUpdate] : undefined,
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
      imageBuildComputeName: () => this.resource.imageBuildComputeNameInput,
      dependencies: [
        { what: 'storage account', dep: props.storageAccount },
        { what: 'key vault', dep: props.keyVault },
        { what: 'container registry', dep: registryChoice.registry },
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
    this.resource.imageBuildComputeName = computeName;
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

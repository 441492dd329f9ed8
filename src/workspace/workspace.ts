import { MachineLearningWorkspace } from '@cdktf/provider-azurerm/lib/machine-learning-workspace';
import { MachineLearningWorkspaceNetworkOutboundRuleFqdn } from '@cdktf/provider-azurerm/lib/machine-learning-workspace-network-outbound-rule-fqdn';
import { MachineLearningWorkspaceNetworkOutboundRulePrivateEndpoint } from '@cdktf/provider-azurerm/lib/machine-learning-workspace-network-outbound-rule-private-endpoint';
import { MachineLearningWorkspaceNetworkOutboundRuleServiceTag } from '@cdktf/provider-azurerm/lib/machine-learning-workspace-network-outbound-rule-service-tag';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { ITerraformDependable } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AssociatedResources, createAssociatedResources } from './associated-resources';
import { ImportedWorkspace, WorkspaceAttributes } from './imported-workspace';
import { checkFqdn, checkPortRanges, outboundRuleId } from './outbound-rule-checks';
import { WorkspaceBase } from './workspace-base';
import {
  FeatureStoreSettings,
  WorkspaceContainerRegistry,
  WorkspaceEncryption,
  WorkspaceIdentity,
  WorkspaceKind,
  WorkspaceManagedNetwork,
  WorkspacePrivateEndpointSettings,
  WorkspaceServerlessCompute,
} from './workspace-options';
import { createWorkspacePrivateEndpoints, wantsMonitorPrivateLink } from './workspace-private-endpoints';
import { IWorkspace, ManagedNetworkIsolation } from './workspace-ref';
import { AzapiUpdateResource } from '../azapi/update-resource';
import { acceptLibraryExceptions } from '../checks/library-exceptions';
import { IContainerRegistry } from '../container-registry/container-registry-base';
import { addDependencies } from '../core/dependencies';
import { BuiltInRole, IGrantee, pathKey, PrincipalType } from '../core/grants';
import { IUserAssignedIdentity } from '../core/identity';
import { NAME_RULES, resolvePhysicalName } from '../core/naming';
import { INamingConvention, Naming } from '../core/naming-convention';
import { addDeleteLock, applyRemovalPolicy, RemovalPolicy } from '../core/removal-policy';
import { IResourceGroup } from '../core/resource-group';
import { coverOpenNetworkWarnings } from '../core/resource-props';
import { checkOneOf, checkPattern, isResolved, ValidationError } from '../core/validation';
import { Warnings } from '../core/warnings';
import { IKeyVault } from '../key-vault/key-vault-base';
import { IApplicationInsights } from '../monitoring/application-insights-base';
import { ILogAnalyticsWorkspace } from '../monitoring/log-analytics-workspace-base';
import { MonitorPrivateLinkScope } from '../network/monitor-private-link-scope';
import { PrivateEndpoint } from '../network/private-endpoint';
import { StorageReplication } from '../storage/storage-account';
import { IStorageAccount } from '../storage/storage-account-base';

/** The ARM type and API version of the `systemDatastoresAuthMode` update (azurerm 4.55.0 lacks the property). */
const WORKSPACE_ARM_TYPE = 'Microsoft.MachineLearningServices/workspaces@2025-06-01';

/** Properties of a Workspace. */
export interface WorkspaceProps {
  /** Resource group of the workspace and of the resources it creates. */
  readonly resourceGroup: IResourceGroup;
  /**
   * Azure region.
   * @default - the resource group's location; an error if that is unknown
   */
  readonly location?: string;
  /**
   * Workspace name (3-33 letters, digits, hyphens, underscores). Replace-forcing.
   * @default - generated from the construct path
   */
  readonly name?: string;
  /**
   * Naming convention for the generated names of the workspace and of everything it creates (storage,
   * key vault, registry, monitoring, compute, datastores...).
   * @default - the convention set with `Naming.of(scope).useConvention()` above the workspace, else the library's names
   */
  readonly namingConvention?: INamingConvention;
  /**
   * Display name in Azure ML studio.
   * @default - none (studio shows the name)
   */
  readonly friendlyName?: string;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Tags of the workspace and of the resources it creates.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
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
   * Default storage account: Standard tier, StorageV2, no hierarchical namespace. Replace-forcing.
   * @default - a StorageV2 account with secure defaults is created
   */
  readonly storageAccount?: IStorageAccount;
  /**
   * Replication of the storage account the workspace creates. Moving between the zone-redundant
   * and the other replication families replaces the account: decide at creation.
   * @default - the StorageAccount default (zone-redundant)
   */
  readonly storageReplication?: StorageReplication;
  /**
   * Key vault of the workspace (secrets of connections and datastores). Replace-forcing.
   * @default - a vault with RBAC authorization and purge protection is created
   */
  readonly keyVault?: IKeyVault;
  /**
   * Application Insights component. Replace-forcing.
   * @default - a workspace-based component is created, with its Log Analytics workspace
   */
  readonly applicationInsights?: IApplicationInsights;
  /**
   * Log Analytics workspace receiving the diagnostic settings (and backing a created
   * Application Insights component).
   * @default - one is created
   */
  readonly logAnalyticsWorkspace?: ILogAnalyticsWorkspace;
  /**
   * Container registry for environment images. Replace-forcing.
   * @default WorkspaceContainerRegistry.create()
   */
  readonly containerRegistry?: WorkspaceContainerRegistry;
  /**
   * Managed identity of the workspace.
   * @default WorkspaceIdentity.systemAssigned()
   */
  readonly identity?: WorkspaceIdentity;
  /**
   * Whether the workspace is reachable from public networks. `false` also closes the storage
   * account, key vault and registry the workspace creates (storage: default action Deny with the
   * AzureServices bypass); clients then need private endpoints.
   * @default true - so Azure ML studio works without private networking; a warning says how to close it
   */
  readonly publicNetworkAccessEnabled?: boolean;
  /**
   * High business impact: less diagnostic data collected, extra encryption. Replace-forcing.
   * @default false
   */
  readonly highBusinessImpact?: boolean;
  /**
   * Customer-managed key encryption. Replace-forcing: decide at creation.
   * @default - Microsoft-managed keys
   */
  readonly encryption?: WorkspaceEncryption;
  /**
   * Compute cluster that builds environment images (needed when the registry or workspace is private).
   * @default - none: Azure ML builds on its own infrastructure
   */
  readonly imageBuildComputeName?: string;
  /**
   * Managed virtual network. Raising the isolation later is allowed, lowering it is not.
   * @default - `AllowInternetOutbound`: computes run in a network Azure ML manages, reaching the workspace's
   * storage, vault and registry through private endpoints even when those are closed
   */
  readonly managedNetwork?: WorkspaceManagedNetwork;
  /**
   * Network settings of serverless compute.
   * @default - Azure ML's defaults
   */
  readonly serverlessCompute?: WorkspaceServerlessCompute;
  /**
   * Reach the system datastores (workspaceblobstore, workspacefilestore) with managed identities
   * instead of account keys (`systemDatastoresAuthMode = Identity`, set through azapi right after the
   * workspace is created). Users then need Storage Blob Data Contributor and Storage File Data
   * Privileged Contributor on the storage account (`grantDataScientist` adds them).
   * @default true
   */
  readonly identityBasedSystemDatastores?: boolean;
  /**
   * Shared-key (account key and SAS) access to the storage account the workspace creates.
   *
   * It stays on by default: azurerm 4.55.0 creates the workspace in key mode and azapi switches it to
   * identity mode only afterwards, so an account that refuses keys from the start can break the first
   * apply. Keys carry a 4-hour SAS expiration policy meanwhile. Once a first apply has switched the
   * system datastores to identity auth, set this to `false` and apply again: the account is updated in
   * place (not replaced) and passes the shared-key scanner checks.
   * @default true
   */
  readonly storageSharedKeyAccess?: boolean;
  /**
   * What happens to the workspace and the stateful resources it creates (storage, key vault,
   * registry, Log Analytics) when they leave the configuration.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Put a `CanNotDelete` lock on the workspace and the stateful resources it creates. Locks on the
   * workspace are inherited by its computes and datastores, which Terraform then cannot delete.
   * @default false
   */
  readonly deleteLock?: boolean;
  /**
   * Send the diagnostic logs and metrics of the workspace and of the key vault it creates to Log Analytics.
   * @default true
   */
  readonly diagnostics?: boolean;
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

/** Options of a private-endpoint outbound rule of the managed network. */
export interface PrivateEndpointOutboundRuleOptions {
  /** ARM ID of the target resource. */
  readonly serviceResourceId: string;
  /** Sub-resource: `blob`, `file`, `dfs`, `queue`, `table`, `web`, `vault`, `amlworkspace` or `redisCache`. */
  readonly subResourceTarget: string;
  /**
   * Whether Spark jobs may use the endpoint.
   * @default false
   */
  readonly sparkEnabled?: boolean;
}

/** Options of a service-tag outbound rule of the managed network. */
export interface ServiceTagOutboundRuleOptions {
  /** Service tag, e.g. `DataFactory`. */
  readonly serviceTag: string;
  /** `TCP`, `UDP`, `ICMP` or `*`. */
  readonly protocol: string;
  /** Port ranges, e.g. `80, 8080` or `443`. */
  readonly portRanges: string;
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
  /** Whether the workspace is reachable from public networks. */
  public readonly publicNetworkAccessEnabled: boolean;
  /** Private endpoints created from the `privateEndpoint` prop (workspace and dependencies). */
  public readonly privateEndpoints: PrivateEndpoint[];
  /** The Azure Monitor Private Link Scope created from the `privateEndpoint` prop, if any. */
  public readonly monitorPrivateLinkScope?: MonitorPrivateLinkScope;

  private readonly identityBasedDatastores: boolean;

  constructor(scope: Construct, id: string, props: WorkspaceProps) {
    super(scope, id);

    const location = props.location ?? props.resourceGroup.location;
    if (location === undefined) {
      throw new ValidationError(this, 'the location is unknown: the resource group has no location. '
        + 'Pass `location`, or a resource group with one (ResourceGroupRef.fromName(name, location)).');
    }
    if (props.namingConvention) Naming.of(this).useConvention(props.namingConvention);
    const name = resolvePhysicalName(this, NAME_RULES.workspace, props.name);
    const kind = props.kind ?? WorkspaceKind.DEFAULT;
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
    const userIdentities = this.checkIdentity(identity);
    const publicAccess = props.publicNetworkAccessEnabled ?? true;
    const identityBased = props.identityBasedSystemDatastores ?? true;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const diagnostics = props.diagnostics ?? true;
    const managedNetwork = props.managedNetwork ?? { isolationMode: ManagedNetworkIsolation.ALLOW_INTERNET_OUTBOUND };
    const registryChoice = props.containerRegistry ?? WorkspaceContainerRegistry.create();

    this.checkManagedNetwork(managedNetwork);
    this.checkServerless(props.serverlessCompute, publicAccess);
    const sharedKeyAccess = props.storageSharedKeyAccess ?? true;
    if (!sharedKeyAccess && !identityBased) {
      throw new ValidationError(this, 'storageSharedKeyAccess is false but identityBasedSystemDatastores is false: the system '
        + 'datastores would reach storage with account keys the account refuses. Keep storageSharedKeyAccess, or turn on '
        + 'identityBasedSystemDatastores.');
    }
    if (!sharedKeyAccess && props.storageAccount) {
      throw new ValidationError(this, 'storageSharedKeyAccess applies to the storage account the workspace creates; a '
        + 'bring-your-own account keeps its own settings. Remove storageSharedKeyAccess or configure your account.');
    }
    this.checkByoStorage(props.storageAccount, props.storageReplication);
    if (props.imageBuildComputeName !== undefined) this.checkImageBuildCompute(props.imageBuildComputeName);
    if (!publicAccess) this.checkClosedDependencies(props, registryChoice);
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
    });

    const encryption = props.encryption;
    const encryptionIdentity = encryption ? this.checkEncryption(encryption, identity) : undefined;

    // Role assignments the workspace needs before it exists (user-assigned identities are not
    // granted anything by Azure ML): on the dependencies only, so there is no cycle.
    const preRequisites: ITerraformDependable[] = [];
    if (identity.primary) {
      const p = identity.primary;
      preRequisites.push(
        associated.storageAccount.grant(p, BuiltInRole.CONTRIBUTOR),
        associated.storageAccount.grant(p, BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR),
        associated.keyVault.grant(p, BuiltInRole.CONTRIBUTOR),
        associated.keyVault.grant(p, BuiltInRole.KEY_VAULT_ADMINISTRATOR),
        associated.applicationInsights.grant(p, BuiltInRole.CONTRIBUTOR),
      );
      if (associated.containerRegistry) preRequisites.push(associated.containerRegistry.grant(p, BuiltInRole.CONTRIBUTOR));
      if (identityBased) {
        preRequisites.push(associated.storageAccount.grant(p, BuiltInRole.STORAGE_FILE_DATA_PRIVILEGED_CONTRIBUTOR));
      }
    }
    if (encryption && encryptionIdentity) {
      preRequisites.push(encryption.keyVault.grant(encryptionIdentity, BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER));
    }

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
      keyVaultId: associated.keyVault.keyVaultId,
      applicationInsightsId: associated.applicationInsights.applicationInsightsId,
      containerRegistryId: associated.containerRegistry?.containerRegistryId,
      identity: {
        type: identity.type,
        identityIds: userIdentities.length > 0 ? userIdentities.map(i => i.identityId) : undefined,
      },
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
    this.systemAssignedIdentity = identity.hasSystemAssigned ? {
      principalId: this.resource.identity.principalId,
      principalType: PrincipalType.SERVICE_PRINCIPAL,
      // The construct path below the stack, so two workspaces with the same id in different scopes never share a key.
      granteeKey: `${pathKey(this)}/identity`,
      isManagedIdentity: true,
    } : undefined;
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

    if (identity.primary) {
      // After the workspace exists: the identity manages the workspace (idle shutdown, jobs).
      this.grant(identity.primary, BuiltInRole.CONTRIBUTOR);
    }

    if (props.deleteLock) {
      addDeleteLock(this, 'DeleteLock', this.resource.id, 'machine learning workspace');
    }
    const privateNetworking = props.privateEndpoint
      ? createWorkspacePrivateEndpoints(this, location, props.resourceGroup, associated, created, props.privateEndpoint)
      : undefined;
    this.privateEndpoints = privateNetworking?.endpoints ?? [];
    this.monitorPrivateLinkScope = privateNetworking?.monitorScope;
    if (diagnostics && associated.logAnalyticsWorkspaceId) {
      associated.addDiagnostics(this, 'Diagnostics', this.resource.id);
    }

    if (props.publicNetworkAccessEnabled === undefined) {
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
    if (this.identityBasedDatastores && this.storageAccount) {
      this.storageAccount.grantBlobDataContributor(grantee);
      this.storageAccount.grantFileDataPrivilegedContributor(grantee);
    }
    return super.grantDataScientist(grantee);
  }

  /** Allows managed-network computes to reach an FQDN (mode `AllowOnlyApprovedOutbound`). */
  public addFqdnOutboundRule(name: string, destinationFqdn: string): MachineLearningWorkspaceNetworkOutboundRuleFqdn {
    this.checkOutboundRule(name);
    checkFqdn(this, name, destinationFqdn);
    return new MachineLearningWorkspaceNetworkOutboundRuleFqdn(this, outboundRuleId(this, name), {
      name,
      workspaceId: this.workspaceId,
      destinationFqdn,
    });
  }

  /** Allows managed-network computes to reach an Azure service tag (mode `AllowOnlyApprovedOutbound`). */
  public addServiceTagOutboundRule(name: string, options: ServiceTagOutboundRuleOptions): MachineLearningWorkspaceNetworkOutboundRuleServiceTag {
    this.checkOutboundRule(name);
    checkOneOf(this, `outbound rule '${name}' protocol`, options.protocol, ['*', 'TCP', 'UDP', 'ICMP']);
    checkPortRanges(this, name, options.portRanges);
    return new MachineLearningWorkspaceNetworkOutboundRuleServiceTag(this, outboundRuleId(this, name), {
      name,
      workspaceId: this.workspaceId,
      serviceTag: options.serviceTag,
      protocol: options.protocol,
      portRanges: options.portRanges,
    });
  }

  /** Adds a managed private endpoint from the managed network to an Azure resource. Replace-forcing attributes. */
  public addPrivateEndpointOutboundRule(
    name: string,
    options: PrivateEndpointOutboundRuleOptions,
  ): MachineLearningWorkspaceNetworkOutboundRulePrivateEndpoint {
    this.checkOutboundRule(name);
    checkOneOf(this, `outbound rule '${name}' sub-resource`, options.subResourceTarget,
      ['vault', 'amlworkspace', 'blob', 'table', 'queue', 'file', 'web', 'dfs', 'redisCache']);
    return new MachineLearningWorkspaceNetworkOutboundRulePrivateEndpoint(this, outboundRuleId(this, name), {
      name,
      workspaceId: this.workspaceId,
      serviceResourceId: options.serviceResourceId,
      subResourceTarget: options.subResourceTarget,
      sparkEnabled: options.sparkEnabled ?? false,
    });
  }

  private checkOutboundRule(name: string): void {
    if (this.managedNetworkIsolation === ManagedNetworkIsolation.DISABLED) {
      throw new ValidationError(this, `outbound rule '${name}' needs a managed network, but its isolation mode is Disabled. `
        + 'Set `managedNetwork: { isolationMode: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND }` (or ALLOW_INTERNET_OUTBOUND).');
    }
    checkPattern(this, 'outbound rule name', name, /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/,
      'it must be 3-33 letters, digits, hyphens and underscores, starting with a letter or digit', 'Pass a valid rule name.');
    if (isResolved(name) && this.node.tryFindChild(`OutboundRule-${name}`)) {
      throw new ValidationError(this, `outbound rule '${name}' is already defined; rule names must be unique in a workspace.`);
    }
  }

  private checkImageBuildCompute(computeName: string): void {
    checkPattern(this, 'image-build compute name', computeName, NAME_RULES.computeCluster.pattern,
      `it must be the name of a compute cluster: ${NAME_RULES.computeCluster.description}`,
      'Pass the name of a compute cluster of this workspace.');
  }

  private checkIdentity(identity: WorkspaceIdentity): IUserAssignedIdentity[] {
    if (!identity.hasUserAssigned) return [];
    if (!identity.primary) {
      throw new ValidationError(this, `identity type '${identity.type}' has user-assigned identities but no primary one; `
        + 'Azure ML needs to know which identity acts for the workspace. Use WorkspaceIdentity.userAssigned(primary, additional) '
        + 'or WorkspaceIdentity.systemAndUserAssigned(primary, additional).');
    }
    const all = [identity.primary, ...identity.additional];
    const seen = new Set<string>();
    for (const i of all) {
      if (!i) {
        throw new ValidationError(this, 'an additional user-assigned identity is undefined; pass IUserAssignedIdentity objects.');
      }
      if (isResolved(i.identityId) && seen.has(i.identityId)) {
        throw new ValidationError(this, `user-assigned identity '${i.identityId}' is given twice; list each identity once `
          + '(the primary one is attached automatically).');
      }
      seen.add(i.identityId);
    }
    return all;
  }

  private checkManagedNetwork(network: WorkspaceManagedNetwork): void {
    checkOneOf(this, 'managed network isolation mode', network.isolationMode, Object.values(ManagedNetworkIsolation));
    if (network.provisionOnCreation && network.isolationMode === ManagedNetworkIsolation.DISABLED) {
      throw new ValidationError(this, '`managedNetwork.provisionOnCreation` is true but the isolation mode is Disabled: '
        + 'there is no managed network to provision. Choose AllowInternetOutbound or AllowOnlyApprovedOutbound, or drop provisionOnCreation.');
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

  private checkByoStorage(storage: IStorageAccount | undefined, replication: StorageReplication | undefined): void {
    if (!storage) return;
    const where = `storage account '${storage.node.path}'`;
    if (replication !== undefined) {
      throw new ValidationError(this, '`storageReplication` only applies to a storage account the workspace creates, but '
        + `${where} was given. Set the replication on that account, or remove \`storageReplication\`.`);
    }
    if (storage.accountTier !== undefined && isResolved(storage.accountTier) && storage.accountTier.toLowerCase() === 'premium') {
      throw new ValidationError(this, `${where} has account tier '${storage.accountTier}'; the default storage of a workspace `
        + 'must be Standard. Use a Standard StorageV2 account (attach Premium storage as an extra datastore instead).');
    }
    const badKinds = ['blobstorage', 'blockblobstorage', 'filestorage'];
    if (storage.accountKind !== undefined && isResolved(storage.accountKind) && badKinds.includes(storage.accountKind.toLowerCase())) {
      throw new ValidationError(this, `${where} has account kind '${storage.accountKind}'; the default storage of a workspace `
        + 'must be StorageV2 (or Storage). Use a StorageV2 account.');
    }
    if (storage.isHnsEnabled === true) {
      throw new ValidationError(this, `${where} has hierarchical namespace (ADLS Gen2) enabled; the default storage of a `
        + 'workspace must not. Use an account without hierarchical namespace and attach the ADLS Gen2 account as a datastore.');
    }
  }

  private checkEncryption(encryption: WorkspaceEncryption, identity: WorkspaceIdentity): IUserAssignedIdentity | undefined {
    if (encryption.keyVault.purgeProtectionEnabled === false) {
      throw new ValidationError(this, `customer-managed key vault '${encryption.keyVault.node.path}' has purge protection `
        + 'disabled; Azure ML requires it for CMK encryption. Enable purge protection on the vault, or use another vault.');
    }
    checkPattern(this, 'encryption key ID', encryption.keyId, /^https:\/\/[^/]+\/keys\/[^/]+\/[^/]+\/?$/,
      'it must be a versioned key URI, https://<vault>.vault.azure.net/keys/<name>/<version>',
      'Pass the `id` of an azurerm_key_vault_key (not its versionless_id).');
    if (encryption.userAssignedIdentity) return encryption.userAssignedIdentity;
    if (!identity.hasSystemAssigned) return identity.primary;
    return undefined;
  }

  private checkClosedDependencies(props: WorkspaceProps, registry: WorkspaceContainerRegistry): void {
    const open: string[] = [];
    for (const dep of [props.storageAccount, props.keyVault, registry.registry]) {
      if (dep?.openToAllNetworks === true) open.push(dep.node.path);
    }
    if (open.length > 0) {
      throw new ValidationError(this, 'the workspace is private (publicNetworkAccessEnabled: false) but these dependencies '
        + `are open to public networks: ${open.join(', ')}. Set publicNetworkAccessEnabled: false on them too, or keep the workspace public.`);
    }
  }
}

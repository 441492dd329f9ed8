import { AiFoundry } from '@cdktf/provider-azurerm/lib/ai-foundry';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { TerraformResource } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { HubBase } from './hub-base';
import { checkHubOnlyInput } from './hub-checks';
import { IHub } from './hub-ref';
import { ImportedHub } from './imported-hub';
import { AzapiResource } from '../azapi/resource';
import { AzapiUpdateResource } from '../azapi/update-resource';
import { IContainerRegistry } from '../container-registry/container-registry-base';
import { parseResourceId } from '../core/arm-id';
import { addDependencies } from '../core/dependencies';
import { IGrantee } from '../core/grants';
import { IUserAssignedIdentity } from '../core/identity';
import { NAME_RULES, NameRule, resolvePhysicalName } from '../core/naming';
import { Naming } from '../core/naming-convention';
import { claimWorkspaceName } from '../core/naming-registry';
import { addDeleteLock, applyRemovalPolicy, RemovalPolicy } from '../core/removal-policy';
import { coverOpenNetworkWarnings, resolveLocation } from '../core/resource-props';
import { ValidationError } from '../core/validation';
import { Warnings } from '../core/warnings';
import { IKeyVault } from '../key-vault/key-vault-base';
import { IApplicationInsights } from '../monitoring/application-insights-base';
import { IStorageAccount } from '../storage/storage-account-base';
import { createAssociatedResources } from '../workspace/associated-resources';
import { WorkspaceAttributes } from '../workspace/imported-workspace';
import { WORKSPACE_ARM_TYPE, WORKSPACE_REPLACE_TRIGGERS, workspaceArmBody, workspaceArmIdentity } from '../workspace/workspace-arm-body';
import {
  checkByoStorage, checkClosedDependencies, checkEncryption, checkManagedNetwork, checkStorageSharedKey, checkWorkspaceIdentity,
  createdEncryptable, dependentResourcesKey,
} from '../workspace/workspace-checks';
import { WorkspaceCommonProps } from '../workspace/workspace-common-props';
import {
  grantDataScientistWithStorage, grantOnWorkspace, identityBlock, prerequisiteGrants, systemAssignedGrantee,
} from '../workspace/workspace-grants';
import { WorkspaceContainerRegistry, WorkspaceIdentity } from '../workspace/workspace-options';
import { ManagedNetworkIsolation } from '../workspace/workspace-ref';

/** Hub names follow the workspace rule. */
const HUB_NAME: NameRule = { ...NAME_RULES.workspace, resourceType: 'AI Foundry hub' };

/** Properties of a Hub: the workspace settings (storage, vault, registry, network, identity, encryption) and the vault choice. */
export interface HubProps extends WorkspaceCommonProps {
  /**
   * Keep the hub's secrets (connection credentials) in a key vault Microsoft manages instead of one in your
   * subscription. `azurerm_ai_foundry` requires a key vault, so the hub is then an `azapi_resource` of kind
   * `Hub`; decide at creation (switching replaces the hub). Not combinable with `keyVault`.
   * @default false - a key vault with RBAC authorization and purge protection is created (or `keyVault` is used)
   */
  readonly microsoftManagedKeyVault?: boolean;
}

/**
 * An Azure AI Foundry hub (`azurerm_ai_foundry`): the storage account, key vault, Application Insights,
 * registry and managed network of its projects, created or brought exactly as a `Workspace` does. Projects
 * (`hub.addProject`, or `new Project(scope, id, { hub })` with an imported hub in another stack) use them.
 */
export class Hub extends HubBase {
  /** An existing hub by ARM ID (e.g. from another stack's output). */
  public static fromHubId(scope: Construct, id: string, hubId: string, location?: string): IHub {
    return new ImportedHub(scope, id, { workspaceId: hubId, location });
  }

  /** An existing hub with what is known of it (identity, storage, registry, network). */
  public static fromHubAttributes(scope: Construct, id: string, attrs: WorkspaceAttributes): IHub {
    return new ImportedHub(scope, id, attrs);
  }

  public get workspaceId(): string {
    return (this._workspaceId ??= this.l1.id);
  }
  private _workspaceId?: string;
  public readonly workspaceName: string;
  public readonly resourceGroupName: string;
  public readonly location?: string;
  public readonly systemAssignedIdentity?: IGrantee;
  public readonly primaryUserAssignedIdentity?: IUserAssignedIdentity;
  public readonly managedNetworkIsolation?: ManagedNetworkIsolation;
  public readonly storageAccount?: IStorageAccount;
  /** The hub's key vault; undefined with a Microsoft-managed vault. */
  public readonly keyVault?: IKeyVault;
  public readonly applicationInsights?: IApplicationInsights;
  public readonly containerRegistry?: IContainerRegistry;
  /** Whether the hub is reachable from public networks. */
  public readonly publicNetworkAccessEnabled: boolean;
  public readonly identityBasedSystemDatastores?: boolean;
  /** The `azurerm_ai_foundry` (escape hatch); undefined with a Microsoft-managed key vault. */
  public readonly resource?: AiFoundry;
  /** The `azapi_resource` of kind `Hub` used with a Microsoft-managed key vault (escape hatch). */
  public readonly azapiResource?: AzapiResource;
  /** The `azapi_update_resource` setting what azurerm lacks (`systemDatastoresAuthMode`, `provisionNetworkNow`). */
  public readonly settingsUpdate?: AzapiUpdateResource;

  private readonly l1: TerraformResource & { readonly id: string };

  constructor(scope: Construct, id: string, props: HubProps) {
    super(scope, id);
    checkHubOnlyInput(this, props);
    const location = resolveLocation(this, props.resourceGroup, props.location, 'hub');
    if (props.namingConvention) Naming.of(this).useConvention(props.namingConvention);
    const name = resolvePhysicalName(this, HUB_NAME, props.name);

    const identity = props.identity ?? WorkspaceIdentity.systemAssigned();
    const userIdentities = checkWorkspaceIdentity(this, identity, 'hub');
    const publicAccess = props.publicNetworkAccessEnabled ?? true;
    const identityBased = props.identityBasedSystemDatastores ?? true;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const diagnostics = props.diagnostics ?? true;
    const managedNetwork = props.managedNetwork ?? { isolationMode: ManagedNetworkIsolation.ALLOW_INTERNET_OUTBOUND };
    const registryChoice = props.containerRegistry ?? WorkspaceContainerRegistry.create();
    const sharedKeyAccess = props.storageSharedKeyAccess ?? true;
    const managedVault = props.microsoftManagedKeyVault ?? false;

    if (managedVault && props.keyVault) {
      throw new ValidationError(this, '`microsoftManagedKeyVault` is true but a `keyVault` was given too; a hub has one '
        + 'secrets vault. Remove `keyVault` to let Microsoft manage it, or set microsoftManagedKeyVault: false.');
    }
    checkManagedNetwork(this, managedNetwork);
    checkStorageSharedKey(this, props.storageSharedKeyAccess, identityBased, props.storageAccount, 'hub');
    checkByoStorage(this, props.storageAccount, props.storageReplication, 'hub');
    if (!publicAccess) checkClosedDependencies(this, [props.storageAccount, props.keyVault, registryChoice.registry], 'hub');
    if (registryChoice.mode === 'existing' && !registryChoice.registry) {
      throw new ValidationError(this, 'WorkspaceContainerRegistry.existing() needs a registry.');
    }
    const encryption = props.encryption;
    if (encryption?.serviceSideEncryption !== undefined) {
      throw new ValidationError(this, '`encryption.serviceSideEncryption` is not available on hubs (azurerm_ai_foundry has no '
        + 'service_side_encryption_enabled). Remove it; the hub encrypts with your key in the Microsoft-managed resources.');
    }
    const encryptionIdentity = encryption ? checkEncryption(this, encryption, identity) : undefined;

    // The hub's own public-access warning says how to close the storage and registry it creates.
    coverOpenNetworkWarnings(this);
    const associated = createAssociatedResources(this, {
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
      microsoftManagedKeyVault: managedVault,
      applicationInsights: props.applicationInsights,
      logAnalyticsWorkspace: props.logAnalyticsWorkspace,
      containerRegistry: registryChoice,
      customerManagedKey: dependentResourcesKey(this, encryption, encryptionIdentity,
        createdEncryptable({ storageAccount: !props.storageAccount, containerRegistry: registryChoice.mode === 'create' }), 'hub'),
    });
    const preRequisites = prerequisiteGrants(associated, identity, identityBased, encryption, encryptionIdentity, props.identityRoles);
    const provisionNow = managedNetwork.provisionOnCreation ?? false;

    if (!managedVault) {
      this.resource = new AiFoundry(this, 'Resource', {
        name,
        location,
        resourceGroupName: props.resourceGroup.name,
        friendlyName: props.friendlyName,
        description: props.description,
        tags: props.tags,
        storageAccountId: associated.storageAccount.storageAccountId,
        keyVaultId: associated.keyVault!.keyVaultId,
        applicationInsightsId: associated.applicationInsights.applicationInsightsId,
        containerRegistryId: associated.containerRegistry?.containerRegistryId,
        identity: identityBlock(identity, userIdentities),
        primaryUserAssignedIdentity: identity.primary?.identityId,
        publicNetworkAccess: publicAccess ? 'Enabled' : 'Disabled',
        highBusinessImpactEnabled: props.highBusinessImpact ?? false,
        managedNetwork: { isolationMode: managedNetwork.isolationMode },
        encryption: encryption ? {
          keyVaultId: encryption.keyVault.keyVaultId,
          keyId: encryption.keyId,
          userAssignedIdentityId: encryptionIdentity?.identityId,
        } : undefined,
        dependsOn: preRequisites.length > 0 ? preRequisites : undefined,
      });
      this.l1 = this.resource;
      const update: { [key: string]: any } = {};
      if (identityBased) update.systemDatastoresAuthMode = 'Identity';
      if (provisionNow) update.provisionNetworkNow = true;
      if (Object.keys(update).length > 0) {
        this.settingsUpdate = new AzapiUpdateResource(this, 'Settings', {
          type: WORKSPACE_ARM_TYPE,
          resourceId: this.resource.id,
          body: { properties: update },
          ignoreCasing: true,
        });
      }
    } else {
      const rgId = props.resourceGroup.id
        ?? `/subscriptions/${parseResourceId(associated.storageAccount.storageAccountId)!.subscriptionId}/resourceGroups/${props.resourceGroup.name}`;
      const body = workspaceArmBody({
        kind: 'Hub',
        friendlyName: props.friendlyName,
        description: props.description,
        storageAccountId: associated.storageAccount.storageAccountId,
        applicationInsightsId: associated.applicationInsights.applicationInsightsId,
        containerRegistryId: associated.containerRegistry?.containerRegistryId,
        primaryUserAssignedIdentityId: identity.primary?.identityId,
        publicNetworkAccessEnabled: publicAccess,
        highBusinessImpact: props.highBusinessImpact ?? false,
        isolationMode: managedNetwork.isolationMode,
        identityBasedSystemDatastores: identityBased,
        provisionNetworkNow: provisionNow,
        encryption: encryption ? { keyVaultId: encryption.keyVault.keyVaultId, keyId: encryption.keyId, identity: encryptionIdentity } : undefined,
      });
      this.azapiResource = new AzapiResource(this, 'Resource', {
        type: WORKSPACE_ARM_TYPE,
        name,
        parentId: rgId,
        location,
        tags: props.tags,
        identity: workspaceArmIdentity(identity, userIdentities),
        body,
        replaceTriggersRefs: WORKSPACE_REPLACE_TRIGGERS,
        ignoreCasing: true,
        dependsOn: preRequisites.length > 0 ? preRequisites : undefined,
      });
      this.l1 = this.azapiResource;
    }
    claimWorkspaceName(this, props.resourceGroup.name, name);
    this.node.defaultChild = this.l1;
    applyRemovalPolicy(this.l1, removalPolicy);

    this.workspaceName = name;
    this.resourceGroupName = props.resourceGroup.name;
    this.location = location;
    this.publicNetworkAccessEnabled = publicAccess;
    this.identityBasedSystemDatastores = identityBased;
    this.managedNetworkIsolation = managedNetwork.isolationMode;
    this.primaryUserAssignedIdentity = identity.primary;
    if (identity.hasSystemAssigned) {
      const principalId = this.resource ? this.resource.identity.principalId : this.azapiResource!.identityPrincipalId;
      this.systemAssignedIdentity = systemAssignedGrantee(this, principalId);
    }
    this.storageAccount = associated.storageAccount;
    this.keyVault = associated.keyVault;
    this.applicationInsights = associated.applicationInsights;
    this.containerRegistry = associated.containerRegistry;

    // After the hub exists: the identity manages the hub (connections, projects' shared resources).
    grantOnWorkspace(this, identity, props.identityRoles);
    if (props.deleteLock) {
      addDeleteLock(this, 'DeleteLock', this.l1.id, 'AI Foundry hub');
    }
    if (diagnostics && associated.logAnalyticsWorkspaceId) {
      associated.addDiagnostics(this, 'Diagnostics', this.l1.id);
    }
    if (props.publicNetworkAccessEnabled === undefined) {
      Warnings.of(this).add('AZML-HUB-001', 'The hub (and so its projects) is reachable from public networks '
        + '(publicNetworkAccessEnabled defaults to true so that the AI Foundry portal works without private networking). '
        + 'To close it and the storage account and registry it created, set `publicNetworkAccessEnabled: false` and reach '
        + 'it through private endpoints (hub.addPrivateEndpoint); set it to true explicitly to acknowledge this warning.');
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

  /**
   * Grants AzureML Data Scientist on the hub. With identity-based system datastores it also grants
   * Storage Blob Data Contributor and Storage File Data Privileged Contributor on the hub's storage.
   */
  public grantDataScientist(grantee: IGrantee): RoleAssignment {
    grantDataScientistWithStorage(this.identityBasedSystemDatastores === true ? this.storageAccount : undefined, grantee);
    return super.grantDataScientist(grantee);
  }
}

import {
  WorkspaceContainerRegistry, WorkspaceEncryption, WorkspaceIdentity, WorkspaceIdentityRoles, WorkspaceManagedNetwork,
} from './workspace-options';
import { INamingConvention } from '../core/naming-convention';
import { RemovalPolicy } from '../core/removal-policy';
import { IResourceGroup } from '../core/resource-group';
import { IKeyVault } from '../key-vault/key-vault-base';
import { IApplicationInsights } from '../monitoring/application-insights-base';
import { ILogAnalyticsWorkspace } from '../monitoring/log-analytics-workspace-base';
import { StorageReplication } from '../storage/storage-account';
import { IStorageAccount } from '../storage/storage-account-base';

/**
 * What a workspace and a hub share: the resource group, names, the associated resources (created or
 * brought), identity, network, encryption and lifecycle.
 */
export interface WorkspaceCommonProps {
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
   * Roles granted to a user-assigned workspace identity on the workspace and its dependencies. Changing it
   * replaces those role assignments (new addresses), nothing else.
   * @default WorkspaceIdentityRoles.LEAST_PRIVILEGE
   */
  readonly identityRoles?: WorkspaceIdentityRoles;
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
   * Managed virtual network. Raising the isolation later is allowed, lowering it is not.
   * @default - `AllowInternetOutbound`: computes run in a network Azure ML manages, reaching the workspace's
   * storage, vault and registry through private endpoints even when those are closed
   */
  readonly managedNetwork?: WorkspaceManagedNetwork;
  /**
   * Reach the system datastores (workspaceblobstore, workspacefilestore) with managed identities
   * instead of account keys (`systemDatastoresAuthMode = Identity`). A `Workspace` is created in this mode (its
   * azapi body carries it from the first apply); turning it off or on later updates the workspace in place.
   * Users then need Storage Blob Data Contributor and Storage File Data Privileged Contributor on the storage
   * account (`grantDataScientist` adds them).
   * @default true
   */
  readonly identityBasedSystemDatastores?: boolean;
  /**
   * Shared-key (account key and SAS) access to the storage account the workspace creates.
   *
   * It used to stay on: azurerm 4.55.0 creates a workspace in key mode, so an account refusing keys could break
   * the first apply and turning keys off took a second apply. A `Workspace` is now created in identity mode from
   * the start (an azapi_resource), so the account it creates refuses keys from the first apply: Entra ID
   * authorization only, and the shared-key scanner checks pass. The azurerm provider then needs
   * `storageUseAzuread: true` (a warning, AZML-ST-002, says so). Setting this to `true` turns keys back on, in
   * place, with a 4-hour SAS expiration policy (a documented scanner exception), for tools that still use account
   * keys; file-share datastores (key or SAS only) need it. `false` with `identityBasedSystemDatastores: false`, or
   * with a storage account you bring, is an error.
   * @default - `false` for a `Workspace` (`true` when `identityBasedSystemDatastores` is false); `true` for a `Hub`,
   * which azurerm creates in key mode
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
}

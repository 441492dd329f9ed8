import { ManagedNetworkIsolation } from './workspace-ref';
import { IContainerRegistry } from '../container-registry/container-registry-base';
import { IUserAssignedIdentity } from '../core/identity';
import { IResourceGroup } from '../core/resource-group';
import { IKeyVault } from '../key-vault/key-vault-base';
import { AzureCloud } from '../network/cloud';
import { PrivateDns } from '../network/private-dns';
import { PrivateEndpointSubResource } from '../network/sub-resource';
import { ISubnet } from '../network/subnet';

/** Kind of workspace. */
export enum WorkspaceKind {
  /** A regular Azure ML workspace. */
  DEFAULT = 'Default',
  /** A managed feature store; needs `featureStore` settings. */
  FEATURE_STORE = 'FeatureStore',
  /** An AI Foundry hub: built with the `Hub` construct, not `Workspace`. */
  HUB = 'Hub',
  /** An AI Foundry project: built with the `Project` construct, not `Workspace`. */
  PROJECT = 'Project',
}

/** Settings of a `FeatureStore` workspace. */
export interface FeatureStoreSettings {
  /**
   * Spark runtime version used by materialization jobs, e.g. `3.4`.
   * @default - Azure ML's default runtime
   */
  readonly computeSparkRuntimeVersion?: string;
  /**
   * Name of the offline store connection.
   * @default - none
   */
  readonly offlineConnectionName?: string;
  /**
   * Name of the online store connection.
   * @default - none
   */
  readonly onlineConnectionName?: string;
}

/** SKU of the Azure Firewall a managed network deploys for FQDN rules (mode `AllowOnlyApprovedOutbound`). */
export enum ManagedNetworkFirewallSku {
  /** Standard: the default; costs more. */
  STANDARD = 'Standard',
  /** Basic: cheaper, lower throughput; enough for package mirrors and a few FQDN rules. */
  BASIC = 'Basic',
}

/** The managed virtual network of a workspace. */
export interface WorkspaceManagedNetwork {
  /**
   * Isolation mode. Raising it later (`Disabled` -> `AllowInternetOutbound` -> `AllowOnlyApprovedOutbound`)
   * is allowed; lowering it is not (the apply fails).
   */
  readonly isolationMode: ManagedNetworkIsolation;
  /**
   * Provision the managed network when the workspace is created instead of with the first compute
   * (`provisionNetworkNow`). On a `Workspace` it is part of the body: turning it on later provisions the network
   * then, in place. On a `Hub` created through azurerm it is replace-forcing.
   * @default false
   */
  readonly provisionOnCreation?: boolean;
  /**
   * SKU of the Azure Firewall deployed for FQDN outbound rules (`managedNetwork.firewallSku` of the workspace
   * body; changing it updates the workspace in place). Only with `AllowOnlyApprovedOutbound`.
   * @default - Azure ML's default (Standard); nothing is emitted
   */
  readonly firewallSku?: ManagedNetworkFirewallSku;
}

/** Network settings of serverless compute (jobs without a named compute). */
export interface WorkspaceServerlessCompute {
  /**
   * Subnet serverless compute nodes join.
   * @default - none: nodes run in the managed network, or on Azure's network
   */
  readonly subnetId?: string;
  /**
   * Whether serverless nodes get public IPs. Must be true for a private workspace without `subnetId`.
   * @default false
   */
  readonly publicIpEnabled?: boolean;
}

/** Customer-managed key encryption of the workspace. Replace-forcing: decide at creation. */
export interface WorkspaceEncryption {
  /** Vault holding the key; it must have purge protection. */
  readonly keyVault: IKeyVault;
  /** Versioned key URI, e.g. `https://<vault>.vault.azure.net/keys/<name>/<version>`. */
  readonly keyId: string;
  /**
   * Identity used to reach the key. It is granted Key Vault Crypto Service Encryption User on the vault.
   * @default - the primary user-assigned identity when the workspace has only user-assigned identities;
   * otherwise the workspace's system-assigned identity
   */
  readonly userAssignedIdentity?: IUserAssignedIdentity;
  /**
   * Keep encrypted data on the service side instead of in a Microsoft-managed resource group
   * (Cosmos DB, AI Search, Storage billed to you). Replace-forcing.
   * @default true
   */
  readonly serviceSideEncryption?: boolean;
  /**
   * Also encrypt the storage account and container registry the workspace creates with this key, through
   * the user-assigned key identity (`userAssignedIdentity`, or the primary identity of a workspace with only
   * user-assigned identities). That identity is granted Key Vault Crypto Service Encryption User on the vault
   * before they are created. Dependencies you bring keep their own settings. With the system-assigned
   * identity (which only exists after the storage and registry), `true` is an error and the default leaves
   * them on Microsoft-managed keys with warning `AZML-WS-CMK-002`. `false` encrypts the workspace only.
   * @default true with a user-assigned key identity; otherwise false, with warning AZML-WS-CMK-002
   */
  readonly dependentResources?: boolean;
}

/** Options of a container registry the workspace creates. */
export interface WorkspaceContainerRegistryOptions {
  /**
   * Registry name.
   * @default - generated from the construct path
   */
  readonly name?: string;
}

/**
 * Which container registry the workspace uses for environment images. Replace-forcing:
 * `container_registry_id` cannot change, so adding a registry later recreates the workspace.
 */
export class WorkspaceContainerRegistry {
  /** Create a Premium registry with admin user and anonymous pull disabled (the default). */
  public static create(options: WorkspaceContainerRegistryOptions = {}): WorkspaceContainerRegistry {
    return new WorkspaceContainerRegistry('create', options, undefined);
  }

  /** Use an existing registry. */
  public static existing(registry: IContainerRegistry): WorkspaceContainerRegistry {
    return new WorkspaceContainerRegistry('existing', undefined, registry);
  }

  /**
   * No registry. Environment images then cannot be built, and attaching one later replaces the workspace.
   */
  public static none(): WorkspaceContainerRegistry {
    return new WorkspaceContainerRegistry('none', undefined, undefined);
  }

  private constructor(
    /** `create`, `existing` or `none`. */
    public readonly mode: string,
    /** Options of a created registry. */
    public readonly createOptions?: WorkspaceContainerRegistryOptions,
    /** The existing registry. */
    public readonly registry?: IContainerRegistry,
  ) {}
}

/** The managed identity of a workspace. */
export class WorkspaceIdentity {
  /** A system-assigned identity (the default); Azure ML grants it what it needs on its dependencies. */
  public static systemAssigned(): WorkspaceIdentity {
    return new WorkspaceIdentity('SystemAssigned', []);
  }

  /**
   * User-assigned identities only. The workspace reaches its dependencies as `primary`; the
   * construct creates the role assignments it needs before the workspace.
   */
  public static userAssigned(primary: IUserAssignedIdentity, additional: IUserAssignedIdentity[] = []): WorkspaceIdentity {
    return new WorkspaceIdentity('UserAssigned', additional, primary);
  }

  /** Both a system-assigned identity and user-assigned ones, `primary` acting for the workspace. */
  public static systemAndUserAssigned(primary: IUserAssignedIdentity, additional: IUserAssignedIdentity[] = []): WorkspaceIdentity {
    return new WorkspaceIdentity('SystemAssigned, UserAssigned', additional, primary);
  }

  private constructor(
    /** Terraform identity type. */
    public readonly type: string,
    /** Other user-assigned identities. */
    public readonly additional: IUserAssignedIdentity[],
    /** Primary user-assigned identity. */
    public readonly primary?: IUserAssignedIdentity,
  ) {}

  /** Whether the workspace has a system-assigned identity. */
  public get hasSystemAssigned(): boolean {
    return this.type.startsWith('SystemAssigned');
  }

  /** Whether the workspace has user-assigned identities. */
  public get hasUserAssigned(): boolean {
    return this.type.endsWith('UserAssigned');
  }
}

/**
 * Which roles the library grants a user-assigned workspace (or hub) identity on the workspace and its dependencies
 * (Azure ML grants nothing to user-assigned identities; a system-assigned identity gets its roles from Azure).
 */
export enum WorkspaceIdentityRoles {
  /**
   * The narrowest documented set (the default). Azure AI Administrator, which Microsoft documents as "the minimum
   * permissions needed for the managed identity to perform its tasks" and assigns to a workspace's system-assigned
   * identity (how-to-assign-roles.md, "Azure AI Administrator role"), on the workspace, storage account, key vault,
   * registry and Application Insights instead of Contributor; Key Vault Secrets Officer on the vault instead of Key
   * Vault Administrator (the workspace keeps secrets only: Microsoft's role-assignment template grants it secret
   * permissions only); Storage Blob Data Contributor and Storage File Data Privileged Contributor only with
   * identity-based system datastores.
   */
  LEAST_PRIVILEGE = 'LeastPrivilege',
  /**
   * The role table of Microsoft's user-assigned identity section (how-to-identity-based-service-authentication.md):
   * Contributor on the workspace and every dependency, Key Vault Administrator on the vault, Storage Blob Data
   * Contributor on the storage account (for studio data preview). Broader; choose it only when your organisation
   * standardises on that table.
   */
  MICROSOFT_TABLE = 'MicrosoftTable',
}

/** Private endpoints of a workspace and of the dependencies it creates. */
export interface WorkspacePrivateEndpointSettings {
  /** Subnet of the endpoints (the user's network; the library never creates it). Replace-forcing. */
  readonly subnet: ISubnet;
  /**
   * How DNS records are managed, for every endpoint of the workspace.
   * @default PrivateDns.createZones() - zones created once per stack and linked to the subnet's network
   */
  readonly dns?: PrivateDns;
  /**
   * Azure cloud, which decides the DNS zone names.
   * @default AzureCloud.PUBLIC
   */
  readonly cloud?: AzureCloud;
  /**
   * Region of the endpoints (the virtual network's). Replace-forcing.
   * @default - the subnet's location, else the workspace's
   */
  readonly location?: string;
  /**
   * Resource group of the endpoints. Replace-forcing.
   * @default - the workspace's resource group
   */
  readonly resourceGroup?: IResourceGroup;
  /**
   * Storage sub-resources to reach. Add `QUEUE` and `TABLE` for batch endpoints and ParallelRunStep.
   * @default [BLOB, FILE]
   */
  readonly storageSubResources?: PrivateEndpointSubResource[];
  /**
   * Also create endpoints for the storage account, key vault and registry you passed in. Leave it
   * off when those already have endpoints (a duplicate is an error).
   * @default false - only the workspace and the dependencies it creates get endpoints
   */
  readonly includeBroughtDependencies?: boolean;
  /**
   * Put the Log Analytics workspace and Application Insights component the workspace creates behind
   * an Azure Monitor Private Link Scope (access modes Open, as Azure ML requires) with its private
   * endpoint; they then refuse ingestion and queries from public networks.
   * @default true when the workspace creates Application Insights or Log Analytics
   */
  readonly monitorPrivateLinkScope?: boolean;
}

/** Options of a private-endpoint outbound rule of the managed network. */
export interface PrivateEndpointOutboundRuleOptions {
  /** ARM ID of the target resource. */
  readonly serviceResourceId: string;
  /**
   * Sub-resource (group ID) of the target, e.g. `blob`, `vault`, `amlworkspace`, `registry`, `searchService`,
   * `account` (AI Services / Azure OpenAI), `sqlServer`, `Sql` (Cosmos DB). azurerm's nine (`blob`, `file`, `dfs`,
   * `queue`, `table`, `web`, `vault`, `amlworkspace`, `redisCache`) become an
   * `azurerm_machine_learning_workspace_network_outbound_rule_private_endpoint`; any other an `azapi_resource`.
   */
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

import { ManagedNetworkIsolation } from './workspace-ref';
import { IContainerRegistry } from '../container-registry/container-registry-base';
import { IUserAssignedIdentity } from '../core/identity';
import { IKeyVault } from '../key-vault/key-vault-base';

/** Kind of workspace. */
export enum WorkspaceKind {
  /** A regular Azure ML workspace. */
  DEFAULT = 'Default',
  /** A managed feature store; needs `featureStore` settings. */
  FEATURE_STORE = 'FeatureStore',
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

/** The managed virtual network of a workspace. */
export interface WorkspaceManagedNetwork {
  /**
   * Isolation mode. Raising it later (`Disabled` -> `AllowInternetOutbound` -> `AllowOnlyApprovedOutbound`)
   * is allowed; lowering it is not (the apply fails).
   */
  readonly isolationMode: ManagedNetworkIsolation;
  /**
   * Provision the managed network when the workspace is created instead of with the first compute.
   * Replace-forcing: changing it later recreates the workspace.
   * @default false
   */
  readonly provisionOnCreation?: boolean;
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

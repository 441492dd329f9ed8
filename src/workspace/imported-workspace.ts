import { Construct } from 'constructs';
import { importedWorkspaceFields } from './imported-fields';
import { WorkspaceBase } from './workspace-base';
import { ManagedNetworkIsolation } from './workspace-ref';
import { IContainerRegistry } from '../container-registry/container-registry-base';
import { IGrantee } from '../core/grants';
import { IUserAssignedIdentity } from '../core/identity';
import { IKeyVault } from '../key-vault/key-vault-base';
import { IApplicationInsights } from '../monitoring/application-insights-base';
import { IStorageAccount } from '../storage/storage-account-base';

/** What is known of an existing workspace. */
export interface WorkspaceAttributes {
  /** ARM ID of the workspace. */
  readonly workspaceId: string;
  /** Azure region. @default - unknown; constructs that need it ask for `location` */
  readonly location?: string;
  /**
   * Principal ID of the workspace's system-assigned identity.
   * @default - unknown: nothing is granted to the workspace identity automatically
   */
  readonly systemAssignedPrincipalId?: string;
  /** Primary user-assigned identity. @default - none */
  readonly primaryUserAssignedIdentity?: IUserAssignedIdentity;
  /** Managed network isolation. @default - unknown */
  readonly managedNetworkIsolation?: ManagedNetworkIsolation;
  /** Default storage account. @default - unknown */
  readonly storageAccount?: IStorageAccount;
  /** Key vault. @default - unknown */
  readonly keyVault?: IKeyVault;
  /** Application Insights. @default - unknown */
  readonly applicationInsights?: IApplicationInsights;
  /** Container registry. @default - unknown */
  readonly containerRegistry?: IContainerRegistry;
}

/** A workspace created elsewhere. Internal: use `Workspace.fromWorkspaceId` / `fromWorkspaceAttributes`. */
export class ImportedWorkspace extends WorkspaceBase {
  public readonly workspaceId: string;
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

  constructor(scope: Construct, id: string, attrs: WorkspaceAttributes) {
    super(scope, id);
    const f = importedWorkspaceFields(this, attrs, 'workspace');
    this.workspaceId = f.workspaceId;
    this.workspaceName = f.workspaceName;
    this.resourceGroupName = f.resourceGroupName;
    this.location = f.location;
    this.systemAssignedIdentity = f.systemAssignedIdentity;
    this.primaryUserAssignedIdentity = f.primaryUserAssignedIdentity;
    this.managedNetworkIsolation = f.managedNetworkIsolation;
    this.storageAccount = f.storageAccount;
    this.keyVault = f.keyVault;
    this.applicationInsights = f.applicationInsights;
    this.containerRegistry = f.containerRegistry;
  }
}


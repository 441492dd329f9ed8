import { Construct } from 'constructs';
import { IContainerRegistry } from '../container-registry/container-registry-base';
import { IGrantee } from '../core/grants';
import { IUserAssignedIdentity } from '../core/identity';
import { IKeyVault } from '../key-vault/key-vault-base';
import { IApplicationInsights } from '../monitoring/application-insights-base';
import { IStorageAccount } from '../storage/storage-account-base';
import { ImportedWorkspace, WorkspaceAttributes } from './imported-workspace';
import { WorkspaceBase } from './workspace-base';
import { IWorkspace, ManagedNetworkIsolation } from './workspace-ref';

/** Properties of a Workspace. (Filled in by the Workspace issue.) */
export interface WorkspaceProps {}

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

  public readonly workspaceId!: string;
  public readonly workspaceName!: string;
  public readonly resourceGroupName!: string;
  public readonly location?: string;
  public readonly systemAssignedIdentity?: IGrantee;
  public readonly primaryUserAssignedIdentity?: IUserAssignedIdentity;
  public readonly managedNetworkIsolation?: ManagedNetworkIsolation;
  public readonly storageAccount?: IStorageAccount;
  public readonly keyVault?: IKeyVault;
  public readonly applicationInsights?: IApplicationInsights;
  public readonly containerRegistry?: IContainerRegistry;

  constructor(scope: Construct, id: string, _props: WorkspaceProps) {
    super(scope, id);
    throw new Error('Workspace is not implemented yet');
  }
}

import { Construct } from 'constructs';
import { HubBase } from './hub-base';
import { IContainerRegistry } from '../container-registry/container-registry-base';
import { IGrantee } from '../core/grants';
import { IUserAssignedIdentity } from '../core/identity';
import { IKeyVault } from '../key-vault/key-vault-base';
import { IApplicationInsights } from '../monitoring/application-insights-base';
import { IStorageAccount } from '../storage/storage-account-base';
import { importedWorkspaceFields } from '../workspace/imported-fields';
import { WorkspaceAttributes } from '../workspace/imported-workspace';
import { ManagedNetworkIsolation } from '../workspace/workspace-ref';

/** A hub created elsewhere. Internal: use `Hub.fromHubId` / `fromHubAttributes`. */
export class ImportedHub extends HubBase {
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
  /** Unknown for an imported hub: projects grant no storage data roles in `grantDataScientist`. */
  public readonly identityBasedSystemDatastores?: boolean = undefined;

  constructor(scope: Construct, id: string, attrs: WorkspaceAttributes) {
    super(scope, id);
    const f = importedWorkspaceFields(this, attrs, 'hub');
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

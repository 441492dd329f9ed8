import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { WorkspaceBase } from './workspace-base';
import { ManagedNetworkIsolation } from './workspace-ref';
import { IContainerRegistry } from '../container-registry/container-registry-base';
import { isResourceIdOfType, parseResourceId } from '../core/arm-id';
import { IGrantee, pathKey, PrincipalType } from '../core/grants';
import { IUserAssignedIdentity } from '../core/identity';
import { ValidationError } from '../core/validation';
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
    const known = !Token.isUnresolved(attrs.workspaceId);
    if (known && !isResourceIdOfType(attrs.workspaceId, 'Microsoft.MachineLearningServices/workspaces')) {
      throw new ValidationError(this, `'${attrs.workspaceId}' is not a workspace ID; expected `
        + '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<name>.');
    }
    const parts = parseResourceId(attrs.workspaceId)!;
    this.workspaceId = attrs.workspaceId;
    this.workspaceName = parts.name;
    this.resourceGroupName = parts.resourceGroupName;
    this.location = attrs.location;
    this.systemAssignedIdentity = attrs.systemAssignedPrincipalId === undefined ? undefined : {
      principalId: attrs.systemAssignedPrincipalId,
      principalType: PrincipalType.SERVICE_PRINCIPAL,
      granteeKey: `${pathKey(this)}/identity`,
      isManagedIdentity: true,
    };
    this.primaryUserAssignedIdentity = attrs.primaryUserAssignedIdentity;
    this.managedNetworkIsolation = attrs.managedNetworkIsolation;
    this.storageAccount = attrs.storageAccount;
    this.keyVault = attrs.keyVault;
    this.applicationInsights = attrs.applicationInsights;
    this.containerRegistry = attrs.containerRegistry;
  }
}

// Internal: the attributes of an imported workspace or hub. Not exported from src/index.ts.
import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import type { WorkspaceAttributes } from './imported-workspace';
import { ManagedNetworkIsolation } from './workspace-ref';
import { IContainerRegistry } from '../container-registry/container-registry-base';
import { isResourceIdOfType, normalizeResourceId, parseResourceId } from '../core/arm-id';
import { IGrantee, pathKey, PrincipalType } from '../core/grants';
import { IUserAssignedIdentity } from '../core/identity';
import { ValidationError } from '../core/validation';
import { IKeyVault } from '../key-vault/key-vault-base';
import { IApplicationInsights } from '../monitoring/application-insights-base';
import { IStorageAccount } from '../storage/storage-account-base';

/** The attributes of an imported workspace or hub. Internal. */
export interface ImportedWorkspaceFields {
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly resourceGroupName: string;
  readonly location?: string;
  readonly systemAssignedIdentity?: IGrantee;
  readonly primaryUserAssignedIdentity?: IUserAssignedIdentity;
  readonly managedNetworkIsolation?: ManagedNetworkIsolation;
  readonly storageAccount?: IStorageAccount;
  readonly keyVault?: IKeyVault;
  readonly applicationInsights?: IApplicationInsights;
  readonly containerRegistry?: IContainerRegistry;
}

/** Checks the ID of an imported workspace or hub and reads its name and resource group. Internal. */
export function importedWorkspaceFields(scope: IConstruct, attrs: WorkspaceAttributes, what: string): ImportedWorkspaceFields {
  const known = !Token.isUnresolved(attrs.workspaceId);
  if (known && !isResourceIdOfType(attrs.workspaceId, 'Microsoft.MachineLearningServices/workspaces')) {
    throw new ValidationError(scope, `'${attrs.workspaceId}' is not a ${what} ID; expected `
      + '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<name>.');
  }
  const parts = parseResourceId(attrs.workspaceId)!;
  return {
    workspaceId: normalizeResourceId(attrs.workspaceId, 'Microsoft.MachineLearningServices/workspaces'),
    workspaceName: parts.name,
    resourceGroupName: parts.resourceGroupName,
    location: attrs.location,
    systemAssignedIdentity: attrs.systemAssignedPrincipalId === undefined ? undefined : {
      principalId: attrs.systemAssignedPrincipalId,
      principalType: PrincipalType.SERVICE_PRINCIPAL,
      granteeKey: `${pathKey(scope)}/identity`,
      isManagedIdentity: true,
    },
    primaryUserAssignedIdentity: attrs.primaryUserAssignedIdentity,
    managedNetworkIsolation: attrs.managedNetworkIsolation,
    storageAccount: attrs.storageAccount,
    keyVault: attrs.keyVault,
    applicationInsights: attrs.applicationInsights,
    containerRegistry: attrs.containerRegistry,
  };
}

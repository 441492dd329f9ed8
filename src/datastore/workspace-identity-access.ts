// The workspace-identity access that blob and Data Lake Gen2 datastores share. Internal: not exported from src/index.ts.
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct } from 'constructs';
import { DatastoreAccess, DatastoreCredentials } from './credentials';
import { BoundStorageTarget, CredentialKind, grantDataAccess, workspaceServiceIdentity } from './internal';
import { BuiltInRole } from '../core/grants';
import { IWorkspace } from '../workspace/workspace-ref';

/**
 * @internal The `service_data_*identity` value of a blob or Data Lake Gen2 datastore: the workspace
 * identity for workspace-identity credentials, else `None`.
 */
export function serviceDataIdentity(workspace: IWorkspace, credentials: DatastoreCredentials): string {
  return credentials._kind === CredentialKind.WORKSPACE_IDENTITY ? workspaceServiceIdentity(workspace).value : 'None';
}

/**
 * @internal With workspace-identity credentials (unless `grantWorkspaceIdentity: false`), grants the
 * workspace identity Storage Blob Data Reader, or Contributor for `DatastoreAccess.READ_WRITE`, on the target.
 */
export function grantWorkspaceIdentityAccess(
  scope: Construct,
  workspace: IWorkspace,
  credentials: DatastoreCredentials,
  target: BoundStorageTarget,
  options: { readonly dataAccess?: DatastoreAccess; readonly grantWorkspaceIdentity?: boolean },
): RoleAssignment | undefined {
  if (credentials._kind !== CredentialKind.WORKSPACE_IDENTITY || options.grantWorkspaceIdentity === false) return undefined;
  const role = options.dataAccess === DatastoreAccess.READ_WRITE
    ? BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR : BuiltInRole.STORAGE_BLOB_DATA_READER;
  return grantDataAccess(scope, workspace, target, role);
}

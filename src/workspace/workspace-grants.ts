// Internal: the role assignments a workspace or hub needs on its dependencies, and its identity as a grantee.
import { ITerraformDependable } from 'cdktf';
import { IConstruct } from 'constructs';
import { AssociatedResources } from './associated-resources';
import { WorkspaceEncryption, WorkspaceIdentity } from './workspace-options';
import { BuiltInRole, IGrantee, pathKey, PrincipalType } from '../core/grants';
import { IUserAssignedIdentity } from '../core/identity';
import { IStorageAccount } from '../storage/storage-account-base';

/**
 * Role assignments a workspace (or hub) needs before it exists: Azure ML grants nothing to user-assigned
 * identities. They are on the dependencies only, so there is no cycle.
 */
export function prerequisiteGrants(
  associated: AssociatedResources,
  identity: WorkspaceIdentity,
  identityBasedDatastores: boolean,
  encryption?: WorkspaceEncryption,
  encryptionIdentity?: IUserAssignedIdentity,
): ITerraformDependable[] {
  const grants: ITerraformDependable[] = [];
  if (identity.primary) {
    const p = identity.primary;
    grants.push(associated.storageAccount.grant(p, BuiltInRole.CONTRIBUTOR));
    grants.push(associated.storageAccount.grant(p, BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR));
    if (associated.keyVault) {
      grants.push(associated.keyVault.grant(p, BuiltInRole.CONTRIBUTOR), associated.keyVault.grant(p, BuiltInRole.KEY_VAULT_ADMINISTRATOR));
    }
    grants.push(associated.applicationInsights.grant(p, BuiltInRole.CONTRIBUTOR));
    if (associated.containerRegistry) grants.push(associated.containerRegistry.grant(p, BuiltInRole.CONTRIBUTOR));
    if (identityBasedDatastores) {
      grants.push(associated.storageAccount.grant(p, BuiltInRole.STORAGE_FILE_DATA_PRIVILEGED_CONTRIBUTOR));
    }
  }
  if (encryption && encryptionIdentity) {
    grants.push(encryption.keyVault.grant(encryptionIdentity, BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER));
  }
  return grants;
}

/** The system-assigned identity of a workspace-like construct as a grantee, keyed by its full path. */
export function systemAssignedGrantee(scope: IConstruct, principalId: string): IGrantee {
  return {
    principalId,
    principalType: PrincipalType.SERVICE_PRINCIPAL,
    // The construct path below the stack, so two workspaces with the same id in different scopes never share a key.
    granteeKey: `${pathKey(scope)}/identity`,
    isManagedIdentity: true,
  };
}

/** The Terraform `identity` block of a workspace-like resource. */
export function identityBlock(identity: WorkspaceIdentity, userIdentities: IUserAssignedIdentity[]): { type: string; identityIds?: string[] } {
  return {
    type: identity.type,
    identityIds: userIdentities.length > 0 ? userIdentities.map(i => i.identityId) : undefined,
  };
}

/**
 * With identity-based system datastores, studio and notebooks reach the default storage as the user:
 * grants Storage Blob Data Contributor and Storage File Data Privileged Contributor on it.
 */
export function grantDataScientistWithStorage(identityBasedStorage: IStorageAccount | undefined, grantee: IGrantee): void {
  if (!identityBasedStorage) return;
  identityBasedStorage.grantBlobDataContributor(grantee);
  identityBasedStorage.grantFileDataPrivilegedContributor(grantee);
}

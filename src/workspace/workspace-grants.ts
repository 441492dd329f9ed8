// Internal: the role assignments a workspace or hub needs on its dependencies, and its identity as a grantee.
import { ITerraformDependable } from 'cdktf';
import { IConstruct } from 'constructs';
import { AssociatedResources } from './associated-resources';
import { WorkspaceBase } from './workspace-base';
import { WorkspaceEncryption, WorkspaceIdentity, WorkspaceIdentityRoles } from './workspace-options';
import { BuiltInRole, IGrantee, pathKey, PrincipalType } from '../core/grants';
import { IUserAssignedIdentity } from '../core/identity';
import { IStorageAccount } from '../storage/storage-account-base';

/**
 * Roles of a user-assigned workspace identity. LEAST_PRIVILEGE follows Microsoft's "Azure AI Administrator role"
 * (how-to-assign-roles.md: the role Azure assigns a workspace's system-assigned identity, "the minimum permissions
 * needed for the managed identity to perform its tasks"; control plane only) per resource instead of per resource
 * group, plus the data-plane roles the workspace's features use: Key Vault Secrets Officer (the workspace vault holds
 * secrets only; Microsoft's machine-learning-dependencies-role-assignment template grants the identity secret
 * permissions only) and, with identity-based system datastores, the storage data roles of how-to-disable-local-auth-storage.md.
 * MICROSOFT_TABLE is the table of how-to-identity-based-service-authentication.md ("User-assigned managed identity").
 */
function controlPlaneRole(roles: WorkspaceIdentityRoles | undefined): BuiltInRole {
  return roles === WorkspaceIdentityRoles.MICROSOFT_TABLE ? BuiltInRole.CONTRIBUTOR : BuiltInRole.AZURE_AI_ADMINISTRATOR;
}

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
  roles?: WorkspaceIdentityRoles,
): ITerraformDependable[] {
  const grants: ITerraformDependable[] = [];
  if (identity.primary) {
    const p = identity.primary;
    const broad = roles === WorkspaceIdentityRoles.MICROSOFT_TABLE;
    const control = controlPlaneRole(roles);
    grants.push(associated.storageAccount.grant(p, control));
    if (broad || identityBasedDatastores) {
      grants.push(associated.storageAccount.grant(p, BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR));
    }
    if (associated.keyVault) {
      grants.push(associated.keyVault.grant(p, control),
        associated.keyVault.grant(p, broad ? BuiltInRole.KEY_VAULT_ADMINISTRATOR : BuiltInRole.KEY_VAULT_SECRETS_OFFICER));
    }
    grants.push(associated.applicationInsights.grant(p, control));
    if (associated.containerRegistry) grants.push(associated.containerRegistry.grant(p, control));
    if (identityBasedDatastores) {
      grants.push(associated.storageAccount.grant(p, BuiltInRole.STORAGE_FILE_DATA_PRIVILEGED_CONTRIBUTOR));
    }
  }
  if (encryption && encryptionIdentity) {
    grants.push(encryption.keyVault.grant(encryptionIdentity, BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER));
  }
  return grants;
}

/** After the workspace (or hub) exists: its user-assigned identity manages it (idle shutdown, jobs, connections). */
export function grantOnWorkspace(workspace: WorkspaceBase, identity: WorkspaceIdentity, roles?: WorkspaceIdentityRoles): void {
  if (identity.primary) workspace.grant(identity.primary, controlPlaneRole(roles));
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

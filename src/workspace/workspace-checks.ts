// Internal: input checks every workspace kind shares (Workspace, Hub). Not exported from src/index.ts.
import { IConstruct } from 'constructs';
import { ManagedNetworkFirewallSku, WorkspaceEncryption, WorkspaceIdentity, WorkspaceManagedNetwork } from './workspace-options';
import { ManagedNetworkIsolation } from './workspace-ref';
import { BuiltInRole } from '../core/grants';
import { IUserAssignedIdentity } from '../core/identity';
import { checkOneOf, checkPattern, isResolved, ValidationError } from '../core/validation';
import { Warnings } from '../core/warnings';
import { CustomerManagedKey } from '../key-vault/customer-managed-key';
import { StorageReplication } from '../storage/storage-account';
import { IStorageAccount } from '../storage/storage-account-base';

/** Every user-assigned identity of `identity` (primary first); throws on a missing primary or a duplicate. */
export function checkWorkspaceIdentity(scope: IConstruct, identity: WorkspaceIdentity, what = 'workspace'): IUserAssignedIdentity[] {
  if (!identity.hasUserAssigned) return [];
  if (!identity.primary) {
    throw new ValidationError(scope, `identity type '${identity.type}' has user-assigned identities but no primary one; `
      + `Azure ML needs to know which identity acts for the ${what}. Use WorkspaceIdentity.userAssigned(primary, additional) `
      + 'or WorkspaceIdentity.systemAndUserAssigned(primary, additional).');
  }
  const all = [identity.primary, ...identity.additional];
  const seen = new Set<string>();
  for (const i of all) {
    if (!i) {
      throw new ValidationError(scope, 'an additional user-assigned identity is undefined; pass IUserAssignedIdentity objects.');
    }
    if (isResolved(i.identityId) && seen.has(i.identityId)) {
      throw new ValidationError(scope, `user-assigned identity '${i.identityId}' is given twice; list each identity once `
        + '(the primary one is attached automatically).');
    }
    seen.add(i.identityId);
  }
  return all;
}

/** Checks the isolation mode and that a provisioned network exists. */
export function checkManagedNetwork(scope: IConstruct, network: WorkspaceManagedNetwork): void {
  if (network.firewallSku !== undefined) {
    checkOneOf(scope, 'managed network firewall SKU', network.firewallSku, Object.values(ManagedNetworkFirewallSku));
    if (network.isolationMode !== ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND) {
      throw new ValidationError(scope, `\`managedNetwork.firewallSku\` is '${network.firewallSku}' but the isolation mode is `
        + `${network.isolationMode}: the firewall only exists with AllowOnlyApprovedOutbound. Set that isolation mode, or drop firewallSku.`);
    }
  }
  checkOneOf(scope, 'managed network isolation mode', network.isolationMode, Object.values(ManagedNetworkIsolation));
  if (network.provisionOnCreation && network.isolationMode === ManagedNetworkIsolation.DISABLED) {
    throw new ValidationError(scope, '`managedNetwork.provisionOnCreation` is true but the isolation mode is Disabled: '
      + 'there is no managed network to provision. Choose AllowInternetOutbound or AllowOnlyApprovedOutbound, or drop provisionOnCreation.');
  }
}

/**
 * Shared-key access off needs identity-based system datastores and a created account. `given` is the
 * `storageSharedKeyAccess` prop as the user wrote it (undefined: the construct's default applies).
 */
export function checkStorageSharedKey(
  scope: IConstruct, given: boolean | undefined, identityBased: boolean, storage: IStorageAccount | undefined, what = 'workspace',
): void {
  if (given === false && !identityBased) {
    throw new ValidationError(scope, 'storageSharedKeyAccess is false but identityBasedSystemDatastores is false: the system '
      + 'datastores would reach storage with account keys the account refuses. Set storageSharedKeyAccess: true (or leave '
      + 'it unset), or turn on identityBasedSystemDatastores.');
  }
  if (given === false && storage) {
    throw new ValidationError(scope, `storageSharedKeyAccess applies to the storage account the ${what} creates; a `
      + 'bring-your-own account keeps its own settings. Remove storageSharedKeyAccess or configure your account.');
  }
}

/** A brought default storage account must be Standard StorageV2 without hierarchical namespace. */
export function checkByoStorage(
  scope: IConstruct, storage: IStorageAccount | undefined, replication: StorageReplication | undefined, what = 'workspace',
): void {
  if (!storage) return;
  const where = `storage account '${storage.node.path}'`;
  if (replication !== undefined) {
    throw new ValidationError(scope, `\`storageReplication\` only applies to a storage account the ${what} creates, but `
      + `${where} was given. Set the replication on that account, or remove \`storageReplication\`.`);
  }
  if (storage.accountTier !== undefined && isResolved(storage.accountTier) && storage.accountTier.toLowerCase() === 'premium') {
    throw new ValidationError(scope, `${where} has account tier '${storage.accountTier}'; the default storage of a ${what} `
      + 'must be Standard. Use a Standard StorageV2 account (attach Premium storage as an extra datastore instead).');
  }
  const badKinds = ['blobstorage', 'blockblobstorage', 'filestorage'];
  if (storage.accountKind !== undefined && isResolved(storage.accountKind) && badKinds.includes(storage.accountKind.toLowerCase())) {
    throw new ValidationError(scope, `${where} has account kind '${storage.accountKind}'; the default storage of a ${what} `
      + 'must be StorageV2 (or Storage). Use a StorageV2 account.');
  }
  if (storage.isHnsEnabled === true) {
    throw new ValidationError(scope, `${where} has hierarchical namespace (ADLS Gen2) enabled; the default storage of a `
      + `${what} must not. Use an account without hierarchical namespace and attach the ADLS Gen2 account as a datastore.`);
  }
}

/** Checks a customer-managed key; returns the user-assigned identity reaching it (undefined: the system-assigned one). */
export function checkEncryption(scope: IConstruct, encryption: WorkspaceEncryption, identity: WorkspaceIdentity): IUserAssignedIdentity | undefined {
  if (encryption.keyVault.purgeProtectionEnabled === false) {
    throw new ValidationError(scope, `customer-managed key vault '${encryption.keyVault.node.path}' has purge protection `
      + 'disabled; Azure ML requires it for CMK encryption. Enable purge protection on the vault, or use another vault.');
  }
  checkPattern(scope, 'encryption key ID', encryption.keyId, /^https:\/\/[^/]+\/keys\/[^/]+\/[^/]+\/?$/,
    'it must be a versioned key URI, https://<vault>.vault.azure.net/keys/<name>/<version>',
    'Pass the `id` of an azurerm_key_vault_key (not its versionless_id).');
  if (encryption.userAssignedIdentity) return encryption.userAssignedIdentity;
  if (!identity.hasSystemAssigned) return identity.primary;
  const role = BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER;
  Warnings.of(scope).add('AZML-WS-CMK-001', 'the customer-managed key is used through the workspace\'s system-assigned '
    + 'identity, which only exists once the workspace is created, so nothing grants it access to the key and Azure refuses '
    + `the workspace without it. Either pass encryption.userAssignedIdentity (the library then grants it '${role.roleName}' `
    + `on the vault before the workspace is created), or grant the role yourself before this apply: role '${role.roleName}' `
    + `(role definition ${role.roleDefinitionGuid}) on the key vault '${encryption.keyVault.node.path}' to the identity that `
    + 'Azure ML uses for the key.');
  return undefined;
}

/** The resources a customer-managed key can cover among those the workspace (or hub) creates. */
export function createdEncryptable(created: { storageAccount: boolean; containerRegistry: boolean }): string[] {
  return [created.storageAccount ? 'storage account' : undefined, created.containerRegistry ? 'container registry' : undefined]
    .filter((x): x is string => x !== undefined);
}

/**
 * The key that encrypts the storage account and registry the workspace (or hub) creates (`creates` names them),
 * from its `encryption`; undefined when they stay on Microsoft-managed keys. Internal.
 */
export function dependentResourcesKey(
  scope: IConstruct,
  encryption: WorkspaceEncryption | undefined,
  encryptionIdentity: IUserAssignedIdentity | undefined,
  creates: string[],
  what = 'workspace',
): CustomerManagedKey | undefined {
  if (!encryption || encryption.dependentResources === false || creates.length === 0) return undefined;
  const created = creates.join(' and ');
  if (!encryptionIdentity) {
    const why = `the ${created} the ${what} creates must exist before the ${what}, so they cannot reach the key through `
      + `the ${what}'s system-assigned identity`;
    if (encryption.dependentResources === true) {
      throw new ValidationError(scope, `encryption.dependentResources is true but the key is used through the ${what}'s `
        + `system-assigned identity: ${why}. Pass encryption.userAssignedIdentity (a user-assigned identity; it is granted `
        + 'Key Vault Crypto Service Encryption User on the vault before they are created), or set dependentResources: false.');
    }
    Warnings.of(scope).add('AZML-WS-CMK-002', `${why}; they stay encrypted with Microsoft-managed keys. To encrypt them `
      + 'with your key, pass encryption.userAssignedIdentity (a user-assigned identity); to encrypt the workspace only, set '
      + 'encryption.dependentResources: false. Decide before the registry is created: its encryption cannot be added later.');
    return undefined;
  }
  const clientId = encryptionIdentity.clientId;
  if (creates.includes('container registry') && (clientId === undefined || (isResolved(clientId) && clientId === ''))) {
    throw new ValidationError(scope, `the key identity '${encryptionIdentity.granteeKey}' has no client ID, which the container `
      + `registry the ${what} creates needs to use the customer-managed key (encryption.identity_client_id). Pass \`clientId\` to `
      + 'UserAssignedIdentityRef.fromAttributes(...) (or use fromResource), or set encryption.dependentResources: false to '
      + `encrypt the ${what} only.`);
  }
  return { keyVault: encryption.keyVault, keyId: encryption.keyId, identity: encryptionIdentity };
}

/** Something that knows whether it is open to all networks. */
export interface MaybeOpen extends IConstruct {
  readonly openToAllNetworks?: boolean;
}

/** A private workspace or hub refuses dependencies known to be open to public networks. */
export function checkClosedDependencies(scope: IConstruct, deps: (MaybeOpen | undefined)[], what = 'workspace'): void {
  const open: string[] = [];
  for (const dep of deps) {
    if (dep?.openToAllNetworks === true) open.push(dep.node.path);
  }
  if (open.length > 0) {
    throw new ValidationError(scope, `the ${what} is private (publicNetworkAccessEnabled: false) but these dependencies `
      + `are open to public networks: ${open.join(', ')}. Set publicNetworkAccessEnabled: false on them too, or keep the ${what} public.`);
  }
}

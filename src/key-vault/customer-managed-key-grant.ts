// Internal: customer-managed key encryption of a resource (storage account, container registry) through a
// user-assigned identity: one mechanism for the checks, the key grant and the ordering. Not exported from src/index.ts.
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { IConstruct } from 'constructs';
import { CustomerManagedKey } from './customer-managed-key';
import { addDependencies } from '../core/dependencies';
import { BuiltInRole } from '../core/grants';
import { checkPattern, isResolved, ValidationError } from '../core/validation';

/** A key URI, versioned or versionless, of a key vault or managed HSM key. */
const KEY_URI = /^https:\/\/[^/]+\/keys\/[^/]+(\/[^/]+)?\/?$/;

/**
 * Checks `cmk` for the resource `scope` (a `what`, e.g. 'storage account'), grants the identity the key and
 * orders every resource of `scope` after that grant. Returns the grant, if one was made. Internal.
 */
export function applyCustomerManagedKey(scope: IConstruct, cmk: CustomerManagedKey, what: string): RoleAssignment | undefined {
  checkCustomerManagedKey(scope, cmk, what);
  if (cmk.grantKeyAccess === false) return undefined;
  // Least privilege: get, wrapKey and unwrapKey on keys, all a service needs to encrypt with a CMK.
  const grant = cmk.keyVault.grant(cmk.identity, BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER);
  // Azure checks the key when the resource is created: the grant must exist first.
  addDependencies(scope, [grant]);
  return grant;
}

/** The checks of `applyCustomerManagedKey`, without the grant. Internal. */
export function checkCustomerManagedKey(scope: IConstruct, cmk: CustomerManagedKey, what: string): void {
  if (!cmk.keyVault) {
    throw new ValidationError(scope, `the ${what}'s customerManagedKey has no keyVault; pass the vault holding the key.`);
  }
  if (!cmk.identity) {
    throw new ValidationError(scope, `the ${what}'s customerManagedKey has no identity; pass the user-assigned identity `
      + 'that reaches the key (UserAssignedIdentityRef.fromResource(...)).');
  }
  if (cmk.keyVault.purgeProtectionEnabled === false) {
    throw new ValidationError(scope, `key vault '${cmk.keyVault.node.path}' has purge protection disabled, but it holds `
      + `the customer-managed key of this ${what}; Azure requires purge protection for CMK. Enable purge protection on the `
      + 'vault, or use another vault.');
  }
  checkPattern(scope, `customer-managed key ID of the ${what}`, cmk.keyId, KEY_URI,
    'it must be a key URI, https://<vault>.vault.azure.net/keys/<name> (versionless: automatic rotation) or .../keys/<name>/<version>',
    'Pass the versionless_id (or id) of an azurerm_key_vault_key.');
  if (isResolved(cmk.identity.identityId) && cmk.identity.identityId === '') {
    throw new ValidationError(scope, `the ${what}'s customerManagedKey identity has an empty identityId; pass the ARM ID of the `
      + 'user-assigned identity.');
  }
}

import { IKeyVault } from './key-vault-base';
import { IUserAssignedIdentity } from '../core/identity';

/** A customer-managed key (CMK) that encrypts a resource, reached through a user-assigned identity. */
export interface CustomerManagedKey {
  /** Vault holding the key. It must have purge protection (and soft delete, always on). */
  readonly keyVault: IKeyVault;
  /**
   * Key URI: versionless (`https://<vault>.vault.azure.net/keys/<name>`), so the resource follows new key
   * versions (automatic rotation), or versioned (`.../keys/<name>/<version>`), pinned until you change it.
   * RSA or RSA-HSM keys only. A Terraform reference (`azurerm_key_vault_key.versionless_id`) is taken as is.
   */
  readonly keyId: string;
  /**
   * User-assigned identity the resource reaches the key with. It is attached to the resource and granted
   * Key Vault Crypto Service Encryption User on the vault, and the resource is created after that grant.
   */
  readonly identity: IUserAssignedIdentity;
  /**
   * Grant the identity Key Vault Crypto Service Encryption User on the vault (and order the resource after
   * the grant). Turn it off when the role is granted outside this app; the resource then must be created
   * after that grant.
   * @default true
   */
  readonly grantKeyAccess?: boolean;
}

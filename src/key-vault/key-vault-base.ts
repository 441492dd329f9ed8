import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct, IConstruct } from 'constructs';
import { normalizeResourceId } from '../core/arm-id';
import { BuiltInRole, grantRole, IGrantee } from '../core/grants';
import { importedName } from '../core/imported-name';
import { PrivateEndpoint, TargetPrivateEndpointOptions } from '../network/private-endpoint';
import { PrivateEndpointSubResource } from '../network/sub-resource';
import { addPrivateEndpoints } from '../network/target-endpoints';

/** A key vault: created by this library or an existing one. */
export interface IKeyVault extends IConstruct {
  /** ARM ID of the vault. */
  readonly keyVaultId: string;
  /** Name of the vault. */
  readonly keyVaultName: string;
  /** Whether purge protection is on, when known at synth time (CMK requires it). */
  readonly purgeProtectionEnabled?: boolean;
  /**
   * Whether it accepts traffic from every network (public access on, firewall default action Allow),
   * when known at synth time. A private workspace refuses dependencies known to be open.
   */
  readonly openToAllNetworks?: boolean;
  /** Grants a role on this vault (RBAC authorization). */
  grant(grantee: IGrantee, role: BuiltInRole): RoleAssignment;
  /** Grants Key Vault Secrets User. */
  grantSecretsRead(grantee: IGrantee): RoleAssignment;
  /**
   * Adds private endpoints to this key vault, one per sub-resource (`vault`), with their private DNS.
   * Construct IDs are `PrivateEndpoint-<sub-resource>` under this construct.
   */
  addPrivateEndpoint(options: TargetPrivateEndpointOptions): PrivateEndpoint[];
}

/** Grant methods shared by created and imported vaults. */
export abstract class KeyVaultBase extends Construct implements IKeyVault {
  public abstract readonly keyVaultId: string;
  public abstract readonly keyVaultName: string;
  public abstract readonly purgeProtectionEnabled?: boolean;
  public abstract readonly openToAllNetworks?: boolean;

  public grant(grantee: IGrantee, role: BuiltInRole): RoleAssignment {
    return grantRole(this, grantee, role, this.keyVaultId);
  }

  public grantSecretsRead(grantee: IGrantee): RoleAssignment {
    return this.grant(grantee, BuiltInRole.KEY_VAULT_SECRETS_USER);
  }

  public addPrivateEndpoint(options: TargetPrivateEndpointOptions): PrivateEndpoint[] {
    const S = PrivateEndpointSubResource;
    return addPrivateEndpoints(this, { what: 'key vault', resourceId: this.keyVaultId, allowed: [S.VAULT], defaults: [S.VAULT] }, options);
  }
}

/** What is known of an existing key vault. */
export interface KeyVaultAttributes {
  /** ARM ID of the vault. */
  readonly keyVaultId: string;
  /** Whether purge protection is on. @default - unknown: the CMK check is skipped */
  readonly purgeProtectionEnabled?: boolean;
  /**
   * Whether it accepts traffic from every network (public access on, firewall default action Allow).
   * @default - unknown: a private workspace cannot check it
   */
  readonly openToAllNetworks?: boolean;
}

/** A vault created elsewhere. Internal: use `KeyVault.fromKeyVaultId`. */
export class ImportedKeyVault extends KeyVaultBase {
  public readonly keyVaultId: string;
  public readonly keyVaultName: string;
  public readonly purgeProtectionEnabled?: boolean;
  public readonly openToAllNetworks?: boolean;

  constructor(scope: Construct, id: string, attrs: KeyVaultAttributes, keyVaultName?: string) {
    super(scope, id);
    this.openToAllNetworks = attrs.openToAllNetworks;
    const parsed = importedName(this, attrs.keyVaultId, 'Microsoft.KeyVault/vaults', 'key vault');
    this.keyVaultName = keyVaultName ?? parsed;
    this.keyVaultId = normalizeResourceId(attrs.keyVaultId, 'Microsoft.KeyVault/vaults');
    this.purgeProtectionEnabled = attrs.purgeProtectionEnabled;
  }
}

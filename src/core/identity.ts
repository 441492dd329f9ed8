import { DataAzurermUserAssignedIdentity } from '@cdktf/provider-azurerm/lib/data-azurerm-user-assigned-identity';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { IGrantee, pathKey, PrincipalType } from './grants';

/** A user-assigned managed identity: attachable to workspaces and compute, and a grantee. */
export interface IUserAssignedIdentity extends IGrantee {
  /** ARM ID of the identity. */
  readonly identityId: string;
  /** Client (application) ID of the identity. */
  readonly clientId: string;
}

/** Attributes of an existing user-assigned identity. */
export interface UserAssignedIdentityAttributes {
  /** ARM ID of the identity. */
  readonly identityId: string;
  /** Object (principal) ID of the identity. */
  readonly principalId: string;
  /**
   * Client ID of the identity.
   * @default - unknown; only needed by features that authenticate as the identity
   */
  readonly clientId?: string;
  /** Stable key naming this identity in role-assignment construct IDs, e.g. `training-identity`. */
  readonly key: string;
}

/** Ways to refer to a user-assigned identity. */
export class UserAssignedIdentityRef {
  /** An `azurerm_user_assigned_identity` managed in this app; keyed on its construct path below the stack. */
  public static fromResource(identity: UserAssignedIdentity): IUserAssignedIdentity {
    return UserAssignedIdentityRef.fromAttributes({
      identityId: identity.id,
      principalId: identity.principalId,
      clientId: identity.clientId,
      key: pathKey(identity),
    });
  }

  /** An `azurerm_user_assigned_identity` data source. */
  public static fromDataSource(identity: DataAzurermUserAssignedIdentity): IUserAssignedIdentity {
    return UserAssignedIdentityRef.fromAttributes({
      identityId: identity.id,
      principalId: identity.principalId,
      clientId: identity.clientId,
      key: pathKey(identity),
    });
  }

  /** An identity by its attributes. */
  public static fromAttributes(attrs: UserAssignedIdentityAttributes): IUserAssignedIdentity {
    return {
      identityId: attrs.identityId,
      principalId: attrs.principalId,
      clientId: attrs.clientId ?? '',
      granteeKey: attrs.key,
      principalType: PrincipalType.SERVICE_PRINCIPAL,
      isManagedIdentity: true,
    };
  }

  private constructor() {}
}

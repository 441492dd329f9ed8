import { IUserAssignedIdentity } from '../core/identity';

/**
 * The managed identity of a compute cluster or instance: what jobs and notebooks on it
 * authenticate as when they reach storage, registries and key vaults.
 */
export class ComputeIdentity {
  /** A system-assigned identity, created and deleted with the compute. */
  public static systemAssigned(): ComputeIdentity {
    return new ComputeIdentity(true, []);
  }

  /**
   * One or more user-assigned identities. Their role assignments can be made before the compute
   * exists and survive its replacement.
   */
  public static userAssigned(...identities: IUserAssignedIdentity[]): ComputeIdentity {
    return new ComputeIdentity(false, identities);
  }

  /** A system-assigned identity and one or more user-assigned identities. */
  public static systemAndUserAssigned(...identities: IUserAssignedIdentity[]): ComputeIdentity {
    return new ComputeIdentity(true, identities);
  }

  private constructor(
    /** Whether the compute has a system-assigned identity. */
    public readonly systemAssignedEnabled: boolean,
    /** The user-assigned identities. */
    public readonly userAssignedIdentities: IUserAssignedIdentity[],
  ) {}

  /** The identity type as azurerm and azapi spell it: `SystemAssigned`, `UserAssigned` or `SystemAssigned, UserAssigned`. */
  public get type(): string {
    if (!this.systemAssignedEnabled) return 'UserAssigned';
    return this.userAssignedIdentities.length > 0 ? 'SystemAssigned, UserAssigned' : 'SystemAssigned';
  }

  /** ARM IDs of the user-assigned identities. */
  public get identityIds(): string[] {
    return this.userAssignedIdentities.map(i => i.identityId);
  }
}

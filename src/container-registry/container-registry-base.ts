import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { normalizeResourceId } from '../core/arm-id';
import { BuiltInRole, grantRole, IGrantee } from '../core/grants';
import { importedName } from '../core/imported-name';
import { ValidationError } from '../core/validation';
import { PrivateEndpoint, TargetPrivateEndpointOptions } from '../network/private-endpoint';
import { PrivateEndpointSubResource } from '../network/sub-resource';
import { addPrivateEndpoints } from '../network/target-endpoints';

/** A container registry: created by this library or an existing one. */
export interface IContainerRegistry extends IConstruct {
  /** ARM ID of the registry. */
  readonly containerRegistryId: string;
  /** Name of the registry. */
  readonly containerRegistryName: string;
  /** Login server, e.g. `<name>.azurecr.io`. */
  readonly loginServer: string;
  /**
   * Whether it accepts traffic from every network (public access on, firewall default action Allow),
   * when known at synth time. A private workspace refuses dependencies known to be open.
   */
  readonly openToAllNetworks?: boolean;
  /** Service tier (`Basic`, `Standard`, `Premium`), when known at synth time; private endpoints need Premium. */
  readonly sku?: string;
  /** Grants a role on this registry. */
  grant(grantee: IGrantee, role: BuiltInRole): RoleAssignment;
  /** Grants AcrPull. */
  grantPull(grantee: IGrantee): RoleAssignment;
  /** Grants AcrPush. */
  grantPush(grantee: IGrantee): RoleAssignment;
  /**
   * Adds private endpoints to this registry (Premium only), one per sub-resource (`registry`), with their private DNS.
   * Construct IDs are `PrivateEndpoint-<sub-resource>` under this construct.
   */
  addPrivateEndpoint(options: TargetPrivateEndpointOptions): PrivateEndpoint[];
}

/** Grant methods shared by created and imported registries. */
export abstract class ContainerRegistryBase extends Construct implements IContainerRegistry {
  public abstract readonly containerRegistryId: string;
  public abstract readonly containerRegistryName: string;
  public abstract readonly loginServer: string;
  public abstract readonly openToAllNetworks?: boolean;
  public abstract readonly sku?: string;

  public grant(grantee: IGrantee, role: BuiltInRole): RoleAssignment {
    return grantRole(this, grantee, role, this.containerRegistryId);
  }

  public grantPull(grantee: IGrantee): RoleAssignment {
    return this.grant(grantee, BuiltInRole.ACR_PULL);
  }

  public grantPush(grantee: IGrantee): RoleAssignment {
    return this.grant(grantee, BuiltInRole.ACR_PUSH);
  }

  public addPrivateEndpoint(options: TargetPrivateEndpointOptions): PrivateEndpoint[] {
    if (this.sku !== undefined && !Token.isUnresolved(this.sku) && this.sku !== 'Premium') {
      throw new ValidationError(this, `container registry sku '${this.sku}' has no private endpoints; only Premium registries `
        + 'do. Use ContainerRegistrySku.PREMIUM (changing the sku is an in-place update).');
    }
    const S = PrivateEndpointSubResource;
    return addPrivateEndpoints(this, { what: 'container registry', resourceId: this.containerRegistryId, allowed: [S.REGISTRY], defaults: [S.REGISTRY] }, options);
  }
}

/** What is known of an existing container registry. */
export interface ContainerRegistryAttributes {
  /** ARM ID of the registry. */
  readonly containerRegistryId: string;
  /** Login server. @default - `<name>.azurecr.io` (Azure public cloud) */
  readonly loginServer?: string;
  /**
   * Whether it accepts traffic from every network (public access on, firewall default action Allow).
   * @default - unknown: a private workspace cannot check it
   */
  readonly openToAllNetworks?: boolean;
  /**
   * Service tier (`Basic`, `Standard`, `Premium`).
   * @default - unknown: private endpoints are allowed (Azure refuses them on other tiers)
   */
  readonly sku?: string;
}

/** A registry created elsewhere. Internal: use `ContainerRegistry.fromContainerRegistryId`. */
export class ImportedContainerRegistry extends ContainerRegistryBase {
  public readonly containerRegistryId: string;
  public readonly containerRegistryName: string;
  public readonly loginServer: string;
  public readonly openToAllNetworks?: boolean;
  public readonly sku?: string;

  constructor(scope: Construct, id: string, attrs: ContainerRegistryAttributes, containerRegistryName?: string) {
    super(scope, id);
    this.openToAllNetworks = attrs.openToAllNetworks;
    this.sku = attrs.sku;
    const name = containerRegistryName
      ?? importedName(this, attrs.containerRegistryId, 'Microsoft.ContainerRegistry/registries', 'container registry');
    this.containerRegistryId = normalizeResourceId(attrs.containerRegistryId, 'Microsoft.ContainerRegistry/registries');
    this.containerRegistryName = name;
    this.loginServer = attrs.loginServer ?? `${name}.azurecr.io`;
  }
}

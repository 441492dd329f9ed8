import { createHash } from 'crypto';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { DnsZoneRequest, stableKey } from './internal';
import { isResourceIdOfType, parseResourceId } from '../core/arm-id';
import { addDependencies } from '../core/dependencies';
import { checkResourceGroup, IResourceGroup } from '../core/resource-group';
import { ValidationError } from '../core/validation';

/** Construct ID of the stack-wide zone set endpoints share when none is given. */
const SHARED_ZONES_ID = 'PrivateDnsZones';

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/** Properties of a PrivateDnsZones set. */
export interface PrivateDnsZonesProps {
  /** Resource group of the zones and their virtual-network links. Replace-forcing. */
  readonly resourceGroup: IResourceGroup;
  /**
   * More virtual networks (ARM IDs) to link every zone to, e.g. a hub network whose DNS resolver
   * answers for the spokes. The network of each endpoint's subnet is linked automatically.
   * @default - only the networks of the endpoints' subnets
   */
  readonly virtualNetworkIds?: string[];
  /**
   * Tags of the zones and links.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * Private DNS zones created by the library (`azurerm_private_dns_zone`), each created once and
 * linked to every virtual network that has an endpoint using it (`azurerm_private_dns_zone_virtual_network_link`).
 * Endpoints created with `PrivateDns.createZones()` share one set per stack unless given their own.
 */
export class PrivateDnsZones extends Construct {
  /**
   * The stack's shared zone set (construct `PrivateDnsZones` at the stack root), created in
   * `resourceGroup` on first use.
   */
  public static sharedBy(scope: IConstruct, resourceGroup: IResourceGroup): PrivateDnsZones {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(SHARED_ZONES_ID);
    return (existing as PrivateDnsZones | undefined) ?? new PrivateDnsZones(stack, SHARED_ZONES_ID, { resourceGroup });
  }

  /** Resource group name of the zones. */
  public readonly resourceGroupName: string;
  private readonly tags?: { [key: string]: string };
  private readonly zones = new Map<string, PrivateDnsZone>();
  private readonly networks = new Map<string, string>();

  constructor(scope: Construct, id: string, props: PrivateDnsZonesProps) {
    super(scope, id);
    checkResourceGroup(this, props.resourceGroup);
    this.resourceGroupName = props.resourceGroup.name;
    this.tags = props.tags;
    for (const vnet of props.virtualNetworkIds ?? []) this.linkVirtualNetwork(vnet);
  }

  /**
   * Orders this construct after other resources: every Terraform resource it emits (including ones added to it
   * later) gets `depends_on` on each dependable. Use it when Terraform cannot see the order from references, e.g. a
   * role assignment or a private endpoint that must exist first. Data sources are not delayed.
   * @param dependables Terraform resources, data sources or modules, or constructs (then every resource they emit),
   * in the same stack
   */
  public addDependency(...dependables: IConstruct[]): void {
    addDependencies(this, dependables);
  }

  /** Names of the zones created so far, sorted. */
  public get zoneNames(): string[] {
    return [...this.zones.keys()].sort();
  }

  /** The ID of the zone with this name, creating the zone (and its links) on first use. */
  public zoneId(zoneName: string): string {
    let zone = this.zones.get(zoneName);
    if (!zone) {
      // The zone name is the construct ID: stable whatever order endpoints are added in.
      zone = new PrivateDnsZone(this, zoneName, { name: zoneName, resourceGroupName: this.resourceGroupName, tags: this.tags });
      this.zones.set(zoneName, zone);
      for (const [key, vnet] of this.networks) this.link(zone, key, vnet);
    }
    return zone.id;
  }

  /** Links every zone of the set, now and later, to a virtual network (once per network). */
  public linkVirtualNetwork(virtualNetworkId: string): void {
    if (!Token.isUnresolved(virtualNetworkId) && !isResourceIdOfType(virtualNetworkId, 'Microsoft.Network/virtualNetworks')) {
      throw new ValidationError(this, `'${virtualNetworkId}' is not a virtual network ID; expected /subscriptions/<sub>/`
        + 'resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<name>.');
    }
    const key = stableKey(this, virtualNetworkId);
    if (this.networks.has(key)) return;
    this.networks.set(key, virtualNetworkId);
    for (const zone of this.zones.values()) this.link(zone, key, virtualNetworkId);
  }

  private link(zone: PrivateDnsZone, key: string, virtualNetworkId: string): void {
    const vnetName = parseResourceId(virtualNetworkId)!.name;
    new PrivateDnsZoneVirtualNetworkLink(zone, `Link-${shortHash(key)}`, {
      name: Token.isUnresolved(vnetName) ? `${vnetName}-link` : `${vnetName.slice(0, 60)}-link`,
      resourceGroupName: this.resourceGroupName,
      privateDnsZoneName: zone.name,
      virtualNetworkId,
      registrationEnabled: false,
      tags: this.tags,
    });
  }
}

/** Options of `PrivateDns.createZones()`. */
export interface CreatedPrivateDnsZonesOptions {
  /**
   * The zone set to use.
   * @default - the stack's shared set (`PrivateDnsZones` at the stack root), in the resource group of the first endpoint that uses it
   */
  readonly zones?: PrivateDnsZones;
}

/**
 * How a private endpoint's DNS records are managed. Chosen per workspace or per endpoint;
 * switching between modes updates the endpoint in place (its zone group), never replaces it.
 */
export class PrivateDns {
  /**
   * The library creates the private DNS zones each endpoint needs, once per stack (or per given
   * set), links them to the endpoint's virtual network, and adds a zone group to the endpoint.
   */
  public static createZones(options: CreatedPrivateDnsZonesOptions = {}): PrivateDns {
    return new PrivateDns('create', options.zones, []);
  }

  /**
   * Existing zones by ARM ID (hub-and-spoke: a connectivity team owns the zones, possibly in
   * another subscription). Each endpoint's zone group gets the zones whose names fit its
   * sub-resource; a known zone that fits none of the requested sub-resources is an error.
   * A zone ID that is a Terraform reference cannot be matched by name and goes into every zone
   * group: use `existingZonesByName` when references serve different sub-resources.
   */
  public static existingZones(zoneIds: string[]): PrivateDns {
    return new PrivateDns('existing', undefined, zoneIds.map(id => ({ id, name: undefined })));
  }

  /** Existing zones keyed by zone name, for zone IDs that are Terraform references. */
  public static existingZonesByName(zoneIdsByName: { [zoneName: string]: string }): PrivateDns {
    return new PrivateDns('existing', undefined,
      Object.keys(zoneIdsByName).sort().map(name => ({ id: zoneIdsByName[name], name })));
  }

  /**
   * Zones managed by Azure Policy (a DeployIfNotExists policy adds the zone group after the
   * endpoint is created): no zone group is emitted, and `private_dns_zone_group` is in the
   * endpoint's `lifecycle.ignore_changes` so the next plan does not remove the policy's.
   */
  public static policyManaged(): PrivateDns {
    return new PrivateDns('policy', undefined, []);
  }

  private constructor(
    /** `create`, `existing` or `policy`. */
    public readonly mode: string,
    private readonly zoneSet: PrivateDnsZones | undefined,
    private readonly existing: Array<{ id: string; name: string | undefined }>,
  ) {}

  /**
   * The zone IDs of an endpoint's zone group, or undefined when no zone group is emitted (policy).
   * Internal: called by PrivateEndpoint.
   * @internal
   */
  public _zoneIdsFor(scope: IConstruct, request: DnsZoneRequest): string[] | undefined {
    const wanted = request.subResource.zoneNames(request.cloud);
    if (this.mode === 'policy') return undefined;
    if (this.mode === 'create') {
      const set = this.zoneSet ?? PrivateDnsZones.sharedBy(scope, request.resourceGroup);
      set.linkVirtualNetwork(request.virtualNetworkId);
      return wanted.map(name => set.zoneId(name));
    }
    const known = this.existing.map(z => ({ id: z.id, name: z.name ?? this.nameOf(scope, z.id) }));
    const siblingZones = new Set(request.siblings.flatMap(s => s.zoneNames(request.cloud)));
    for (const z of known) {
      if (z.name !== undefined && !siblingZones.has(z.name)) {
        throw new ValidationError(scope, `private DNS zone '${z.name}' (${z.id}) does not fit sub-resource `
          + `${request.siblings.map(s => `'${s.groupId}'`).join(', ')} in ${request.cloud.name}: expected `
          + `${[...siblingZones].join(', ')}. Pass the zone(s) of the sub-resource, or check the cloud (AzureCloud).`);
      }
    }
    const ids = known.filter(z => z.name === undefined || wanted.includes(z.name)).map(z => z.id);
    const anyReference = known.some(z => z.name === undefined);
    const missing = wanted.filter(w => !known.some(z => z.name === w));
    if (!anyReference && missing.length > 0) {
      throw new ValidationError(scope, `no private DNS zone given for sub-resource '${request.subResource.groupId}': missing `
        + `${missing.join(', ')}. Add the zone ID(s) to PrivateDns.existingZones(...), or use PrivateDns.createZones().`);
    }
    return ids;
  }

  private nameOf(scope: IConstruct, zoneId: string): string | undefined {
    if (Token.isUnresolved(zoneId)) return undefined;
    if (!isResourceIdOfType(zoneId, 'Microsoft.Network/privateDnsZones')) {
      throw new ValidationError(scope, `'${zoneId}' is not a private DNS zone ID; expected /subscriptions/<sub>/resourceGroups/`
        + '<rg>/providers/Microsoft.Network/privateDnsZones/<zone name>.');
    }
    return parseResourceId(zoneId)!.name.toLowerCase();
  }
}

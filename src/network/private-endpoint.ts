import { PrivateEndpoint as AzurermPrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AzureCloud } from './cloud';
import { requestedTogether, stableKey } from './internal';
import { PrivateDns } from './private-dns';
import { PrivateEndpointSubResource } from './sub-resource';
import { ISubnet } from './subnet';
import { isResourceIdOfType, parseResourceId } from '../core/arm-id';
import { addDependencies } from '../core/dependencies';
import { NameRule, resolvePhysicalName } from '../core/naming';
import { checkResourceGroup, IResourceGroup } from '../core/resource-group';
import { ValidationError } from '../core/validation';

/** Naming rule of `azurerm_private_endpoint` (Microsoft.Network/privateEndpoints). */
const PRIVATE_ENDPOINT_NAME: NameRule = {
  resourceType: 'private endpoint',
  pattern: /^[a-zA-Z0-9]([a-zA-Z0-9._-]{0,78}[a-zA-Z0-9_])?$/,
  description: '1-80 letters, digits, underscores, periods and hyphens, starting with a letter or digit and ending with a letter, digit or underscore',
  minLength: 1,
  maxLength: 80,
  separator: '-',
  lowercase: true,
};

/** Where and how private endpoints of one target are created: everything but the target. */
export interface PrivateEndpointOptions {
  /** Subnet the endpoint's network interface is placed in. Replace-forcing. */
  readonly subnet: ISubnet;
  /**
   * How DNS records are managed.
   * @default PrivateDns.createZones() - zones created once per stack and linked to the subnet's network
   */
  readonly dns?: PrivateDns;
  /**
   * Resource group of the endpoint. Replace-forcing.
   * @default - the target's resource group (read from its ID)
   */
  readonly resourceGroup?: IResourceGroup;
  /**
   * Azure region: the region of the subnet's virtual network. Replace-forcing.
   * @default - the subnet's location; an error when it is unknown
   */
  readonly location?: string;
  /**
   * Azure cloud, which decides the private DNS zone names.
   * @default AzureCloud.PUBLIC
   */
  readonly cloud?: AzureCloud;
  /**
   * Tags of the endpoint.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Options of `addPrivateEndpoint(...)` on a storage account, key vault, registry or workspace. */
export interface TargetPrivateEndpointOptions extends PrivateEndpointOptions {
  /**
   * Sub-resources to reach; one endpoint is created per sub-resource (construct
   * `PrivateEndpoint-<groupId>` under the target, so adding one later leaves the others in place).
   * @default - the target's usual ones: storage `blob` and `file`; key vault `vault`; registry `registry`; workspace `amlworkspace`
   */
  readonly subResources?: PrivateEndpointSubResource[];
}

/** Properties of a PrivateEndpoint. */
export interface PrivateEndpointProps extends PrivateEndpointOptions {
  /** ARM ID of the resource to reach. Replace-forcing. */
  readonly targetResourceId: string;
  /** The sub-resource (group ID) of the target. Replace-forcing. */
  readonly subResource: PrivateEndpointSubResource;
  /**
   * Name of the endpoint. Replace-forcing.
   * @default - generated from the construct path
   */
  readonly name?: string;
}


/** Endpoints of a stack by target and sub-resource, to refuse duplicates. */
const ENDPOINTS = new WeakMap<TerraformStack, Map<string, string>>();

/**
 * A private endpoint (`azurerm_private_endpoint`) to one sub-resource of any Azure resource,
 * with its DNS (`PrivateDns`): the one mechanism behind `addPrivateEndpoint` on storage
 * accounts, key vaults, registries and workspaces, usable on its own for any other target.
 * Always an automatic (not manual) connection.
 */
export class PrivateEndpoint extends Construct {
  /** The `azurerm_private_endpoint` (escape hatch). */
  public readonly resource: AzurermPrivateEndpoint;
  /** The sub-resource the endpoint reaches. */
  public readonly subResource: PrivateEndpointSubResource;
  /** ARM ID of the resource the endpoint reaches. */
  public readonly targetResourceId: string;
  /** The DNS mode of the endpoint. */
  public readonly dns: PrivateDns;
  /** The private DNS zone IDs in the endpoint's zone group (empty when Azure Policy manages the zones). */
  public readonly privateDnsZoneIds: string[];

  constructor(scope: Construct, id: string, props: PrivateEndpointProps) {
    super(scope, id);
    this.checkTarget(props.targetResourceId, props.subResource);
    this.registerUnique(props.targetResourceId, props.subResource);
    const location = props.location ?? props.subnet.location;
    if (location === undefined) {
      throw new ValidationError(this, 'the private endpoint has no location: the subnet was given without its region. Pass '
        + '`location` (the virtual network\'s region), or give it to the subnet (Subnet.fromSubnetId(scope, id, subnetId, location)).');
    }
    if (props.resourceGroup) checkResourceGroup(this, props.resourceGroup);
    const resourceGroup = props.resourceGroup ?? { name: parseResourceId(props.targetResourceId)!.resourceGroupName };
    const name = resolvePhysicalName(this, PRIVATE_ENDPOINT_NAME, props.name);
    const cloud = props.cloud ?? AzureCloud.PUBLIC;
    const dns = props.dns ?? PrivateDns.createZones();
    const zoneIds = dns._zoneIdsFor(this, {
      subResource: props.subResource,
      cloud,
      virtualNetworkId: props.subnet.virtualNetworkId,
      resourceGroup,
      siblings: requestedTogether() ?? [props.subResource],
    });

    this.resource = new AzurermPrivateEndpoint(this, 'Resource', {
      name,
      location,
      resourceGroupName: resourceGroup.name,
      subnetId: props.subnet.subnetId,
      privateServiceConnection: {
        name,
        privateConnectionResourceId: props.targetResourceId,
        subresourceNames: [props.subResource.groupId],
        isManualConnection: false,
      },
      // A fixed zone-group name: switching between created and existing zones updates it in place.
      privateDnsZoneGroup: zoneIds ? { name: 'default', privateDnsZoneIds: zoneIds } : undefined,
      // With policy-managed zones the policy adds the zone group after apply; do not plan its removal.
      lifecycle: zoneIds ? undefined : { ignoreChanges: ['private_dns_zone_group'] },
      tags: props.tags,
    });
    this.node.defaultChild = this.resource;
    this.subResource = props.subResource;
    this.targetResourceId = props.targetResourceId;
    this.dns = dns;
    this.privateDnsZoneIds = zoneIds ?? [];
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

  private checkTarget(targetId: string, sub: PrivateEndpointSubResource): void {
    if (Token.isUnresolved(targetId)) return;
    if (!parseResourceId(targetId)) {
      throw new ValidationError(this, `private endpoint target '${targetId}' is not an ARM resource ID; pass the \`id\` of the `
        + 'resource to reach.');
    }
    if (sub.targetType && !isResourceIdOfType(targetId, sub.targetType)) {
      throw new ValidationError(this, `sub-resource '${sub.groupId}' belongs to ${sub.targetType}, but the target '${targetId}' `
        + 'is another type of resource. Pick the sub-resource of the target (PrivateEndpointSubResource.*), or '
        + 'PrivateEndpointSubResource.of(groupId, zoneNames) for other targets.');
    }
  }

  private registerUnique(targetId: string, sub: PrivateEndpointSubResource): void {
    const stack = TerraformStack.of(this);
    let seen = ENDPOINTS.get(stack);
    if (!seen) ENDPOINTS.set(stack, (seen = new Map()));
    const key = `${stableKey(this, targetId)}|${sub.groupId.toLowerCase()}`;
    const other = seen.get(key);
    if (other !== undefined) {
      throw new ValidationError(this, `a private endpoint for sub-resource '${sub.groupId}' of this target already exists `
        + `(${other}). One endpoint per target and sub-resource is enough; remove this one or reuse the other.`);
    }
    seen.set(key, this.node.path);
  }
}


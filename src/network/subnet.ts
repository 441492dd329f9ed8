import { Subnet as AzurermSubnet } from '@cdktf/provider-azurerm/lib/subnet';
import { Fn, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { isResourceIdOfType } from '../core/arm-id';
import { ValidationError } from '../core/validation';

/**
 * A subnet of the user's virtual network that private endpoints are placed in. The library never
 * creates the network: pass a subnet by ID (`Subnet.fromSubnetId`) or from an azurerm L1
 * (`Subnet.fromResource`).
 */
export interface ISubnet extends IConstruct {
  /** ARM ID of the subnet. */
  readonly subnetId: string;
  /** ARM ID of the subnet's virtual network (private DNS zones created by the library are linked to it). */
  readonly virtualNetworkId: string;
  /**
   * Azure region of the virtual network, when known; private endpoints in the subnet default to it.
   */
  readonly location?: string;
}

const SUBNET_TYPE = 'Microsoft.Network/virtualNetworks/subnets';

/** Ways to refer to the subnet of a private endpoint. */
export class Subnet extends Construct implements ISubnet {
  /**
   * A subnet by ARM ID (`/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<name>`).
   * @param location the virtual network's region; endpoints default to it
   */
  public static fromSubnetId(scope: Construct, id: string, subnetId: string, location?: string): ISubnet {
    return new Subnet(scope, id, subnetId, location);
  }

  /**
   * An `azurerm_subnet` managed in this app.
   * @param location the virtual network's region (e.g. the `location` of its `azurerm_virtual_network`); endpoints default to it
   */
  public static fromResource(scope: Construct, id: string, subnet: AzurermSubnet, location?: string): ISubnet {
    return new Subnet(scope, id, subnet.id, location);
  }

  public readonly subnetId: string;
  public readonly virtualNetworkId: string;
  public readonly location?: string;

  private constructor(scope: Construct, id: string, subnetId: string, location?: string) {
    super(scope, id);
    if (!Token.isUnresolved(subnetId) && !isResourceIdOfType(subnetId, SUBNET_TYPE)) {
      throw new ValidationError(this, `'${subnetId}' is not a subnet ID; expected /subscriptions/<sub>/resourceGroups/<rg>`
        + '/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet> (the `id` of an azurerm_subnet).');
    }
    this.subnetId = subnetId;
    this.location = location;
    // The network is the subnet ID without its last two segments (a Terraform expression for references).
    this.virtualNetworkId = Token.isUnresolved(subnetId)
      ? Fn.replace(subnetId, '//subnets/[^/]+$/', '')
      : subnetId.replace(/\/subnets\/[^/]+$/i, '');
  }
}

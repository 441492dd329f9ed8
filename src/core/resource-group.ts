import { DataAzurermResourceGroup } from '@cdktf/provider-azurerm/lib/data-azurerm-resource-group';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Token } from 'cdktf';
import { parseResourceId } from './arm-id';

/**
 * A resource group that constructs deploy into. Created elsewhere (in this stack or
 * another) and passed in; the library never creates resource groups.
 */
export interface IResourceGroup {
  /** Name of the resource group. */
  readonly name: string;
  /**
   * Azure region of the resource group; constructs use it when no `location` is given.
   * @default - unknown: constructs then need an explicit `location`
   */
  readonly location?: string;
  /**
   * ARM ID of the resource group.
   * @default - unknown
   */
  readonly id?: string;
}

/** Ways to refer to an existing resource group. */
export class ResourceGroupRef {
  /** A resource group by name (and optionally region). */
  public static fromName(name: string, location?: string): IResourceGroup {
    return { name, location };
  }

  /**
   * A resource group by ARM ID, e.g. `/subscriptions/<sub>/resourceGroups/<name>`.
   * The name is read from the ID (as a Terraform expression when the ID is a reference).
   */
  public static fromId(id: string, location?: string): IResourceGroup {
    const name = Token.isUnresolved(id)
      ? parseResourceId(id)!.resourceGroupName
      : ResourceGroupRef.nameFromLiteralId(id);
    return { id, name, location };
  }

  /** An `azurerm_resource_group` managed in this app. */
  public static fromResource(resourceGroup: ResourceGroup): IResourceGroup {
    return { id: resourceGroup.id, name: resourceGroup.name, location: resourceGroup.location };
  }

  /** An `azurerm_resource_group` data source. */
  public static fromDataSource(resourceGroup: DataAzurermResourceGroup): IResourceGroup {
    return { id: resourceGroup.id, name: resourceGroup.name, location: resourceGroup.location };
  }

  private static nameFromLiteralId(id: string): string {
    const match = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/?$/i.exec(id);
    if (!match) {
      throw new Error(`'${id}' is not a resource group ID; expected /subscriptions/<subscription>/resourceGroups/<name>.`);
    }
    return match[1];
  }

  private constructor() {}
}

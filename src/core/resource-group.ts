import { DataAzurermResourceGroup } from '@cdktf/provider-azurerm/lib/data-azurerm-resource-group';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { parseResourceId } from './arm-id';
import { ValidationError } from './validation';

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

/** Resource groups from `ResourceGroupRef.fromId` whose literal ID is not a resource group ID. */
const malformed = new WeakSet<IResourceGroup>();

/**
 * Refuses a resource group given by a malformed ID (`ResourceGroupRef.fromId('rg-ml')`), naming the construct
 * that uses it. Internal: not exported from the package index.
 */
export function checkResourceGroup(scope: IConstruct, resourceGroup: IResourceGroup): void {
  if (!malformed.has(resourceGroup)) return;
  const id = resourceGroup.id!;
  const asName = /^[-\w._()]+$/.test(id) ? ` For a resource group given by name, use ResourceGroupRef.fromName('${id}', location).` : '';
  throw new ValidationError(scope, `resourceGroup ID '${id}' is not a resource group ID: it must be `
    + `/subscriptions/<subscription>/resourceGroups/<name>. Pass the full ID (e.g. an azurerm_resource_group's id).${asName}`);
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
    const ref = { id, name, location };
    if (!Token.isUnresolved(id) && name === id) malformed.add(ref);
    return ref;
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
    // A malformed ID is reported by the construct that uses the resource group (`checkResourceGroup`), with its path.
    return match ? match[1] : id;
  }

  private constructor() {}
}

import { Fn, Token } from 'cdktf';

/** The parts of an Azure Resource Manager resource ID. */
export interface ResourceIdParts {
  /** Subscription ID. */
  readonly subscriptionId: string;
  /** Resource group name. */
  readonly resourceGroupName: string;
  /** Name of the resource: the last segment of the ID. */
  readonly name: string;
}

const ID_PATTERN = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/[^/]+(\/[^/]+\/[^/]+)+$/i;

/**
 * Reads the subscription, resource group and name of an ARM resource ID.
 *
 * Known IDs are parsed now; for a Terraform reference the parts become Terraform
 * expressions (`element(split("/", id), 2)`), so they stay correct at apply time.
 *
 * @returns undefined when a known ID is not an ARM resource ID.
 */
export function parseResourceId(id: string): ResourceIdParts | undefined {
  if (Token.isUnresolved(id)) {
    const parts = Fn.split('/', id);
    return {
      subscriptionId: Fn.element(parts, 2),
      resourceGroupName: Fn.element(parts, 4),
      name: Fn.element(Fn.reverse(parts), 0),
    };
  }
  const match = ID_PATTERN.exec(id);
  if (!match) return undefined;
  const segments = id.split('/');
  return { subscriptionId: match[1], resourceGroupName: match[2], name: segments[segments.length - 1] };
}

/** Whether a known string is an ARM resource ID of the given provider type, e.g. `Microsoft.Storage/storageAccounts`. */
export function isResourceIdOfType(id: string, type: string): boolean {
  if (!ID_PATTERN.test(id)) return false;
  const [namespace, ...types] = type.split('/');
  const segments = id.split('/');
  const providerIndex = segments.findIndex(s => s.toLowerCase() === 'providers');
  if (segments[providerIndex + 1]?.toLowerCase() !== namespace.toLowerCase()) return false;
  const typeSegments = segments.slice(providerIndex + 2).filter((_, i) => i % 2 === 0);
  return typeSegments.length === types.length && typeSegments.every((t, i) => t.toLowerCase() === types[i].toLowerCase());
}

/** Appends a child type and name to a parent resource ID (token-safe). */
export function childResourceId(parentId: string, childType: string, childName: string): string {
  return `${parentId}/${childType}/${childName}`;
}

/**
 * A known ID of the given type with its fixed segments in canonical case: `subscriptions`, `resourceGroups`,
 * `providers`, the provider namespace and the type segments (e.g. `Microsoft.insights/Components` becomes
 * `Microsoft.Insights/components`). ARM compares IDs case-insensitively, but azurerm parses them with
 * case-sensitive parsers (`componentsapis.ValidateComponentID`, `commonids.ValidateKeyVaultID`, ... in
 * go-azure-sdk resource IDs, used for example by `azurerm_machine_learning_workspace`), so a differently cased
 * segment fails `terraform validate`. References and IDs of another type are returned unchanged.
 */
export function normalizeResourceId(id: string, type: string): string {
  if (Token.isUnresolved(id) || !isResourceIdOfType(id, type)) return id;
  const [namespace, ...types] = type.split('/');
  const segments = id.split('/');
  const providerIndex = segments.findIndex(s => s.toLowerCase() === 'providers');
  segments[1] = 'subscriptions';
  segments[3] = 'resourceGroups';
  segments[providerIndex] = 'providers';
  segments[providerIndex + 1] = namespace;
  types.forEach((t, i) => { segments[providerIndex + 2 + 2 * i] = t; });
  return segments.join('/');
}

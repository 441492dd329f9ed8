// Props shared by the L2 constructs of stateful Azure resources (storage, key vault, registry, monitoring).
import { INamingConvention } from './naming-convention';
import { RemovalPolicy } from './removal-policy';
import { IResourceGroup } from './resource-group';

/**
 * Properties shared by the constructs that create a stateful Azure resource (storage account,
 * key vault, container registry, Log Analytics workspace, Application Insights component).
 */
export interface StatefulResourceProps {
  /** Resource group to deploy into. */
  readonly resourceGroup: IResourceGroup;
  /**
   * Azure region.
   * @default - the resource group's location; a ValidationError asks for `location` when it is unknown
   */
  readonly location?: string;
  /**
   * Name of the Azure resource. Each resource type has its own rule (length, characters, global
   * uniqueness: see the construct's props); a name that breaks it is a ValidationError. ForceNew:
   * changing it replaces the resource.
   * @default - generated from the construct path (deterministic, valid for the resource type; globally
   * unique types also mix in the subscription and resource group)
   */
  readonly name?: string;
  /**
   * Naming convention for the generated name of this resource and of anything created below it.
   * @default - the convention set with `Naming.of(scope).useConvention()` above this construct, else the library's names
   */
  readonly namingConvention?: INamingConvention;
  /**
   * Tags.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * `RETAIN` sets `prevent_destroy`, so Terraform refuses to delete (or replace) the resource and its data.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Add a `CanNotDelete` management lock (holds also outside Terraform). Never `ReadOnly`: that
   * would block control-plane calls Azure ML needs (such as listing a storage account's keys).
   * @default false
   */
  readonly deleteLock?: boolean;
}

/** Firewall rules of a resource that accepts public traffic from chosen networks only. */
export interface FirewallRulesProps {
  /**
   * Public IPv4 addresses or CIDR ranges allowed through the firewall. Requires
   * `publicNetworkAccessEnabled: true` (with public access disabled, Azure ignores them, so they are rejected).
   * @default - none
   */
  readonly ipRules?: string[];
  /**
   * Subnets allowed through the firewall, each with the service endpoint of the resource type
   * (`Microsoft.Storage`, `Microsoft.KeyVault`). Requires `publicNetworkAccessEnabled: true`.
   * @default - none
   */
  readonly virtualNetworkSubnetIds?: string[];
}

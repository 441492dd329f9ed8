// The props every stateful L2 shares, and internal helpers for them. The interfaces are public
// (exported from src/core/index.ts); the functions are not exported from the package index.
import { TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { Duration } from './duration';
import { NameRule, resolvePhysicalName } from './naming';
import { Naming } from './naming-convention';
import { claimName } from './naming-registry';
import { checkIpRules, checkSubnetIds, IpRulePolicy } from './network-rules';
import { checkRegion } from './region';
import { addDeleteLock, applyRemovalPolicy } from './removal-policy';
import { checkResourceGroup, IResourceGroup } from './resource-group';
import { FirewallRulesProps, StatefulResourceProps } from './stateful-resource-props';
import { checkResourceTags } from './tags';
import { ValidationError } from './validation';
import { Warnings } from './warnings';


/**
 * The region to deploy to: `location`, else the resource group's. Throws a ValidationError
 * asking for `location` when neither is known.
 */
export function resolveLocation(scope: IConstruct, resourceGroup: IResourceGroup, location: string | undefined, what: string): string {
  checkResourceGroup(scope, resourceGroup);
  checkRegion(scope, 'location', location);
  const resolved = location ?? resourceGroup.location;
  if (location === undefined) checkRegion(scope, `the location of resource group '${resourceGroup.name}'`, resolved);
  if (resolved === undefined || resolved === '') {
    throw new ValidationError(scope, `the ${what} has no location: the resource group '${resourceGroup.name}' was given `
      + 'without a known region. Pass `location` (e.g. location: \'westeurope\'), or give the resource group its location '
      + '(ResourceGroupRef.fromName(name, location)).');
  }
  return resolved;
}

/** The region and the physical name of a new resource, from its props (`location` first, then `name`). */
export function resolveLocationAndName(scope: IConstruct, props: StatefulResourceProps, rule: NameRule): { location: string; name: string } {
  const location = resolveLocation(scope, props.resourceGroup, props.location, rule.resourceType);
  if (props.namingConvention) Naming.of(scope).useConvention(props.namingConvention);
  const name = resolvePhysicalName(scope, rule, props.name, 'name', props.resourceGroup.name);
  pendingNames.set(scope, name);
  return { location, name };
}

/** Names from `resolveLocationAndName`, claimed by `protectResource` once the construct's input is valid. */
const pendingNames = new WeakMap<IConstruct, string>();

function claimResourceName(scope: IConstruct, props: StatefulResourceProps, rule: NameRule): void {
  const name = pendingNames.get(scope);
  if (name === undefined) return;
  if (rule.globallyUnique) {
    claimName(scope, rule.resourceType, name, `${rule.resourceType} name`, '(the name must be unique across Azure)');
  } else {
    // Names unique in a resource group: per stack, since two stacks may target two subscriptions.
    claimName(scope, `${rule.resourceType} in ${TerraformStack.of(scope).node.path}/${props.resourceGroup.name}`, name,
      `${rule.resourceType} name`, `in the same resource group ('${props.resourceGroup.name}')`);
  }
}

/**
 * Finishes a stateful L2 around its main resource: the removal policy, the optional delete lock
 * (child `DeleteLock`) and `node.defaultChild`.
 */
export function protectResource(
  scope: Construct,
  resource: TerraformResource & { readonly id: string },
  props: StatefulResourceProps,
  rule: NameRule,
): void {
  checkResourceTags(scope, props.tags, rule.resourceType === 'storage account' ? 128 : 512);
  claimResourceName(scope, props, rule);
  applyRemovalPolicy(resource, props.removalPolicy);
  if (props.deleteLock) addDeleteLock(scope, 'DeleteLock', resource.id, rule.resourceType);
  scope.node.defaultChild = resource;
}

/** What a firewall looks like once its rules are checked. */
export interface ResolvedFirewall {
  readonly ipRules: string[];
  readonly virtualNetworkSubnetIds: string[];
  /** `Allow` when public access is on and no rule narrows it, else `Deny`. */
  readonly defaultAction: string;
}

/**
 * Checks firewall rules against public network access: rules with public access disabled are an
 * error (Azure would ignore them; `rulesName` names them in the message), each known IP rule and subnet ID
 * goes through the one network-rule checker (`checkIpRules` with the resource's `ipRulePolicy`), and public
 * access without rules gets the `openWarning`.
 */
export function resolveFirewall(scope: IConstruct, publicAccess: boolean, rules: FirewallRulesProps, options: {
  readonly rulesName: string;
  readonly openWarningId: string;
  readonly openWarning: string;
  readonly ipRulePolicy: IpRulePolicy;
}): ResolvedFirewall {
  const ipRules = rules.ipRules ?? [];
  const virtualNetworkSubnetIds = rules.virtualNetworkSubnetIds ?? [];
  const hasRules = ipRules.length > 0 || virtualNetworkSubnetIds.length > 0;
  if (hasRules && !publicAccess) {
    throw new ValidationError(scope, `${options.rulesName} were given but public network access is disabled, `
      + 'so Azure would ignore them. Pass publicNetworkAccessEnabled: true to allow only those networks, or drop the rules '
      + 'and use a private endpoint.');
  }
  checkIpRules(scope, options.ipRulePolicy, rules.ipRules);
  checkSubnetIds(scope, 'virtualNetworkSubnetIds entry', rules.virtualNetworkSubnetIds);
  if (publicAccess && !hasRules && !isOpenNetworkCovered(scope)) Warnings.of(scope).add(options.openWarningId, options.openWarning);
  return { ipRules, virtualNetworkSubnetIds, defaultAction: publicAccess && !hasRules ? 'Allow' : 'Deny' };
}

// Constructs whose own warning already covers the open networks of the resources they create.
const coveringScopes = new WeakSet<IConstruct>();

/**
 * Marks `scope` (e.g. a Workspace) as covering the open-network warnings of the resources created
 * below it: its own warning says how to close them all, so each resource does not repeat it.
 */
export function coverOpenNetworkWarnings(scope: IConstruct): void {
  coveringScopes.add(scope);
}

function isOpenNetworkCovered(scope: IConstruct): boolean {
  return scope.node.scopes.some(s => coveringScopes.has(s));
}

/**
 * A setting Azure takes in whole days: the number of days in `duration`, after checking it is a
 * whole number of days from `min` to `max`. A duration from a Terraform reference is not checked
 * (Azure checks it at apply) and gives a Terraform expression.
 */
export function wholeDays(scope: IConstruct, what: string, duration: Duration, min: number, max: number, fix?: string): number {
  if (duration.isUnresolved()) return duration.toDays();
  const days = duration.toDays();
  if (!Number.isInteger(days) || days < min || days > max) {
    throw new ValidationError(scope, `${what} is ${duration.toIsoString()}; it must be a whole number of days from ${min} to ${max} `
      + `(e.g. Duration.days(${Math.min(Math.max(30, min), max)})).${fix ? ` ${fix}` : ''}`);
  }
  return days;
}

/**
 * Whether an azurerm L1 (storage account, key vault or registry) is known to accept traffic from every
 * network: public access explicitly on and a firewall that is absent or defaults to Allow.
 * @returns undefined when the settings are Terraform references or left to the provider's default.
 */
export function l1OpenToAllNetworks(publicAccess: unknown, firewall: unknown): boolean | undefined {
  if (typeof publicAccess !== 'boolean') return undefined;
  if (!publicAccess) return false;
  const rules: any = Array.isArray(firewall) ? firewall[0] : firewall;
  if (rules === undefined) return true; // no firewall block: Azure's default action is Allow
  const action = rules?.defaultAction;
  return typeof action === 'string' && !Token.isUnresolved(action) ? action === 'Allow' : undefined;
}

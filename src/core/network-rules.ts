// Internal: one checker for the firewall rules of storage accounts, key vaults and container registries,
// and for subnet IDs. Not exported from the package index. Terraform references are skipped (Azure checks
// them at apply): a whole list from a variable, or single entries.
import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { isResourceIdOfType } from './arm-id';
import { isResolved, ValidationError } from './validation';

/** How a resource type's firewall treats IP rules. */
export interface IpRulePolicy {
  /** Resource kind for messages, e.g. `storage account`. */
  readonly resource: string;
  /**
   * Whether /31 and /32 prefixes are accepted. Storage refuses them ("small address ranges using /31 or /32
   * prefix sizes are not supported; configure these ranges using individual IP address rules").
   */
  readonly hostPrefixes: boolean;
}

export const STORAGE_IP_RULES: IpRulePolicy = { resource: 'storage account', hostPrefixes: false };
export const KEY_VAULT_IP_RULES: IpRulePolicy = { resource: 'key vault', hostPrefixes: true };
export const CONTAINER_REGISTRY_IP_RULES: IpRulePolicy = { resource: 'container registry', hostPrefixes: true };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;

/** The narrowest prefix that is still refused as "most of the internet": /0 to /7. */
const BROADEST_ALLOWED_PREFIX = 8;

/** Why an IP rule is refused, with the fix, or undefined when it is fine. */
export function ipRuleProblem(rule: string, policy: IpRulePolicy): string | undefined {
  const m = IPV4.exec(rule.trim());
  if (!m || m.slice(1, 5).some(o => Number(o) > 255) || (m[5] !== undefined && Number(m[5]) > 32)) {
    return 'it is not an IPv4 address or CIDR range (names, IPv6 and out-of-range numbers are refused by Azure). '
      + 'Give a public IPv4 address (\'203.0.113.7\') or range (\'203.0.113.0/24\')';
  }
  const [a, b] = [Number(m[1]), Number(m[2])];
  const prefix = m[5] === undefined ? 32 : Number(m[5]);
  if (prefix < BROADEST_ALLOWED_PREFIX) {
    return `it allows ${prefix === 0 ? 'the whole internet' : 'a large part of the internet'}: the firewall's default action `
      + 'stays Deny, so scanners report the resource as closed while it is open. Give the public ranges of your own networks, '
      + 'or, to really open the resource, set publicNetworkAccessEnabled: true without ipRules (a warning then says so)';
  }
  if (!policy.hostPrefixes && m[5] !== undefined && prefix >= 31) {
    return `${policy.resource} firewalls do not accept /31 or /32 ranges; give the address without a prefix ('${m.slice(1, 5).join('.')}')`;
  }
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a === 127 || (a === 169 && b === 254)) {
    return 'private (RFC 1918), loopback and link-local addresses never reach a public endpoint, so the rule would match nothing. '
      + 'Use virtualNetworkSubnetIds (service endpoints) or a private endpoint for traffic from a virtual network';
  }
  return undefined;
}

/** Checks every known entry of `ipRules`; a list from a Terraform reference, or an entry that is one, is skipped. */
export function checkIpRules(scope: IConstruct, policy: IpRulePolicy, ipRules: string[] | undefined): void {
  if (ipRules === undefined || Token.isUnresolved(ipRules)) return;
  const seen = new Set<string>();
  for (const rule of ipRules) {
    if (!isResolved(rule)) continue;
    const problem = ipRuleProblem(rule, policy);
    if (problem) throw new ValidationError(scope, `${policy.resource} ipRules entry '${rule}' is invalid: ${problem}.`);
    if (seen.has(rule.trim())) {
      throw new ValidationError(scope, `${policy.resource} ipRules lists '${rule}' twice; Azure refuses duplicate rules. List each range once.`);
    }
    seen.add(rule.trim());
  }
}

/** Checks a subnet ID (skips references): a name or another resource's ID is refused with the expected form. */
export function checkSubnetId(scope: IConstruct, what: string, subnetId: string | undefined): void {
  if (subnetId === undefined || !isResolved(subnetId)) return;
  if (!isResourceIdOfType(subnetId, 'Microsoft.Network/virtualNetworks/subnets')) {
    throw new ValidationError(scope, `${what} '${subnetId}' is not a subnet ID: Azure needs the full ARM ID, `
      + '/subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>. '
      + 'Pass the `id` of an azurerm_subnet (resource or data source), not its name.');
  }
}

/** Checks every known entry of a list of subnet IDs (a list from a reference is skipped). */
export function checkSubnetIds(scope: IConstruct, what: string, subnetIds: string[] | undefined): void {
  if (subnetIds === undefined || Token.isUnresolved(subnetIds)) return;
  subnetIds.forEach(id => checkSubnetId(scope, what, id));
}

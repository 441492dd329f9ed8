// Evaluates the unique-name suffix the library synthesizes, as Terraform does during plan:
// substr(sha256(join("/", [<subscription id>, <resource group name>, <naming key>])), 0, 8).
import { createHash } from 'crypto';

/** The subscription the test plans run in. */
export const TEST_SUBSCRIPTION_ID = '00000000-0000-0000-0000-000000000000';

const SUFFIX = /\$\{substr\(sha256\(join\("\/", \[data\.azurerm_client_config\.[\w-]+\.subscription_id, ("(?:[^"\\]|\\.)*"|[\w.-]+), "((?:[^"\\]|\\.)*)"\]\)\), 0, 8\)\}/g;

/**
 * `value` as `terraform plan` shows it: every unique-name suffix computed for `subscriptionId`, with a
 * literal resource group name, or the one `resourceGroupNames` gives for a reference (e.g.
 * `azurerm_resource_group.rg.name`). Other values are returned unchanged.
 */
export function planValue(value: unknown, subscriptionId = TEST_SUBSCRIPTION_ID, resourceGroupNames: Record<string, string> = {}): any {
  if (typeof value !== 'string') return value;
  return value.replace(SUFFIX, (_m, rg: string, key: string) => {
    const rgName = rg.startsWith('"') ? JSON.parse(rg) : resourceGroupNames[rg];
    if (rgName === undefined) throw new Error(`planValue: no value given for the resource group reference ${rg}`);
    const k = JSON.parse(`"${key}"`);
    return createHash('sha256').update([subscriptionId, rgName, k].join('/')).digest('hex').slice(0, 8);
  });
}

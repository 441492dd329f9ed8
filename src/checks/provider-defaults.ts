// What azurerm v4 (and Azure) use for attributes a configuration leaves unset, for the attributes the rules read.
// A rule judges the resource Azure will actually get: an L1 storage account without
// public_network_access_enabled is public. Internal: not exported from the package index.
/** A default: set `path` to `value` when the block holding it exists and the attribute is absent. */
interface ProviderDefault {
  readonly path: string;
  readonly value: unknown;
}

const NETWORK_OPEN = { default_action: 'Allow', bypass: ['AzureServices'] };

const DEFAULTS: Record<string, readonly ProviderDefault[]> = {
  azurerm_machine_learning_workspace: [
    { path: 'public_network_access_enabled', value: true },
    { path: 'managed_network', value: { isolation_mode: 'Disabled' } },
    { path: 'managed_network.isolation_mode', value: 'Disabled' },
  ],
  azurerm_machine_learning_compute_cluster: [
    { path: 'local_auth_enabled', value: true },
  ],
  azurerm_machine_learning_compute_instance: [
    { path: 'local_auth_enabled', value: true },
  ],
  azurerm_storage_account: [
    { path: 'https_traffic_only_enabled', value: true },
    { path: 'min_tls_version', value: 'TLS1_2' },
    { path: 'public_network_access_enabled', value: true },
    { path: 'allow_nested_items_to_be_public', value: true },
    { path: 'shared_access_key_enabled', value: true },
    { path: 'local_user_enabled', value: true },
    { path: 'infrastructure_encryption_enabled', value: false },
    { path: 'cross_tenant_replication_enabled', value: false },
    { path: 'network_rules', value: NETWORK_OPEN },
    { path: 'network_rules.bypass', value: ['AzureServices'] },
    { path: 'blob_properties.versioning_enabled', value: false },
    { path: 'blob_properties.delete_retention_policy.days', value: 7 },
    { path: 'blob_properties.container_delete_retention_policy.days', value: 7 },
  ],
  azurerm_storage_container: [
    { path: 'container_access_type', value: 'private' },
  ],
  azurerm_key_vault: [
    { path: 'purge_protection_enabled', value: false },
    { path: 'soft_delete_retention_days', value: 90 },
    { path: 'public_network_access_enabled', value: true },
    { path: 'rbac_authorization_enabled', value: false },
    { path: 'network_acls', value: { default_action: 'Allow', bypass: 'AzureServices' } },
  ],
  azurerm_container_registry: [
    { path: 'admin_enabled', value: false },
    { path: 'anonymous_pull_enabled', value: false },
    { path: 'public_network_access_enabled', value: true },
    { path: 'export_policy_enabled', value: true },
    { path: 'trust_policy_enabled', value: false },
    { path: 'quarantine_policy_enabled', value: false },
    { path: 'zone_redundancy_enabled', value: false },
    { path: 'data_endpoint_enabled', value: false },
    { path: 'network_rule_set', value: { default_action: 'Allow' } },
    { path: 'network_rule_set.default_action', value: 'Allow' },
  ],
  azurerm_application_insights: [
    { path: 'internet_ingestion_enabled', value: true },
    { path: 'internet_query_enabled', value: true },
    { path: 'local_authentication_disabled', value: false },
  ],
  azurerm_log_analytics_workspace: [
    { path: 'local_authentication_enabled', value: true },
    { path: 'internet_ingestion_enabled', value: true },
    { path: 'internet_query_enabled', value: true },
  ],
};

/** The blocks (objects) at a path; a block may be an object or a list of objects. */
function blocksAt(root: Record<string, unknown>, segments: string[]): Record<string, unknown>[] {
  let current: unknown[] = [root];
  for (const segment of segments) {
    current = current
      .flatMap(node => (Array.isArray(node) ? node : [node]))
      .filter(node => node !== null && typeof node === 'object')
      .map(node => (node as Record<string, unknown>)[segment])
      .filter(value => value !== undefined && value !== null);
  }
  return current
    .flatMap(node => (Array.isArray(node) ? node : [node]))
    .filter(node => node !== null && typeof node === 'object')
    .map(node => node as Record<string, unknown>);
}

/** Absent, or an empty list where a block is expected (cdktf may emit an unset block as `[]`). */
function isUnset(current: unknown, defaultValue: unknown): boolean {
  if (current === undefined || current === null) return true;
  const isBlock = defaultValue !== null && typeof defaultValue === 'object' && !Array.isArray(defaultValue);
  return isBlock && Array.isArray(current) && current.length === 0;
}

/**
 * A copy of a resource's attributes with the provider's defaults filled in where the configuration is silent.
 * Blocks given as Terraform expressions are left alone (the rules then report them as unknown).
 */
export function withProviderDefaults(resourceType: string, config: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(config)) as Record<string, unknown>;
  for (const { path, value } of DEFAULTS[resourceType] ?? []) {
    const segments = path.split('.');
    const leaf = segments.pop()!;
    for (const block of blocksAt(copy, segments)) {
      if (isUnset(block[leaf], value)) block[leaf] = JSON.parse(JSON.stringify(value));
    }
  }
  return copy;
}

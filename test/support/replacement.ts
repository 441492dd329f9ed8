// Compares two synthesized cdk.tf.json documents and reports what Terraform would destroy and
// recreate: resources whose replace-forcing (ForceNew) attributes differ, and resources that
// appear or disappear. The table follows ../shared/reference/security-baseline.md §b.1 (azurerm 4.55.0).

/** A replace-forcing rule: a static attribute path, or a path with a condition on the change. */
export interface ForceNewRule {
  /** Dotted attribute path; a path to a block compares the whole block. */
  readonly path: string;
  /** Whether the change from `before` to `after` forces replacement. @default any change */
  readonly forces?: (before: unknown, after: unknown) => boolean;
}

const ZONE_REDUNDANT_REPLICATION = ['ZRS', 'GZRS', 'RAGZRS'];

/** Static ForceNew attributes per resource type. */
const STATIC: Record<string, string[]> = {
  azurerm_machine_learning_workspace: [
    'name', 'location', 'resource_group_name', 'application_insights_id', 'key_vault_id', 'storage_account_id',
    'container_registry_id', 'encryption', 'managed_network.provision_on_creation_enabled', 'high_business_impact',
    'service_side_encryption_enabled',
  ],
  azurerm_ai_foundry: [
    'name', 'location', 'resource_group_name', 'key_vault_id', 'storage_account_id', 'high_business_impact_enabled', 'encryption',
  ],
  azurerm_ai_foundry_project: ['name', 'location', 'ai_services_hub_id', 'high_business_impact_enabled'],
  azapi_resource: ['type', 'name', 'parent_id', 'location'],
  azurerm_storage_account: [
    'name', 'resource_group_name', 'location', 'account_tier', 'provisioned_billing_model_version', 'edge_zone',
    'immutability_policy', 'is_hns_enabled', 'nfsv3_enabled', 'dns_endpoint_type', 'queue_encryption_key_type',
    'table_encryption_key_type', 'infrastructure_encryption_enabled',
  ],
  azurerm_key_vault: ['name', 'location', 'resource_group_name'],
  azurerm_key_vault_key: ['name', 'key_vault_id', 'key_type', 'key_size', 'curve'],
  azurerm_key_vault_secret: ['name', 'key_vault_id'],
  azurerm_container_registry: ['name', 'resource_group_name', 'location', 'zone_redundancy_enabled'],
  azurerm_application_insights: ['name', 'resource_group_name', 'location', 'application_type'],
  azurerm_log_analytics_workspace: ['name', 'location', 'resource_group_name'],
  azurerm_machine_learning_compute_cluster: [
    'name', 'machine_learning_workspace_id', 'location', 'vm_size', 'vm_priority', 'local_auth_enabled',
    'node_public_ip_enabled', 'ssh', 'description', 'ssh_public_access_enabled', 'subnet_resource_id',
  ],
  azurerm_machine_learning_compute_instance: [
    'name', 'machine_learning_workspace_id', 'virtual_machine_size', 'authorization_type', 'assign_to_user',
    'description', 'identity', 'local_auth_enabled', 'ssh', 'subnet_resource_id', 'node_public_ip_enabled', 'tags',
  ],
  azurerm_machine_learning_datastore_blobstorage: ['name', 'workspace_id', 'storage_container_id', 'description', 'tags'],
  azurerm_machine_learning_datastore_datalake_gen2: ['name', 'workspace_id', 'storage_container_id', 'description', 'tags'],
  azurerm_machine_learning_datastore_fileshare: ['name', 'workspace_id', 'storage_fileshare_id', 'description', 'tags'],
  azurerm_machine_learning_workspace_network_outbound_rule_fqdn: ['name', 'workspace_id'],
  azurerm_storage_account_customer_managed_key: ['storage_account_id'],
  azurerm_storage_container: ['name', 'storage_account_id', 'default_encryption_scope', 'encryption_scope_override_enabled'],
  azurerm_private_endpoint: [
    'name', 'location', 'resource_group_name', 'subnet_id', 'custom_network_interface_name',
    'private_service_connection', 'ip_configuration',
  ],
  azurerm_role_assignment: [
    'name', 'scope', 'role_definition_id', 'role_definition_name', 'principal_id', 'principal_type',
    'delegated_managed_identity_resource_id', 'description', 'condition', 'condition_version',
  ],
  azurerm_management_lock: ['name', 'scope', 'lock_level', 'notes'],
  azurerm_user_assigned_identity: ['location', 'name', 'resource_group_name'],
  azurerm_monitor_diagnostic_setting: ['name', 'target_resource_id'],
};

/** Conditional (CustomizeDiff) ForceNew rules. */
const CONDITIONAL: Record<string, ForceNewRule[]> = {
  azurerm_storage_account: [
    // Any kind change except Storage -> StorageV2.
    { path: 'account_kind', forces: (b, a) => !(b === 'Storage' && a === 'StorageV2') },
    { path: 'large_file_share_enabled', forces: (b, a) => b === true && a !== true },
    // Moving between the zone-redundant and the other replication families.
    {
      path: 'account_replication_type',
      forces: (b, a) => ZONE_REDUNDANT_REPLICATION.includes(String(b)) !== ZONE_REDUNDANT_REPLICATION.includes(String(a)),
    },
  ],
  azurerm_key_vault_key: [
    { path: 'expiration_date', forces: (b, a) => b !== undefined && a === undefined },
  ],
  azurerm_log_analytics_workspace: [
    {
      path: 'sku',
      forces: (b, a) => {
        if (b === undefined || b === 'LACluster') return false;
        const pair = new Set([String(b).toLowerCase(), String(a).toLowerCase()]);
        return !(pair.has('pergb2018') && pair.has('capacityreservation'));
      },
    },
  ],
};

/** The ForceNew rules of azurerm 4.55.0 per resource type (security-baseline.md §b.1). */
export const FORCE_NEW_ATTRIBUTES: Record<string, ForceNewRule[]> = Object.fromEntries(
  [...new Set([...Object.keys(STATIC), ...Object.keys(CONDITIONAL)])].map(type => [
    type,
    [...(STATIC[type] ?? []).map(path => ({ path })), ...(CONDITIONAL[type] ?? [])],
  ]),
);

/** One resource Terraform would replace. */
export interface Replacement {
  /** `<type>.<name>`. */
  readonly address: string;
  /** Replace-forcing attributes that changed, with their values. */
  readonly attributes: { path: string; before: unknown; after: unknown }[];
}

/** What a change between two synthesized configurations would destroy. */
export interface ReplacementReport {
  /** Resources whose replace-forcing attributes changed. */
  readonly replaced: Replacement[];
  /** Addresses only in the second configuration. */
  readonly added: string[];
  /** Addresses only in the first configuration (destroyed). */
  readonly removed: string[];
}

/** cdktf emits MaxItems-1 blocks as objects; Terraform also accepts one-element arrays. Treat them alike. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(normalize);
    return items.length === 1 && typeof items[0] === 'object' && items[0] !== null && !Array.isArray(items[0]) ? items[0] : items;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      if (key === '//') continue; // cdktf metadata
      const v = normalize((value as any)[key]);
      if (v !== undefined && v !== null) out[key] = v;
    }
    return out;
  }
  return value;
}

function valueAt(resource: unknown, path: string): unknown {
  let current: unknown = normalize(resource);
  for (const part of path.split('.')) {
    if (current === undefined || current === null) return undefined;
    if (Array.isArray(current)) {
      current = current.map(item => (item as any)?.[part]);
    } else {
      current = (current as any)[part];
    }
  }
  return current;
}

function resources(json: any): Map<string, any> {
  const out = new Map<string, any>();
  for (const [type, byName] of Object.entries(json?.resource ?? {})) {
    for (const [name, body] of Object.entries(byName as object)) out.set(`${type}.${name}`, body);
  }
  return out;
}

/**
 * Compares two synthesized configurations. `table` maps a resource type to its ForceNew rules;
 * resources of other types are only reported when they appear or disappear.
 */
export function findReplacements(before: any, after: any, table: Record<string, ForceNewRule[]> = FORCE_NEW_ATTRIBUTES): ReplacementReport {
  const a = resources(before);
  const b = resources(after);
  const replaced: Replacement[] = [];
  for (const [address, oldBody] of a) {
    const newBody = b.get(address);
    if (newBody === undefined) continue;
    const type = address.slice(0, address.indexOf('.'));
    const changed = [];
    // azapi_resource: each path of replace_triggers_refs is a replace-forcing path of the body.
    const triggers: ForceNewRule[] = type === 'azapi_resource' && Array.isArray(newBody.replace_triggers_refs)
      ? newBody.replace_triggers_refs.map((p: string) => ({ path: `body.${p}` })) : [];
    for (const rule of [...(table[type] ?? []), ...triggers]) {
      const x = valueAt(oldBody, rule.path);
      const y = valueAt(newBody, rule.path);
      if (JSON.stringify(x) === JSON.stringify(y)) continue;
      if (rule.forces && !rule.forces(x, y)) continue;
      changed.push({ path: rule.path, before: x, after: y });
    }
    if (changed.length > 0) replaced.push({ address, attributes: changed });
  }
  return {
    replaced,
    added: [...b.keys()].filter(k => !a.has(k)),
    removed: [...a.keys()].filter(k => !b.has(k)),
  };
}

/** Human-readable summary for test failure messages; empty when nothing is replaced, added or removed. */
export function describeReplacements(report: ReplacementReport): string[] {
  return [
    ...report.replaced.map(r => `replace ${r.address}: ${r.attributes.map(c => `${c.path} ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`).join('; ')}`),
    ...report.added.map(a => `add ${a}`),
    ...report.removed.map(r => `destroy ${r}`),
  ];
}

/**
 * Replace-forcing arguments of azapi 2.x: `azapi_resource` replaces when `type` (resource type), `name`,
 * `parent_id` or `location` change, or a replace trigger changes (`findReplacements` compares the body at every
 * path of `replace_triggers_refs`); other body changes are in-place updates.
 * `azapi_update_resource` replaces when its target changes. Pass `{ ...FORCE_NEW_ATTRIBUTES, ...AZAPI_FORCE_NEW }`.
 */
export const AZAPI_FORCE_NEW: Record<string, ForceNewRule[]> = {
  azapi_resource: [
    { path: 'type', forces: (a, b) => String(a).split('@')[0] !== String(b).split('@')[0] },
    { path: 'name' }, { path: 'parent_id' }, { path: 'location' },
    { path: 'replace_triggers_external_values' }, { path: 'replace_triggers_refs' },
  ],
  azapi_update_resource: [
    { path: 'type', forces: (a, b) => String(a).split('@')[0] !== String(b).split('@')[0] },
    { path: 'resource_id' }, { path: 'name' }, { path: 'parent_id' },
  ],
};

// The catalogue of review rules: stable IDs (used in JSON output and in docs/review.md), a title, and why it blocks.
// Every rule here blocks the review (exit 2) unless the finding's address is passed to `--allow`.

/** A review rule. */
export interface ReviewRule {
  /** Stable ID, e.g. `stateful-replace`. */
  readonly id: string;
  /** Short title for reports. */
  readonly title: string;
  /** Why it matters, one or two sentences (docs and `--help`). */
  readonly why: string;
}

function rule(id: string, title: string, why: string): ReviewRule {
  return { id, title, why };
}

export const RULES = {
  statefulDestroy: rule('stateful-destroy', 'Stateful resource destroyed',
    'The resource holds data or history that Terraform cannot bring back (workspace, hub/project, storage account, container, file share, key vault, key, registry, Log Analytics, Application Insights, compute instance, datastore).'),
  statefulReplace: rule('stateful-replace', 'Stateful resource replaced',
    'Replace means destroy and create: the data of the old resource is lost. The report names the attributes that force it (`replace_paths`).'),
  publicNetworkAccess: rule('public-network-access', 'Public network access turned on',
    'The resource becomes reachable from the internet (public_network_access_enabled, public_network_access, internet ingestion/query, azapi publicNetworkAccess).'),
  networkRulesOpened: rule('network-rules-opened', 'Network rules opened',
    'A firewall default action goes from Deny to Allow (or its rules are removed), or an IP rule admits the whole internet (0.0.0.0/0, *, a /8 or wider).'),
  localAuthEnabled: rule('local-auth-enabled', 'Shared-key or local authentication turned on',
    'Keys and local accounts bypass Entra ID, RBAC and its audit trail (shared_access_key_enabled, local_auth_enabled, local_authentication_*, azapi disableLocalAuth/allowSharedKeyAccess, workspace systemDatastoresAuthMode leaving Identity).'),
  adminUserEnabled: rule('admin-user-enabled', 'Registry admin user turned on',
    'The registry admin user is a shared password with push and pull rights on every repository.'),
  anonymousAccess: rule('anonymous-access', 'Anonymous access turned on',
    'Anonymous pull on a registry, or public (anonymous) read on blobs and containers.'),
  protectionRemoved: rule('protection-removed', 'Protection removed',
    'A private endpoint, management lock, diagnostic setting, network rule set or customer-managed key resource is destroyed.'),
  customerManagedKeyRemoved: rule('customer-managed-key-removed', 'Customer-managed key removed',
    'Encryption falls back from a customer-managed key to a Microsoft-managed key (customer_managed_key, encryption, azapi encryption key source).'),
  isolationLowered: rule('isolation-lowered', 'Managed network isolation lowered',
    'AllowOnlyApprovedOutbound > AllowInternetOutbound > Disabled. Azure refuses to lower the isolation of a workspace in place: the apply fails, and the only way through is a new workspace.'),
  softDeleteRetentionChanged: rule('soft-delete-retention-changed', 'Key vault soft-delete retention changed',
    'Azure fixes soft_delete_retention_days when the vault is created and refuses to change it: the apply fails.'),
  purgeProtectionDisabled: rule('purge-protection-disabled', 'Purge protection turned off',
    'Without purge protection a deleted vault and its keys can be purged at once. Azure refuses to turn it off once on: the apply fails.'),
  nodePublicIpEnabled: rule('node-public-ip-enabled', 'Compute nodes get public IPs',
    'Compute cluster or instance nodes get public IP addresses or public SSH access (node_public_ip_enabled, ssh_public_access_enabled, azapi enableNodePublicIp).'),
  transportWeakened: rule('transport-weakened', 'Transport security weakened',
    'A lower minimum TLS version, or HTTPS-only traffic turned off.'),
  rbacDisabled: rule('rbac-disabled', 'Key vault RBAC authorization turned off',
    'The vault falls back to access policies, which Azure RBAC, PIM and its audit do not govern.'),
} as const;

/** Every rule, in report order. */
export const ALL_RULES: ReviewRule[] = Object.values(RULES);

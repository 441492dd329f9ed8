// Security regressions found by comparing an attribute before and after an update or replace.
// azurerm attribute names are the same on every resource that has them, so most checks apply to every
// azurerm_* type; azapi checks read the same setting from the resource's ARM body.

import { PlanChange, ResourceChange } from './plan';
import { isAzapi, armTypeOf } from './resource-kinds';
import { ReviewRule, RULES } from './rules';
import { after, before, formatPath, isSensitive, isUnset, parsePath, Path, UNKNOWN } from './values';

/** A regression found on one attribute. */
export interface AttributeRegression {
  readonly rule: ReviewRule;
  /** Attribute path as Terraform prints it, e.g. `network_rules[0].default_action`. */
  readonly path: string;
  /** Short description, e.g. 'public network access turned on'. */
  readonly what: string;
  readonly before: unknown;
  readonly after: unknown;
  /** True when the values must not be printed. */
  readonly sensitive: boolean;
  /** What Azure does with it, when that matters (e.g. refuses it in place). */
  readonly note?: string;
}

interface AttributeCheck {
  readonly rule: ReviewRule;
  readonly path: Path;
  readonly what: string;
  /** azurerm types the check is limited to; every azurerm_* type when absent. Ignored for azapi checks. */
  readonly types?: ReadonlyArray<string>;
  /** For checks on azapi bodies (paths starting with `body`): lower-case ARM types, every type when absent. */
  readonly armTypes?: ReadonlyArray<string>;
  /** Before and after are known (never UNKNOWN); true when the change weakens security. */
  readonly regressed: (b: unknown, a: unknown) => boolean;
  readonly note?: string;
}

// ---------------------------------------------------------------------------------------------
// Value predicates

const lc = (v: unknown): string | undefined => (typeof v === 'string' ? v.toLowerCase() : undefined);
/** false to true. */
const turnedOn = (b: unknown, a: unknown): boolean => b === false && a === true;
/** true to false. */
const turnedOff = (b: unknown, a: unknown): boolean => b === true && a === false;
/** true to false, or to unset where the service default is off (azapi bodies, purge protection). */
const turnedOffOrUnset = (b: unknown, a: unknown): boolean => b === true && (a === false || isUnset(a));
/** false to true, or to unset where the service default is on. */
const turnedOnOrUnset = (b: unknown, a: unknown): boolean => b === false && (a === true || isUnset(a));
/** 'Disabled' to 'Enabled' (any case). */
const enabledFromDisabled = (b: unknown, a: unknown): boolean => lc(b) === 'disabled' && lc(a) === 'enabled';
/** 'Disabled' to 'Enabled' or unset (azapi: the ARM default of publicNetworkAccess is Enabled). */
const enabledOrUnsetFromDisabled = (b: unknown, a: unknown): boolean => lc(b) === 'disabled' && (lc(a) === 'enabled' || isUnset(a));
/** Deny to Allow, or the rule set removed (the default is Allow). */
const allowFromDeny = (b: unknown, a: unknown): boolean => lc(b) === 'deny' && (lc(a) === 'allow' || isUnset(a));

const ISOLATION_RANK: Record<string, number> = { allowonlyapprovedoutbound: 2, allowinternetoutbound: 1, disabled: 0 };
const isolationLowered = (b: unknown, a: unknown): boolean => {
  const rb = ISOLATION_RANK[lc(b) ?? ''];
  const ra = isUnset(a) ? 0 : ISOLATION_RANK[lc(a) ?? ''];
  return rb !== undefined && ra !== undefined && ra < rb;
};

const TLS_RANK: Record<string, number> = { 'tls1_0': 0, 'tls1_1': 1, 'tls1_2': 2, 'tls1_3': 3, '1.0': 0, '1.1': 1, '1.2': 2, '1.3': 3 };
const tlsLowered = (b: unknown, a: unknown): boolean => {
  const rb = TLS_RANK[lc(b) ?? ''];
  const ra = TLS_RANK[lc(a) ?? ''];
  return rb !== undefined && ra !== undefined && ra < rb;
};

/** Workspace system datastores: identity-based to account keys (or SAS), or to unset (the service default is keys). */
const identityToKeys = (b: unknown, a: unknown): boolean => lc(b) === 'identity' && lc(a) !== 'identity';
const numberChanged = (b: unknown, a: unknown): boolean => typeof b === 'number' && typeof a === 'number' && a !== b;
/** A block or value that was set is now unset. */
const removed = (b: unknown, a: unknown): boolean => !isUnset(b) && isUnset(a);
const keySourceDowngraded = (b: unknown, a: unknown): boolean => lc(b) === 'microsoft.keyvault' && lc(a) !== 'microsoft.keyvault';
const publicContainer = (v: unknown): boolean => lc(v) === 'blob' || lc(v) === 'container';
const anonymousContainer = (b: unknown, a: unknown): boolean => !publicContainer(b) && !isUnset(b) && publicContainer(a);

/** IP rules (strings, or objects with ip_range / value / ipAddressOrRange) that admit a /8 or more of the internet. */
function wideIpRules(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  for (const item of v) {
    const ip = typeof item === 'string' ? item
      : item && typeof item === 'object' ? (item as any).ip_range ?? (item as any).value ?? (item as any).ipAddressOrRange : undefined;
    if (typeof ip === 'string' && isWide(ip)) out.push(ip);
  }
  return out;
}

function isWide(ip: string): boolean {
  const s = ip.trim().toLowerCase();
  if (s === '*' || s === 'internet' || s === 'any' || s === '0.0.0.0' || s === '::') return true;
  const m = /\/(\d+)$/.exec(s);
  return m !== null && Number(m[1]) <= 8;
}

const ipRulesWidened = (b: unknown, a: unknown): boolean => {
  const was = new Set(wideIpRules(b));
  return wideIpRules(a).some(ip => !was.has(ip));
};

// ---------------------------------------------------------------------------------------------
// The checks

function check(rule: ReviewRule, path: string, what: string, regressed: AttributeCheck['regressed'],
  extra: Partial<Pick<AttributeCheck, 'types' | 'armTypes' | 'note'>> = {}): AttributeCheck {
  return { rule, path: parsePath(path), what, regressed, ...extra };
}

const R = RULES;
const ISOLATION_NOTE = 'Azure refuses to lower the isolation of a managed network in place: the apply fails';
const RETENTION_NOTE = 'Azure fixes the retention when the vault is created and refuses the change: the apply fails';
const PURGE_NOTE = 'Azure refuses to turn purge protection off once it is on: the apply fails';
const KEY_VAULTS = ['microsoft.keyvault/vaults'];
const WORKSPACES = ['microsoft.machinelearningservices/workspaces'];

/** Checks on azurerm attributes. */
const AZURERM_CHECKS: AttributeCheck[] = [
  check(R.publicNetworkAccess, 'public_network_access_enabled', 'public network access turned on', turnedOn),
  check(R.publicNetworkAccess, 'public_network_access', 'public network access turned on', enabledFromDisabled),
  check(R.publicNetworkAccess, 'internet_ingestion_enabled', 'ingestion from the internet turned on', turnedOn),
  check(R.publicNetworkAccess, 'internet_query_enabled', 'queries from the internet turned on', turnedOn),

  check(R.networkRulesOpened, 'network_rules.0.default_action', 'network rules default action opened', allowFromDeny),
  check(R.networkRulesOpened, 'network_acls.0.default_action', 'network ACL default action opened', allowFromDeny),
  check(R.networkRulesOpened, 'network_rule_set.0.default_action', 'network rule set default action opened', allowFromDeny),
  check(R.networkRulesOpened, 'default_action', 'network rules default action opened', allowFromDeny,
    { types: ['azurerm_storage_account_network_rules'] }),
  check(R.networkRulesOpened, 'network_rules.0.ip_rules', 'IP rule admits the internet', ipRulesWidened),
  check(R.networkRulesOpened, 'network_acls.0.ip_rules', 'IP rule admits the internet', ipRulesWidened),
  check(R.networkRulesOpened, 'network_rule_set.0.ip_rule', 'IP rule admits the internet', ipRulesWidened),
  check(R.networkRulesOpened, 'ip_rules', 'IP rule admits the internet', ipRulesWidened),

  check(R.localAuthEnabled, 'shared_access_key_enabled', 'shared-key access turned on', turnedOn),
  check(R.localAuthEnabled, 'local_auth_enabled', 'local authentication turned on', turnedOn),
  check(R.localAuthEnabled, 'local_authentication_enabled', 'local authentication turned on', turnedOn),
  check(R.localAuthEnabled, 'local_authentication_disabled', 'local authentication turned on', turnedOff),
  check(R.adminUserEnabled, 'admin_enabled', 'admin user turned on', turnedOn),
  check(R.anonymousAccess, 'anonymous_pull_enabled', 'anonymous pull turned on', turnedOn),
  check(R.anonymousAccess, 'allow_nested_items_to_be_public', 'anonymous (public) blob access allowed', turnedOn),
  check(R.anonymousAccess, 'container_access_type', 'container made readable anonymously', anonymousContainer),

  check(R.customerManagedKeyRemoved, 'customer_managed_key', 'customer-managed key removed', removed),
  check(R.customerManagedKeyRemoved, 'encryption', 'customer-managed key encryption removed', removed,
    { types: ['azurerm_container_registry', 'azurerm_machine_learning_workspace', 'azurerm_ai_foundry'] }),

  check(R.isolationLowered, 'managed_network.0.isolation_mode', 'managed network isolation lowered', isolationLowered, { note: ISOLATION_NOTE }),
  check(R.softDeleteRetentionChanged, 'soft_delete_retention_days', 'soft-delete retention changed', numberChanged,
    { types: ['azurerm_key_vault'], note: RETENTION_NOTE }),
  check(R.purgeProtectionDisabled, 'purge_protection_enabled', 'purge protection turned off', turnedOffOrUnset, { note: PURGE_NOTE }),
  check(R.nodePublicIpEnabled, 'node_public_ip_enabled', 'nodes get public IP addresses', turnedOn),
  check(R.nodePublicIpEnabled, 'ssh_public_access_enabled', 'public SSH access turned on', turnedOn),
  check(R.transportWeakened, 'min_tls_version', 'minimum TLS version lowered', tlsLowered),
  check(R.transportWeakened, 'minimum_tls_version', 'minimum TLS version lowered', tlsLowered),
  check(R.transportWeakened, 'https_traffic_only_enabled', 'HTTPS-only traffic turned off', turnedOff),
  check(R.rbacDisabled, 'rbac_authorization_enabled', 'RBAC authorization turned off', turnedOff),
  check(R.rbacDisabled, 'enable_rbac_authorization', 'RBAC authorization turned off', turnedOff),
];

/** Checks on azapi bodies (azapi_resource and azapi_update_resource). */
const AZAPI_CHECKS: AttributeCheck[] = [
  check(R.publicNetworkAccess, 'body.properties.publicNetworkAccess', 'public network access turned on', enabledOrUnsetFromDisabled),
  check(R.networkRulesOpened, 'body.properties.networkAcls.defaultAction', 'network ACL default action opened', allowFromDeny),
  check(R.networkRulesOpened, 'body.properties.networkRuleSet.defaultAction', 'network rule set default action opened', allowFromDeny),
  check(R.networkRulesOpened, 'body.properties.networkAcls.ipRules', 'IP rule admits the internet', ipRulesWidened),
  check(R.networkRulesOpened, 'body.properties.networkRuleSet.ipRules', 'IP rule admits the internet', ipRulesWidened),
  check(R.networkRulesOpened, 'body.properties.ipAllowlist', 'IP allow list admits the internet', ipRulesWidened),
  check(R.localAuthEnabled, 'body.properties.disableLocalAuth', 'local authentication turned on', turnedOffOrUnset),
  check(R.localAuthEnabled, 'body.properties.allowSharedKeyAccess', 'shared-key access turned on', turnedOnOrUnset),
  check(R.localAuthEnabled, 'body.properties.systemDatastoresAuthMode', 'system datastores switched to account keys', identityToKeys,
    { armTypes: WORKSPACES }),
  check(R.adminUserEnabled, 'body.properties.adminUserEnabled', 'admin user turned on', turnedOn),
  check(R.anonymousAccess, 'body.properties.anonymousPullEnabled', 'anonymous pull turned on', turnedOn),
  check(R.anonymousAccess, 'body.properties.allowBlobPublicAccess', 'anonymous (public) blob access allowed', turnedOn),
  check(R.anonymousAccess, 'body.properties.publicAccess', 'container made readable anonymously', anonymousContainer),
  check(R.customerManagedKeyRemoved, 'body.properties.encryption.keySource', 'customer-managed key removed', keySourceDowngraded),
  check(R.customerManagedKeyRemoved, 'body.properties.encryption.keyVaultProperties', 'customer-managed key removed', removed),
  check(R.isolationLowered, 'body.properties.managedNetwork.isolationMode', 'managed network isolation lowered', isolationLowered,
    { note: ISOLATION_NOTE }),
  check(R.softDeleteRetentionChanged, 'body.properties.softDeleteRetentionInDays', 'soft-delete retention changed', numberChanged,
    { armTypes: KEY_VAULTS, note: RETENTION_NOTE }),
  check(R.purgeProtectionDisabled, 'body.properties.enablePurgeProtection', 'purge protection turned off', turnedOffOrUnset,
    { armTypes: KEY_VAULTS, note: PURGE_NOTE }),
  check(R.nodePublicIpEnabled, 'body.properties.properties.enableNodePublicIp', 'nodes get public IP addresses', turnedOn),
  check(R.nodePublicIpEnabled, 'body.properties.properties.remoteLoginPortPublicAccess', 'public SSH access turned on', enabledFromDisabled),
  check(R.transportWeakened, 'body.properties.minimumTlsVersion', 'minimum TLS version lowered', tlsLowered),
  check(R.transportWeakened, 'body.properties.supportsHttpsTrafficOnly', 'HTTPS-only traffic turned off', turnedOff),
  check(R.rbacDisabled, 'body.properties.enableRbacAuthorization', 'RBAC authorization turned off', turnedOff, { armTypes: KEY_VAULTS }),
];

/**
 * The security regressions of an update or replace (a change with both a before and an after object).
 * Values only known after apply are skipped, never guessed.
 */
export function attributeRegressions(rc: ResourceChange): AttributeRegression[] {
  const change = rc.change;
  if (!isObject(change.before) || !isObject(change.after)) return [];
  let checks: AttributeCheck[];
  let arm: string | undefined;
  if (rc.type.startsWith('azurerm_')) {
    checks = AZURERM_CHECKS;
  } else if (isAzapi(rc)) {
    checks = AZAPI_CHECKS;
    arm = armTypeOf(rc);
  } else {
    return [];
  }
  const out: AttributeRegression[] = [];
  for (const c of checks) {
    if (c.types && !c.types.includes(rc.type)) continue;
    if (c.armTypes && (!arm || !c.armTypes.includes(arm))) continue;
    const found = evaluate(c, change, rc.type === 'azapi_update_resource');
    if (found) out.push(found);
  }
  return out;
}

function evaluate(c: AttributeCheck, change: PlanChange, patchOnly: boolean): AttributeRegression | undefined {
  const b = before(change, c.path);
  if (b === undefined) return undefined;
  const a = after(change, c.path);
  if (a === UNKNOWN) return undefined;
  // An azapi_update_resource that stops setting a property leaves the resource as it is.
  if (patchOnly && isUnset(a)) return undefined;
  if (!c.regressed(b, a)) return undefined;
  return { rule: c.rule, path: formatPath(c.path), what: c.what, before: b, after: a, sensitive: isSensitive(change, c.path), note: c.note };
}

function isObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

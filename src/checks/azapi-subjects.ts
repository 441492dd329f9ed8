// Resources the rules judge under another Terraform type: an `azapi_resource` of type
// `Microsoft.MachineLearningServices/workspaces@*` (a Workspace, a Hub with a Microsoft-managed vault, or anyone's azapi
// workspace) is judged by the workspace rules, on its ARM body mapped to the `azurerm_machine_learning_workspace`
// attributes they read. One adapter, so the rules keep one vocabulary. Internal: not exported from the package index.

/** What the rules judge: a Terraform type that has rules, and attributes in that type's vocabulary. */
export interface RuleSubject {
  readonly resourceType: string;
  readonly config: Record<string, unknown>;
}

const WORKSPACE_ARM_TYPE = /^microsoft\.machinelearningservices\/workspaces@/i;
const AZURERM_WORKSPACE = 'azurerm_machine_learning_workspace';

/** Terraform types whose resources may be judged under another type (the aspect looks at them too). */
export const ADAPTED_TYPES: readonly string[] = ['azapi_resource'];

/** The type and attributes the rules judge for a resource: the resource itself, or its adaptation. */
export function ruleSubject(resourceType: string, config: Record<string, unknown>): RuleSubject {
  if (resourceType === 'azapi_resource' && typeof config.type === 'string' && WORKSPACE_ARM_TYPE.test(config.type)) {
    return { resourceType: AZURERM_WORKSPACE, config: workspaceAttributes(config) };
  }
  return { resourceType, config };
}

/** A workspace azapi_resource as `azurerm_machine_learning_workspace` attributes (absent stays absent). */
function workspaceAttributes(config: Record<string, unknown>): Record<string, unknown> {
  const body = bodyOf(config.body);
  const p = asObject(body.properties);
  const encryption = asObject(p.encryption);
  const keyVault = asObject(encryption.keyVaultProperties);
  const network = asObject(p.managedNetwork);
  const serverless = asObject(p.serverlessComputeSettings);
  const sku = asObject(body.sku);
  return withoutUndefined({
    name: config.name,
    location: config.location,
    tags: config.tags,
    kind: body.kind,
    sku_name: sku.name,
    identity: config.identity,
    friendly_name: p.friendlyName,
    description: p.description,
    storage_account_id: p.storageAccount,
    key_vault_id: p.keyVault,
    application_insights_id: p.applicationInsights,
    container_registry_id: p.containerRegistry,
    primary_user_assigned_identity: p.primaryUserAssignedIdentity,
    public_network_access_enabled: enabled(p.publicNetworkAccess),
    high_business_impact: p.hbiWorkspace,
    v1_legacy_mode_enabled: p.v1LegacyMode,
    image_build_compute_name: p.imageBuildCompute,
    managed_network: p.managedNetwork === undefined ? undefined : withoutUndefined({
      isolation_mode: network.isolationMode,
      provision_on_creation_enabled: p.provisionNetworkNow,
    }),
    serverless_compute: p.serverlessComputeSettings === undefined ? undefined : withoutUndefined({
      subnet_id: serverless.serverlessComputeCustomSubnet,
      public_ip_enabled: typeof serverless.serverlessComputeNoPublicIP === 'boolean'
        ? !serverless.serverlessComputeNoPublicIP : serverless.serverlessComputeNoPublicIP,
    }),
    encryption: p.encryption === undefined ? undefined : withoutUndefined({
      key_vault_id: keyVault.keyVaultArmId,
      key_id: keyVault.keyIdentifier,
      user_assigned_identity_id: asObject(encryption.identity).userAssignedIdentity,
    }),
    service_side_encryption_enabled: p.enableServiceSideCMKEncryption,
  });
}

/** `Enabled`/`Disabled` (any case) as a boolean; expressions and other values pass through. */
function enabled(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const v = value.toLowerCase();
  return v === 'enabled' ? true : v === 'disabled' ? false : value;
}

/** azapi 2.x bodies are objects; azapi 1.x bodies are JSON strings. */
function bodyOf(body: unknown): Record<string, unknown> {
  if (typeof body === 'string') {
    try {
      return asObject(JSON.parse(body));
    } catch {
      return {};
    }
  }
  return asObject(body);
}

function asObject(value: unknown): Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, any> : {};
}

function withoutUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

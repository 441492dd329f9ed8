// Which resources hold data (stateful: destroying or replacing them loses it) and which protect others
// (destroying them lowers security). azurerm resources by Terraform type, azapi resources by ARM type.

import { ResourceChange } from './plan';
import { getAt } from './values';

/** A kind of stateful resource and what is lost with it. */
export interface StatefulKind {
  /** e.g. 'storage account'. */
  readonly label: string;
  /** What destroying it loses, one clause. */
  readonly loss: string;
}

function kind(label: string, loss: string): StatefulKind {
  return { label, loss };
}

const WORKSPACE = kind('ML workspace', 'run history, registered assets and connections are lost; the old workspace is soft-deleted and its name stays taken while it is retained');
const HUB = kind('AI Foundry hub', 'its projects, connections and shared settings are lost');
const PROJECT = kind('AI Foundry project', 'its runs, assets and deployments are lost');
const STORAGE = kind('storage account', 'all blobs, file shares (notebooks) and job outputs are deleted');
const CONTAINER = kind('storage container', 'every blob in it is deleted');
const SHARE = kind('file share', 'every file in it is deleted');
const FILESYSTEM = kind('Data Lake file system', 'every file in it is deleted');
const KEY_VAULT = kind('key vault', 'its secrets, keys and certificates are deleted (soft-deleted; the name stays taken while it is retained)');
const KEY = kind('key vault key', 'data encrypted with it (customer-managed key) cannot be read once the old key is purged');
const REGISTRY = kind('container registry', 'all images, including the workspace\'s environment images, are deleted');
const LOG_ANALYTICS = kind('Log Analytics workspace', 'its logs are deleted');
const APP_INSIGHTS = kind('Application Insights component', 'its telemetry history is deleted');
const COMPUTE_INSTANCE = kind('compute instance', 'its local disk (files outside the workspace file share, installed packages) is lost');
const DATASTORE = kind('ML datastore', 'the registration is lost: data assets and jobs that refer to it break (the storage itself stays)');
const ML_REGISTRY = kind('ML registry', 'the models, environments and components shared through it are deleted');
const AI_SERVICES = kind('AI services account', 'its deployments, projects and keys are lost');

const AZURERM_STATEFUL: Record<string, StatefulKind> = {
  azurerm_machine_learning_workspace: WORKSPACE,
  azurerm_ai_foundry: HUB,
  azurerm_ai_foundry_project: PROJECT,
  azurerm_ai_services: AI_SERVICES,
  azurerm_cognitive_account: AI_SERVICES,
  azurerm_storage_account: STORAGE,
  azurerm_storage_container: CONTAINER,
  azurerm_storage_share: SHARE,
  azurerm_storage_data_lake_gen2_filesystem: FILESYSTEM,
  azurerm_key_vault: KEY_VAULT,
  azurerm_key_vault_key: KEY,
  azurerm_container_registry: REGISTRY,
  azurerm_log_analytics_workspace: LOG_ANALYTICS,
  azurerm_application_insights: APP_INSIGHTS,
  azurerm_machine_learning_compute_instance: COMPUTE_INSTANCE,
  azurerm_machine_learning_datastore_blobstorage: DATASTORE,
  azurerm_machine_learning_datastore_datalake_gen2: DATASTORE,
  azurerm_machine_learning_datastore_fileshare: DATASTORE,
};

/** Lower-case ARM types (without API version). */
const ARM_STATEFUL: Record<string, StatefulKind> = {
  'microsoft.machinelearningservices/workspaces': WORKSPACE,
  'microsoft.machinelearningservices/workspaces/datastores': DATASTORE,
  'microsoft.machinelearningservices/registries': ML_REGISTRY,
  'microsoft.storage/storageaccounts': STORAGE,
  'microsoft.storage/storageaccounts/blobservices/containers': CONTAINER,
  'microsoft.storage/storageaccounts/fileservices/shares': SHARE,
  'microsoft.keyvault/vaults': KEY_VAULT,
  'microsoft.keyvault/vaults/keys': KEY,
  'microsoft.containerregistry/registries': REGISTRY,
  'microsoft.operationalinsights/workspaces': LOG_ANALYTICS,
  'microsoft.insights/components': APP_INSIGHTS,
  'microsoft.cognitiveservices/accounts': AI_SERVICES,
  'microsoft.cognitiveservices/accounts/projects': PROJECT,
};

const AZURERM_PROTECTIVE: Record<string, string> = {
  azurerm_private_endpoint: 'private endpoint',
  azurerm_management_lock: 'management lock',
  azurerm_monitor_diagnostic_setting: 'diagnostic setting',
  azurerm_storage_account_customer_managed_key: 'customer-managed key',
  azurerm_storage_account_network_rules: 'storage network rule set',
};

const ARM_PROTECTIVE: Record<string, string> = {
  'microsoft.network/privateendpoints': 'private endpoint',
  'microsoft.authorization/locks': 'management lock',
  'microsoft.insights/diagnosticsettings': 'diagnostic setting',
};

/** True for resources of the azapi provider that carry an ARM `type` and a `body`. */
export function isAzapi(rc: ResourceChange): boolean {
  return rc.type === 'azapi_resource' || rc.type === 'azapi_update_resource';
}

/** The ARM type of an azapi resource, lower case and without `@version`; undefined for other resources. */
export function armTypeOf(rc: ResourceChange): string | undefined {
  if (!isAzapi(rc)) return undefined;
  const t = getAt(rc.change.after, ['type']) ?? getAt(rc.change.before, ['type']);
  if (typeof t !== 'string') return undefined;
  const at = t.indexOf('@');
  return (at >= 0 ? t.slice(0, at) : t).toLowerCase();
}

/** The stateful kind of the resource, or undefined when destroying it loses no data. */
export function statefulKind(rc: ResourceChange): StatefulKind | undefined {
  if (rc.mode === 'data') return undefined;
  const direct = AZURERM_STATEFUL[rc.type];
  if (direct) return direct;
  // azapi_update_resource only patches a resource: destroying it destroys nothing in Azure.
  if (rc.type !== 'azapi_resource') return undefined;
  const arm = armTypeOf(rc);
  if (!arm) return undefined;
  if (arm === 'microsoft.machinelearningservices/workspaces/computes') {
    return computeTypeOf(rc) === 'computeinstance' ? COMPUTE_INSTANCE : undefined;
  }
  if (arm === 'microsoft.machinelearningservices/workspaces') {
    const k = String(bodyValue(rc, ['kind']) ?? '').toLowerCase();
    return k === 'hub' ? HUB : k === 'project' ? PROJECT : WORKSPACE;
  }
  return ARM_STATEFUL[arm];
}

/** What the resource protects, when it is a private endpoint, lock, diagnostic setting and the like. */
export function protectiveKind(rc: ResourceChange): string | undefined {
  if (rc.mode === 'data') return undefined;
  const direct = AZURERM_PROTECTIVE[rc.type];
  if (direct) return direct;
  if (rc.type !== 'azapi_resource') return undefined;
  const arm = armTypeOf(rc);
  return arm ? ARM_PROTECTIVE[arm] : undefined;
}

function computeTypeOf(rc: ResourceChange): string {
  return String(bodyValue(rc, ['properties', 'computeType']) ?? '').toLowerCase();
}

/** A value from an azapi resource's body (after, else before); azapi 1.x bodies are JSON strings. Also reads top-level `kind`. */
function bodyValue(rc: ResourceChange, path: ReadonlyArray<string>): unknown {
  for (const side of [rc.change.after, rc.change.before]) {
    const v = getAt(side, ['body', ...path]);
    if (v !== undefined && v !== null) return v;
    if (path.length === 1) {
      const top = getAt(side, path);
      if (top !== undefined && top !== null) return top;
    }
  }
  return undefined;
}

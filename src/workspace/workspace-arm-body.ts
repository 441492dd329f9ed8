// Internal: the ARM body of a `Microsoft.MachineLearningServices/workspaces` azapi_resource, shared by Workspace
// (kinds Default and FeatureStore) and Hub (kind Hub with a Microsoft-managed key vault). One mechanism, so both
// send the same property names and the same replace triggers.
import { FeatureStoreSettings, WorkspaceIdentity } from './workspace-options';
import { AzapiResourceIdentity } from '../azapi/resource';
import { IUserAssignedIdentity } from '../core/identity';

/** Type and API version of workspace resources: the newest stable version in the ARM types the library uses. */
export const WORKSPACE_ARM_TYPE = 'Microsoft.MachineLearningServices/workspaces@2025-06-01';

/**
 * Body paths Azure cannot change on an existing workspace (what azurerm 4.55.0 marks ForceNew on
 * `azurerm_machine_learning_workspace`: storage, key vault, Application Insights, registry, encryption,
 * high business impact, service-side encryption; and the kind). A change replaces the workspace instead of
 * sending an update Azure refuses at apply. `name`, `location` and `parent_id` replace it anyway.
 */
export const WORKSPACE_REPLACE_TRIGGERS = [
  'kind',
  'properties.storageAccount',
  'properties.keyVault',
  'properties.applicationInsights',
  'properties.containerRegistry',
  'properties.hbiWorkspace',
  'properties.encryption',
  'properties.enableServiceSideCMKEncryption',
];

/** Customer-managed key encryption of a workspace body. */
export interface WorkspaceBodyEncryption {
  readonly keyVaultId: string;
  readonly keyId: string;
  /** User-assigned identity that reads the key. */
  readonly identity?: IUserAssignedIdentity;
  /** `enableServiceSideCMKEncryption`; omitted when undefined. */
  readonly serviceSide?: boolean;
}

/** What a workspace body carries; undefined values are left out of the body. */
export interface WorkspaceBodyInput {
  readonly kind: string;
  /** SKU name (`Basic`); omitted when undefined. */
  readonly sku?: string;
  readonly friendlyName?: string;
  readonly description?: string;
  readonly storageAccountId: string;
  /** Undefined for a hub with a Microsoft-managed key vault. */
  readonly keyVaultId?: string;
  readonly applicationInsightsId: string;
  readonly containerRegistryId?: string;
  readonly primaryUserAssignedIdentityId?: string;
  readonly publicNetworkAccessEnabled: boolean;
  readonly highBusinessImpact: boolean;
  readonly v1LegacyMode?: boolean;
  readonly imageBuildCompute?: string;
  readonly isolationMode: string;
  readonly firewallSku?: string;
  /** `provisionNetworkNow`: sent only when true. */
  readonly provisionNetworkNow?: boolean;
  /** `systemDatastoresAuthMode`: `Identity` when true, `AccessKey` when false. */
  readonly identityBasedSystemDatastores: boolean;
  readonly serverlessCompute?: { readonly subnetId?: string; readonly publicIpEnabled: boolean };
  readonly encryption?: WorkspaceBodyEncryption;
  readonly featureStore?: FeatureStoreSettings;
}

/** The `body` of a workspace azapi_resource: `kind`, `sku` and `properties`, without undefined values. */
export function workspaceArmBody(input: WorkspaceBodyInput): { [key: string]: any } {
  const enc = input.encryption;
  const properties = {
    friendlyName: input.friendlyName,
    description: input.description,
    storageAccount: input.storageAccountId,
    keyVault: input.keyVaultId,
    applicationInsights: input.applicationInsightsId,
    containerRegistry: input.containerRegistryId,
    primaryUserAssignedIdentity: input.primaryUserAssignedIdentityId,
    publicNetworkAccess: input.publicNetworkAccessEnabled ? 'Enabled' : 'Disabled',
    hbiWorkspace: input.highBusinessImpact,
    v1LegacyMode: input.v1LegacyMode,
    imageBuildCompute: input.imageBuildCompute,
    managedNetwork: { isolationMode: input.isolationMode, firewallSku: input.firewallSku },
    systemDatastoresAuthMode: input.identityBasedSystemDatastores ? 'Identity' : 'AccessKey',
    provisionNetworkNow: input.provisionNetworkNow ? true : undefined,
    serverlessComputeSettings: input.serverlessCompute ? {
      serverlessComputeCustomSubnet: input.serverlessCompute.subnetId,
      serverlessComputeNoPublicIP: !input.serverlessCompute.publicIpEnabled,
    } : undefined,
    encryption: enc ? {
      status: 'Enabled',
      keyVaultProperties: {
        keyVaultArmId: enc.keyVaultId,
        keyIdentifier: enc.keyId,
        identityClientId: enc.identity?.clientId || undefined,
      },
      identity: enc.identity ? { userAssignedIdentity: enc.identity.identityId } : undefined,
    } : undefined,
    enableServiceSideCMKEncryption: enc?.serviceSide,
    featureStoreSettings: input.featureStore ? {
      computeRuntime: input.featureStore.computeSparkRuntimeVersion !== undefined
        ? { sparkRuntimeVersion: input.featureStore.computeSparkRuntimeVersion } : undefined,
      offlineStoreConnectionName: input.featureStore.offlineConnectionName,
      onlineStoreConnectionName: input.featureStore.onlineConnectionName,
    } : undefined,
  };
  return withoutUndefined({
    kind: input.kind,
    sku: input.sku !== undefined ? { name: input.sku, tier: input.sku } : undefined,
    properties,
  });
}

/** The azapi `identity` block of a workspace-like resource. */
export function workspaceArmIdentity(identity: WorkspaceIdentity, userIdentities: IUserAssignedIdentity[]): AzapiResourceIdentity {
  return {
    type: identity.type,
    identityIds: userIdentities.length > 0 ? userIdentities.map(i => i.identityId) : undefined,
  };
}

/** A deep copy of a plain object without its undefined values (azapi would send them as nulls). */
export function withoutUndefined(o: { [key: string]: any }): { [key: string]: any } {
  return Object.fromEntries(Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k, v !== null && typeof v === 'object' && !Array.isArray(v) ? withoutUndefined(v) : v]));
}

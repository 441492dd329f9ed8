import { AzureCloud } from './cloud';

/** Private DNS zone names of a sub-resource in each cloud. */
interface ZonesPerCloud {
  readonly AzurePublic: string[];
  readonly AzureUSGovernment: string[];
  readonly AzureChina: string[];
}

/** Storage zones: `privatelink.<service>.<storage suffix of the cloud>`. */
function storageZones(service: string): ZonesPerCloud {
  return {
    AzurePublic: [`privatelink.${service}.core.windows.net`],
    AzureUSGovernment: [`privatelink.${service}.core.usgovcloudapi.net`],
    AzureChina: [`privatelink.${service}.core.chinacloudapi.cn`],
  };
}

/**
 * A private-link sub-resource (`subresource_names`, the "group ID") and the private DNS zones its
 * endpoint registers in. The constants cover the Azure ML workspace, its dependencies and the usual
 * targets of a managed network; `of()` describes any other one.
 */
export class PrivateEndpointSubResource {
  /** Azure ML workspace (`amlworkspace`): zones `privatelink.api.azureml.ms` and `privatelink.notebooks.azure.net`. */
  public static readonly AML_WORKSPACE = new PrivateEndpointSubResource('amlworkspace', 'Microsoft.MachineLearningServices/workspaces', {
    AzurePublic: ['privatelink.api.azureml.ms', 'privatelink.notebooks.azure.net'],
    AzureUSGovernment: ['privatelink.api.ml.azure.us', 'privatelink.notebooks.usgovcloudapi.net'],
    AzureChina: ['privatelink.api.ml.azure.cn', 'privatelink.notebooks.chinacloudapi.cn'],
  });
  /** Azure ML registry (`amlregistry`): zone `privatelink.api.azureml.ms`. */
  public static readonly AML_REGISTRY = new PrivateEndpointSubResource('amlregistry', 'Microsoft.MachineLearningServices/registries', {
    AzurePublic: ['privatelink.api.azureml.ms'],
    AzureUSGovernment: ['privatelink.api.ml.azure.us'],
    AzureChina: ['privatelink.api.ml.azure.cn'],
  });
  /** Storage blob service (`blob`). */
  public static readonly BLOB = new PrivateEndpointSubResource('blob', 'Microsoft.Storage/storageAccounts', storageZones('blob'));
  /** Storage file service (`file`). */
  public static readonly FILE = new PrivateEndpointSubResource('file', 'Microsoft.Storage/storageAccounts', storageZones('file'));
  /** Storage Data Lake Gen2 service (`dfs`). */
  public static readonly DFS = new PrivateEndpointSubResource('dfs', 'Microsoft.Storage/storageAccounts', storageZones('dfs'));
  /** Storage queue service (`queue`): batch endpoints and ParallelRunStep need it. */
  public static readonly QUEUE = new PrivateEndpointSubResource('queue', 'Microsoft.Storage/storageAccounts', storageZones('queue'));
  /** Storage table service (`table`): batch endpoints and ParallelRunStep need it. */
  public static readonly TABLE = new PrivateEndpointSubResource('table', 'Microsoft.Storage/storageAccounts', storageZones('table'));
  /** Storage static website (`web`). */
  public static readonly WEB = new PrivateEndpointSubResource('web', 'Microsoft.Storage/storageAccounts', storageZones('web'));
  /** Key vault (`vault`). */
  public static readonly VAULT = new PrivateEndpointSubResource('vault', 'Microsoft.KeyVault/vaults', {
    AzurePublic: ['privatelink.vaultcore.azure.net'],
    AzureUSGovernment: ['privatelink.vaultcore.usgovcloudapi.net'],
    AzureChina: ['privatelink.vaultcore.azure.cn'],
  });
  /** Container registry (`registry`, Premium only). */
  public static readonly REGISTRY = new PrivateEndpointSubResource('registry', 'Microsoft.ContainerRegistry/registries', {
    AzurePublic: ['privatelink.azurecr.io'],
    AzureUSGovernment: ['privatelink.azurecr.us'],
    AzureChina: ['privatelink.azurecr.cn'],
  });
  /** Azure Monitor Private Link Scope (`azuremonitor`): Log Analytics and Application Insights. */
  public static readonly AZURE_MONITOR = new PrivateEndpointSubResource('azuremonitor', 'Microsoft.Insights/privateLinkScopes', {
    AzurePublic: ['privatelink.monitor.azure.com', 'privatelink.oms.opinsights.azure.com', 'privatelink.ods.opinsights.azure.com',
      'privatelink.agentsvc.azure-automation.net', 'privatelink.blob.core.windows.net'],
    AzureUSGovernment: ['privatelink.monitor.azure.us', 'privatelink.oms.opinsights.azure.us', 'privatelink.ods.opinsights.azure.us',
      'privatelink.agentsvc.azure-automation.us', 'privatelink.blob.core.usgovcloudapi.net'],
    AzureChina: ['privatelink.monitor.azure.cn', 'privatelink.oms.opinsights.azure.cn', 'privatelink.ods.opinsights.azure.cn',
      'privatelink.agentsvc.azure-automation.cn', 'privatelink.blob.core.chinacloudapi.cn'],
  });
  /** Azure AI Search (`searchService`). */
  public static readonly SEARCH_SERVICE = new PrivateEndpointSubResource('searchService', 'Microsoft.Search/searchServices', {
    AzurePublic: ['privatelink.search.windows.net'],
    AzureUSGovernment: ['privatelink.search.windows.us'],
    AzureChina: ['privatelink.search.azure.cn'],
  });
  /** Azure AI Services / Azure OpenAI / Cognitive Services account (`account`). */
  public static readonly COGNITIVE_ACCOUNT = new PrivateEndpointSubResource('account', 'Microsoft.CognitiveServices/accounts', {
    AzurePublic: ['privatelink.cognitiveservices.azure.com', 'privatelink.openai.azure.com', 'privatelink.services.ai.azure.com'],
    AzureUSGovernment: ['privatelink.cognitiveservices.azure.us', 'privatelink.openai.azure.us'],
    AzureChina: ['privatelink.cognitiveservices.azure.cn', 'privatelink.openai.azure.cn'],
  });
  /** Azure SQL Database server (`sqlServer`). */
  public static readonly SQL_SERVER = new PrivateEndpointSubResource('sqlServer', 'Microsoft.Sql/servers', {
    AzurePublic: ['privatelink.database.windows.net'],
    AzureUSGovernment: ['privatelink.database.usgovcloudapi.net'],
    AzureChina: ['privatelink.database.chinacloudapi.cn'],
  });
  /** Cosmos DB for NoSQL (`Sql`). */
  public static readonly COSMOS_SQL = new PrivateEndpointSubResource('Sql', 'Microsoft.DocumentDB/databaseAccounts', {
    AzurePublic: ['privatelink.documents.azure.com'],
    AzureUSGovernment: ['privatelink.documents.azure.us'],
    AzureChina: ['privatelink.documents.azure.cn'],
  });

  /**
   * Any other sub-resource.
   * @param groupId the sub-resource name (`subresource_names`), e.g. `namespace`
   * @param zoneNames the private DNS zone names its endpoint registers in (the same in every cloud)
   * @param targetType the ARM type of the target, e.g. `Microsoft.EventHub/namespaces`; a known target ID of another type is then an error
   */
  public static of(groupId: string, zoneNames: string[], targetType?: string): PrivateEndpointSubResource {
    return new PrivateEndpointSubResource(groupId, targetType, { AzurePublic: zoneNames, AzureUSGovernment: zoneNames, AzureChina: zoneNames });
  }

  private constructor(
    /** The sub-resource name (`subresource_names`). */
    public readonly groupId: string,
    /** ARM type of the targets that have this sub-resource, when known. */
    public readonly targetType: string | undefined,
    private readonly zones: ZonesPerCloud,
  ) {}

  /** The private DNS zone names of this sub-resource in a cloud. */
  public zoneNames(cloud: AzureCloud = AzureCloud.PUBLIC): string[] {
    return [...(this.zones as unknown as Record<string, string[]>)[cloud.name]];
  }
}

// Internal: which targets fit which connection category. Not exported from src/index.ts.
import { IConstruct } from 'constructs';
import { ConnectionAuth } from './connection-auth';
import { ConnectionCategory } from './connection-category';
import { isResourceIdOfType } from '../core/arm-id';
import { isResolved, ValidationError } from '../core/validation';

interface TargetRule {
  readonly pattern: RegExp;
  readonly rule: string;
  readonly example: string;
}

const HTTPS = /^https:\/\/[^\s/]+(\/\S*)?$/i;

/** Target rules by ARM category; categories not listed are not checked. */
const TARGET_RULES: { [category: string]: TargetRule } = {
  AIServices: { pattern: /^https:\/\/[a-z0-9-]+\.(cognitiveservices\.azure\.com|services\.ai\.azure\.com|openai\.azure\.com)\/?$/i, rule: 'the endpoint of an Azure AI Services account', example: 'https://my-ai.cognitiveservices.azure.com/' },
  AzureOpenAI: { pattern: /^https:\/\/[a-z0-9-]+\.(openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)\/?$/i, rule: 'the endpoint of an Azure OpenAI account', example: 'https://my-openai.openai.azure.com/' },
  CognitiveSearch: { pattern: /^https:\/\/[a-z0-9-]+\.search\.windows\.net\/?$/i, rule: 'the endpoint of an Azure AI Search service', example: 'https://my-search.search.windows.net' },
  AzureBlob: { pattern: /^https:\/\/[a-z0-9]{3,24}\.blob\.core\.windows\.net\/[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]\/?$/, rule: 'the URL of a blob container', example: 'https://mystorage.blob.core.windows.net/data' },
  ADLSGen2: { pattern: /^https:\/\/[a-z0-9]{3,24}\.dfs\.core\.windows\.net(\/[a-z0-9$][a-z0-9-]{1,62})?\/?$/, rule: 'the URL of a Data Lake Storage Gen2 account or file system', example: 'https://mylake.dfs.core.windows.net/raw' },
  ContainerRegistry: { pattern: /^(https:\/\/)?[a-z0-9.-]+\.[a-z]{2,}(:\d+)?\/?$/i, rule: 'the login server of a container registry', example: 'myregistry.azurecr.io' },
  Git: { pattern: HTTPS, rule: 'an https URL of a Git repository', example: 'https://github.com/contoso/repo.git' },
  PythonFeed: { pattern: HTTPS, rule: 'an https URL of a Python package feed', example: 'https://pkgs.dev.azure.com/contoso/_packaging/feed/pypi/simple/' },
  S3: { pattern: /^(s3:\/\/)?[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/?$/, rule: 'an S3 bucket name (or s3:// URL)', example: 'my-bucket' },
  Snowflake: { pattern: /^jdbc:snowflake:\/\/[a-z0-9._-]+\.snowflakecomputing\.com\/?(\?\S*)?$/i, rule: 'a Snowflake JDBC URL', example: 'jdbc:snowflake://myaccount.snowflakecomputing.com/?db=mydb&warehouse=wh' },
  AzureSqlDb: { pattern: /^Server=[^;]+;\s*Database=[^;]+(;[^;]*)*$/i, rule: 'an ADO.NET connection string `Server=...;Database=...` without credentials', example: 'Server=tcp:myserver.database.windows.net,1433;Database=mydb;Encrypt=True' },
};

/** Throws when the auth type is not one the category accepts. */
export function checkAuthFits(scope: IConstruct, category: ConnectionCategory, auth: ConnectionAuth): void {
  const allowed = category.supportedAuthTypes;
  if (allowed && !allowed.includes(auth.authType)) {
    throw new ValidationError(scope, `a ${category.value} connection does not support auth type '${auth.authType}'; `
      + `use one of: ${allowed.join(', ')} (ConnectionAuth.${allowed.map(authFactory).join('(), ConnectionAuth.')}()).`);
  }
}

/** Throws when a known target does not fit the category, or carries a credential. */
export function checkTargetFits(scope: IConstruct, category: ConnectionCategory, target: string): void {
  if (target === undefined || target === null || target === '') {
    throw new ValidationError(scope, `the ${category.value} connection has no target; pass \`target\`.`);
  }
  if (!isResolved(target)) return;
  if (/(password|pwd|accountkey|sharedaccesssignature|sig)=/i.test(target)) {
    throw new ValidationError(scope, `the target of the ${category.value} connection '${target.replace(/=[^;&]*/g, '=***')}' `
      + 'contains a credential; targets are stored in clear text. Remove it from the target and pass it through `auth` as a SecretValue.');
  }
  const rule = TARGET_RULES[category.value];
  if (rule && !rule.pattern.test(target)) {
    throw new ValidationError(scope, `the target '${target}' does not fit a ${category.value} connection: it must be `
      + `${rule.rule}, e.g. '${rule.example}'.`);
  }
}

/** Throws when a known resource ID is not of the ARM type. */
export function checkResourceId(scope: IConstruct, what: string, id: string, armType: string): void {
  if (!isResolved(id)) return;
  if (!isResourceIdOfType(id, armType)) {
    throw new ValidationError(scope, `${what} '${id}' is not a ${armType} ID; expected `
      + `/subscriptions/<sub>/resourceGroups/<rg>/providers/${armType.split('/')[0]}/${armType.split('/').slice(1).join('/<name>/')}/<name>.`);
  }
}

function authFactory(authType: string): string {
  const names: { [t: string]: string } = {
    AAD: 'aad',
    ManagedIdentity: 'managedIdentity',
    ApiKey: 'apiKey',
    AccessKey: 'accessKey',
    AccountKey: 'accountKey',
    PAT: 'pat',
    SAS: 'sas',
    UsernamePassword: 'usernamePassword',
    ServicePrincipal: 'servicePrincipal',
    CustomKeys: 'customKeys',
    None: 'none',
  };
  return names[authType] ?? authType;
}

/**
 * The connection categories of the ARM type (`WorkspaceConnectionPropertiesV2.category`, api-versions 2025-06-01 and
 * 2026-05-01 in `../shared/arm-types`). The type is an open enum, but the service knows only these.
 */
const ARM_CONNECTION_CATEGORIES = [
  'PythonFeed', 'ContainerRegistry', 'Git', 'S3', 'Snowflake', 'AzureSqlDb', 'AzureSynapseAnalytics', 'AzureMySqlDb',
  'AzurePostgresDb', 'ADLSGen2', 'Redis', 'ApiKey', 'AzureOpenAI', 'AIServices', 'CognitiveSearch',
  'CognitiveService', 'CustomKeys', 'AzureBlob', 'AzureOneLake', 'CosmosDb', 'CosmosDbMongoDbApi',
  'AzureDataExplorer', 'AzureMariaDb', 'AzureDatabricksDeltaLake', 'AzureSqlMi', 'AzureTableStorage',
  'AmazonRdsForOracle', 'AmazonRdsForSqlServer', 'AmazonRedshift', 'Db2', 'Drill', 'GoogleBigQuery', 'Greenplum',
  'Hbase', 'Hive', 'Impala', 'Informix', 'MariaDb', 'MicrosoftAccess', 'MySql', 'Netezza', 'Oracle', 'Phoenix',
  'PostgreSql', 'Presto', 'SapOpenHub', 'SapBw', 'SapHana', 'SapTable', 'Spark', 'SqlServer', 'Sybase', 'Teradata',
  'Vertica', 'Pinecone', 'Cassandra', 'Couchbase', 'MongoDbV2', 'MongoDbAtlas', 'AmazonS3Compatible', 'FileServer',
  'FtpServer', 'GoogleCloudStorage', 'Hdfs', 'OracleCloudStorage', 'Sftp', 'GenericHttp', 'ODataRest', 'Odbc',
  'GenericRest', 'AmazonMws', 'Concur', 'Dynamics', 'DynamicsAx', 'DynamicsCrm', 'GoogleAdWords', 'Hubspot', 'Jira',
  'Magento', 'Marketo', 'Office365', 'Eloqua', 'Responsys', 'OracleServiceCloud', 'PayPal', 'QuickBooks',
  'Salesforce', 'SalesforceServiceCloud', 'SalesforceMarketingCloud', 'SapCloudForCustomer', 'SapEcc', 'ServiceNow',
  'SharePointOnlineList', 'Shopify', 'Square', 'WebTable', 'Xero', 'Zoho', 'GenericContainerRegistry',
  'Elasticsearch', 'OpenAI', 'Serp', 'BingLLMSearch', 'Serverless', 'ManagedOnlineEndpoint', 'AzureKeyVault',
  'AzureContainerAppEnvironment', 'AzureStorageAccount', 'Databricks', 'RemoteTool', 'AppInsights', 'AppConfig',
  'ApiManagement', 'ModelGateway', 'GroundingWithBingSearch', 'GroundingWithCustomSearch', 'Sharepoint',
  'MicrosoftFabric', 'PowerPlatformEnvironment', 'RemoteA2A',
];

/** Refuses a `ConnectionCategory.of(...)` value that is not an ARM category, with "did you mean" for a case slip. */
export function checkCategory(scope: IConstruct, category: ConnectionCategory): void {
  const value = category.value;
  if (!isResolved(value) || ARM_CONNECTION_CATEGORIES.includes(value)) return;
  const norm = (v: string) => String(v).toLowerCase().replace(/[\s_-]/g, '');
  const near = ARM_CONNECTION_CATEGORIES.find(c => norm(c) === norm(value));
  throw new ValidationError(scope, `connection category '${value}' is not a category Azure ML knows (the ARM type `
    + `WorkspaceConnectionPropertiesV2.category lists ${ARM_CONNECTION_CATEGORIES.length}, e.g. 'Redis', 'CosmosDb', 'AzureKeyVault')`
    + `${near ? `; did you mean '${near}'?` : '.'} Use a ConnectionCategory constant, or ConnectionCategory.of with the exact ARM name.`);
}

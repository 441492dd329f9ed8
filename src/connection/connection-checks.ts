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

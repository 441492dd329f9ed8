// Workspace connections: the seven Azure ML CLI connection specs (cli/resources/connections in
// Azure/azureml-examples), the Azure connections with identity-based auth and their role grants, and bad input.
import { TerraformStack, TerraformVariable } from 'cdktf';
import { expectConformant, ofType, only, providerStack, synthJson, warningsOf } from './support/synth';
import {
  AiSearchConnection, AiServicesConnection, AzureOpenAiConnection, BlobStorageConnection, DataLakeGen2Connection,
} from '../src/connection/azure-connections';
import { ConnectionAuth } from '../src/connection/connection-auth';
import { ConnectionCategory } from '../src/connection/connection-category';
import {
  AzureSqlConnection, ContainerRegistryConnection, CustomKeysConnection, GitConnection, PythonFeedConnection,
  S3Connection, SnowflakeConnection,
} from '../src/connection/external-connections';
import { WorkspaceConnection } from '../src/connection/workspace-connection';

const CONNECTION_TYPE = WorkspaceConnection.ARM_TYPE;
import { UserAssignedIdentityRef } from '../src/core/identity';
import { SecretValue } from '../src/core/secret';
import { DatastoreAccess } from '../src/datastore/credentials';
import { Workspace } from '../src/workspace/workspace';
import { IWorkspace } from '../src/workspace/workspace-ref';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml';
const WORKSPACE_ID = `${SUB}/providers/Microsoft.MachineLearningServices/workspaces/mlw-demo`;
const AI_ID = `${SUB}/providers/Microsoft.CognitiveServices/accounts/ai-demo`;
const SEARCH_ID = `${SUB}/providers/Microsoft.Search/searchServices/srch-demo`;
const STORAGE_ID = `${SUB}/providers/Microsoft.Storage/storageAccounts/stdemo`;
const ACR_ID = `${SUB}/providers/Microsoft.ContainerRegistry/registries/crdemo`;
const UAI_ID = `${SUB}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-pull`;
const PRINCIPAL = '11111111-2222-3333-4444-555555555555';

interface Fixture { readonly stack: TerraformStack; readonly workspace: IWorkspace }

function fixture(principalId: string | null = PRINCIPAL): Fixture {
  const stack = providerStack('Test');
  const workspace = Workspace.fromWorkspaceAttributes(stack, 'Ml', { workspaceId: WORKSPACE_ID, systemAssignedPrincipalId: principalId ?? undefined });
  return { stack, workspace };
}

function secret(stack: TerraformStack, id: string): SecretValue {
  return SecretValue.fromSensitiveVariable(new TerraformVariable(stack, id, { type: 'string', sensitive: true }));
}

/** The only connection of the stack, after the conformance check. */
function connectionOf(stack: TerraformStack): { json: any; resource: any } {
  const json = synthJson(stack);
  expectConformant(json);
  return { json, resource: only(json, 'azapi_resource') };
}

describe('WorkspaceConnection: azureml-examples cli/resources/connections', () => {
  test('azure-sql-user-passwd: an Azure SQL database with user name and password', () => {
    const f = fixture();
    new AzureSqlConnection(f.stack, 'Sql', {
      workspace: f.workspace,
      name: 'my_sqldb_connection',
      target: 'Server=tcp:myserver.database.windows.net,1433;Database=mydb;Trusted_Connection=False;Encrypt=True;Connection Timeout=30',
      auth: ConnectionAuth.usernamePassword('sqladmin', secret(f.stack, 'sql_password')),
    });
    const { resource } = connectionOf(f.stack);
    expect(resource).toMatchObject({ type: CONNECTION_TYPE, name: 'my_sqldb_connection', parent_id: WORKSPACE_ID });
    expect(resource.body).toEqual({
      properties: {
        category: 'AzureSqlDb',
        target: 'Server=tcp:myserver.database.windows.net,1433;Database=mydb;Trusted_Connection=False;Encrypt=True;Connection Timeout=30',
        authType: 'UsernamePassword',
        isSharedToAll: false,
      },
    });
    expect(resource.sensitive_body).toEqual({ properties: { credentials: { username: 'sqladmin', password: '${sensitive(var.sql_password)}' } } });
    expect(resource.sensitive_body_version).toEqual({ 'properties.credentials': '1' });
  });

  test('container-registry-managed-identity: the identity\'s client and resource IDs, AcrPull granted on the registry', () => {
    const f = fixture();
    const identity = UserAssignedIdentityRef.fromAttributes({ identityId: UAI_ID, principalId: PRINCIPAL, clientId: '99999999-0000-0000-0000-000000000001', key: 'pull' });
    new ContainerRegistryConnection(f.stack, 'Registry', {
      workspace: f.workspace,
      name: 'test_ws_conn_cr_managed',
      target: 'https://test-feed.com',
      auth: ConnectionAuth.managedIdentity(identity),
      registryId: ACR_ID,
    });
    const { json, resource } = connectionOf(f.stack);
    expect(resource.body).toEqual({
      properties: {
        category: 'ContainerRegistry',
        target: 'https://test-feed.com',
        authType: 'ManagedIdentity',
        isSharedToAll: true,
        credentials: { clientId: '99999999-0000-0000-0000-000000000001', resourceId: UAI_ID },
      },
    });
    expect(resource.sensitive_body).toBeUndefined();
    expect(only(json, 'azurerm_role_assignment')).toMatchObject({ scope: ACR_ID, role_definition_name: 'AcrPull', principal_id: PRINCIPAL });
  });

  test('git-pat: a Git repository with a personal access token, kept in the write-only sensitive body', () => {
    const f = fixture();
    new GitConnection(f.stack, 'Git', { workspace: f.workspace, name: 'test_ws_conn_git_pat', target: 'https://test-git-feed.com', auth: ConnectionAuth.pat(secret(f.stack, 'git_pat')) });
    const { resource } = connectionOf(f.stack);
    expect(resource.body.properties).toEqual({ category: 'Git', target: 'https://test-git-feed.com', authType: 'PAT', isSharedToAll: false });
    expect(resource.sensitive_body.properties.credentials).toEqual({ pat: '${sensitive(var.git_pat)}' });
  });

  test('git-user-passwd: a Git repository with user name and password', () => {
    const f = fixture();
    new GitConnection(f.stack, 'Git', {
      workspace: f.workspace,
      name: 'test_ws_conn_git_pat',
      target: 'https://test-git-feed.com',
      auth: ConnectionAuth.usernamePassword('dummy', secret(f.stack, 'git_password')),
    });
    const { resource } = connectionOf(f.stack);
    expect(resource.body.properties).toMatchObject({ category: 'Git', authType: 'UsernamePassword' });
    expect(resource.sensitive_body.properties.credentials).toEqual({ username: 'dummy', password: '${sensitive(var.git_password)}' });
  });

  test('python-feed-pat: a Python feed with a personal access token', () => {
    const f = fixture();
    new PythonFeedConnection(f.stack, 'Feed', { workspace: f.workspace, name: 'test_ws_conn_python_pat', target: 'https://test-feed.com', auth: ConnectionAuth.pat(secret(f.stack, 'feed_pat')) });
    const { resource } = connectionOf(f.stack);
    expect(resource).toMatchObject({ name: 'test_ws_conn_python_pat' });
    expect(resource.body.properties).toEqual({ category: 'PythonFeed', target: 'https://test-feed.com', authType: 'PAT', isSharedToAll: false });
    expect(resource.sensitive_body.properties.credentials).toEqual({ pat: '${sensitive(var.feed_pat)}' });
  });

  test('s3-access-key: an S3 bucket with an access key', () => {
    const f = fixture();
    new S3Connection(f.stack, 'S3', {
      workspace: f.workspace,
      name: 'my_s3_connection',
      target: 'my-bucket',
      auth: ConnectionAuth.accessKey('AKIAEXAMPLEKEYID', secret(f.stack, 's3_secret')),
    });
    const { resource } = connectionOf(f.stack);
    expect(resource.body.properties).toEqual({ category: 'S3', target: 'my-bucket', authType: 'AccessKey', isSharedToAll: false });
    expect(resource.sensitive_body.properties.credentials).toEqual({ accessKeyId: 'AKIAEXAMPLEKEYID', secretAccessKey: '${sensitive(var.s3_secret)}' });
  });

  test('snowflake-db-user-passwd: a Snowflake database by JDBC URL', () => {
    const f = fixture();
    const target = 'jdbc:snowflake://myaccount.snowflakecomputing.com/?db=mydb&warehouse=mywh&role=myrole';
    new SnowflakeConnection(f.stack, 'Snowflake', {
      workspace: f.workspace,
      name: 'my_snowflakedb_connection',
      target,
      auth: ConnectionAuth.usernamePassword('analyst', secret(f.stack, 'snowflake_password')),
    });
    const { resource } = connectionOf(f.stack);
    expect(resource.body.properties).toEqual({ category: 'Snowflake', target, authType: 'UsernamePassword', isSharedToAll: false });
    expect(resource.sensitive_body.properties.credentials).toEqual({ username: 'analyst', password: '${sensitive(var.snowflake_password)}' });
  });
});

describe('WorkspaceConnection: Azure services with identity-based auth', () => {
  test('AI Services with Entra ID (the default): metadata, shared to all, roles for the workspace identity', () => {
    const f = fixture();
    const c = new AiServicesConnection(f.stack, 'Ai', { workspace: f.workspace, resourceId: AI_ID, endpoint: 'https://ai-demo.cognitiveservices.azure.com/' });
    const { json, resource } = connectionOf(f.stack);
    expect(resource.body).toEqual({
      properties: {
        category: 'AIServices',
        target: 'https://ai-demo.cognitiveservices.azure.com/',
        authType: 'AAD',
        isSharedToAll: true,
        metadata: { ApiType: 'Azure', ResourceId: AI_ID },
      },
    });
    const grants = Object.values(ofType(json, 'azurerm_role_assignment'));
    expect(grants.map((g: any) => [g.scope, g.role_definition_name, g.principal_id]).sort()).toEqual([
      [AI_ID, 'Cognitive Services OpenAI User', PRINCIPAL],
      [AI_ID, 'Cognitive Services User', PRINCIPAL],
    ]);
    expect(c.connectionName).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/);
  });

  test('grantTargetAccess grants a team the same roles; an API-key connection grants nothing and is not shared', () => {
    const f = fixture();
    const aad = new AzureOpenAiConnection(f.stack, 'OpenAi', { workspace: f.workspace, resourceId: AI_ID, endpoint: 'https://ai-demo.openai.azure.com/', apiVersion: '2024-10-21' });
    const team = { principalId: 'aaaaaaaa-0000-0000-0000-000000000000', principalType: 'Group' as any, granteeKey: 'team', isManagedIdentity: false };
    expect(aad.grantTargetAccess(team)).toHaveLength(1);
    const keyed = new AiSearchConnection(f.stack, 'Search', {
      workspace: f.workspace, resourceId: SEARCH_ID, endpoint: 'https://srch-demo.search.windows.net', auth: ConnectionAuth.apiKey(secret(f.stack, 'search_key')),
    });
    expect(keyed.grantTargetAccess(team)).toEqual([]);
    const json = synthJson(f.stack);
    expectConformant(json);
    const resources = Object.values(ofType(json, 'azapi_resource')) as any[];
    const search = resources.find(r => r.body.properties.category === 'CognitiveSearch');
    expect(search.body.properties).toMatchObject({ authType: 'ApiKey', isSharedToAll: false });
    expect(search.sensitive_body.properties.credentials).toEqual({ key: '${sensitive(var.search_key)}' });
    const openai = resources.find(r => r.body.properties.category === 'AzureOpenAI');
    expect(openai.body.properties.metadata).toEqual({ ApiType: 'Azure', ResourceId: AI_ID, ApiVersion: '2024-10-21' });
    const roles = Object.values(ofType(json, 'azurerm_role_assignment')).map((g: any) => `${g.role_definition_name}:${g.principal_id}`).sort();
    expect(roles).toEqual([`Cognitive Services OpenAI User:${PRINCIPAL}`, 'Cognitive Services OpenAI User:aaaaaaaa-0000-0000-0000-000000000000']);
  });

  test('AI Search, blob and Data Lake Gen2 with Entra ID: targets from the IDs and the data roles', () => {
    const f = fixture();
    new AiSearchConnection(f.stack, 'Search', { workspace: f.workspace, resourceId: SEARCH_ID, endpoint: 'https://srch-demo.search.windows.net' });
    new BlobStorageConnection(f.stack, 'Blob', { workspace: f.workspace, storageAccountId: STORAGE_ID, containerName: 'data' });
    new DataLakeGen2Connection(f.stack, 'Lake', { workspace: f.workspace, storageAccountId: STORAGE_ID, containerName: 'raw', access: DatastoreAccess.READ_WRITE });
    const json = synthJson(f.stack);
    expectConformant(json);
    const bodies = Object.values(ofType(json, 'azapi_resource')).map((r: any) => r.body.properties);
    expect(bodies).toEqual(expect.arrayContaining([
      expect.objectContaining({ category: 'AzureBlob', target: 'https://stdemo.blob.core.windows.net/data', authType: 'AAD', metadata: { AccountName: 'stdemo', ContainerName: 'data', ResourceId: STORAGE_ID } }),
      expect.objectContaining({ category: 'ADLSGen2', target: 'https://stdemo.dfs.core.windows.net/raw', authType: 'AAD' }),
    ]));
    const roles = Object.values(ofType(json, 'azurerm_role_assignment')).map((g: any) => `${g.role_definition_name}@${g.scope.split('/').pop()}`).sort();
    expect(roles).toEqual([
      'Search Index Data Reader@srch-demo', 'Search Service Contributor@srch-demo',
      'Storage Blob Data Contributor@raw', 'Storage Blob Data Reader@data',
    ]);
    // On the container (file system) the connection reaches, never on the whole account.
    const storageScopes = Object.values(ofType(json, 'azurerm_role_assignment')).map((g: any) => g.scope).filter(x => x.startsWith(STORAGE_ID)).sort();
    expect(storageScopes).toEqual([`${STORAGE_ID}/blobServices/default/containers/data`, `${STORAGE_ID}/blobServices/default/containers/raw`]);
  });

  test('an imported workspace without a known identity warns with what to grant', () => {
    const f = fixture(null);
    const c = new AiServicesConnection(f.stack, 'Ai', { workspace: f.workspace, resourceId: AI_ID, endpoint: 'https://ai-demo.cognitiveservices.azure.com/' });
    expect(warningsOf(c).join('\n')).toMatch(/not known here.*Cognitive Services User.*grantTargetAccess/);
    expect(ofType(synthJson(f.stack), 'azurerm_role_assignment')).toEqual({});
  });

  test('workspace.addConnection: a generic category and custom keys', () => {
    const f = fixture();
    f.workspace.addConnection('Redis', {
      category: ConnectionCategory.of('Redis'), target: 'my-cache.redis.cache.windows.net:6380', auth: ConnectionAuth.none(), name: 'redis-cache',
    });
    new CustomKeysConnection(f.stack, 'Custom', {
      workspace: f.workspace, target: 'https://api.example.com', keys: { 'x-api-key': secret(f.stack, 'custom_key') }, secretVersion: '2',
    });
    const json = synthJson(f.stack);
    expectConformant(json);
    const resources = Object.values(ofType(json, 'azapi_resource')) as any[];
    expect(resources.find(r => r.name === 'redis-cache').body.properties).toEqual({
      category: 'Redis', target: 'my-cache.redis.cache.windows.net:6380', authType: 'None', isSharedToAll: true,
    });
    const custom = resources.find(r => r.body.properties.category === 'CustomKeys');
    expect(custom.sensitive_body).toEqual({ properties: { credentials: { keys: { 'x-api-key': '${sensitive(var.custom_key)}' } } } });
    expect(custom.sensitive_body_version).toEqual({ 'properties.credentials': '2' });
  });

  test('a secret shared to all warns', () => {
    const f = fixture();
    const c = new GitConnection(f.stack, 'Git', { workspace: f.workspace, target: 'https://github.com/contoso/repo.git', auth: ConnectionAuth.pat(secret(f.stack, 'pat')), isSharedToAll: true });
    expect(warningsOf(c).join('\n')).toMatch(/stores a PAT secret and is shared to all.*Prefer ConnectionAuth\.aad\(\), or set isSharedToAll: false/);
  });
});

describe('WorkspaceConnection: bad input', () => {
  test('a literal secret is rejected', () => {
    const f = fixture();
    expect(() => new GitConnection(f.stack, 'Git', { workspace: f.workspace, target: 'https://github.com/contoso/repo.git', auth: ConnectionAuth.pat(SecretValue.fromToken('FIXTURE-SECRET')) }))
      .toThrow(/Test\/Git: connection personal access token: a plain string was given.*SecretValue\.fromSensitiveVariable\(\)/);
    expect(() => new S3Connection(f.stack, 'S3', { workspace: f.workspace, target: 'my-bucket', auth: ConnectionAuth.accessKey('AKIA', 'example-password' as any) }))
      .toThrow(/Test\/S3: the secret access key was given as a string; it must be a SecretValue/);
  });

  test('a target that does not fit its category is rejected, naming the rule and an example', () => {
    const f = fixture();
    expect(() => new AiServicesConnection(f.stack, 'Ai', { workspace: f.workspace, resourceId: AI_ID, endpoint: 'https://srch-demo.search.windows.net' }))
      .toThrow(/Test\/Ai: the target 'https:\/\/srch-demo.search.windows.net' does not fit a AIServices connection: it must be the endpoint of an Azure AI Services account, e\.g\./);
    expect(() => new SnowflakeConnection(f.stack, 'Sf', { workspace: f.workspace, target: 'https://myaccount.snowflakecomputing.com', auth: ConnectionAuth.usernamePassword('u', secret(f.stack, 'p')) }))
      .toThrow(/does not fit a Snowflake connection: it must be a Snowflake JDBC URL/);
    expect(() => new AzureSqlConnection(f.stack, 'Sql', { workspace: f.workspace, target: 'Server=tcp:s.database.windows.net;Database=db;Password=hunter2', auth: ConnectionAuth.usernamePassword('u', secret(f.stack, 'p2')) }))
      .toThrow(/contains a credential; targets are stored in clear text/);
  });

  test('a resource ID of the wrong type is rejected', () => {
    const f = fixture();
    expect(() => new AiSearchConnection(f.stack, 'Search', { workspace: f.workspace, resourceId: AI_ID, endpoint: 'https://srch-demo.search.windows.net' }))
      .toThrow(/Test\/Search: AI Search resourceId '.*ai-demo' is not a Microsoft.Search\/searchServices ID/);
  });

  test('an auth type the category does not support is rejected with the ones it does', () => {
    const f = fixture();
    expect(() => new S3Connection(f.stack, 'S3', { workspace: f.workspace, target: 'my-bucket', auth: ConnectionAuth.aad() }))
      .toThrow(/Test\/S3: a S3 connection does not support auth type 'AAD'; use one of: AccessKey \(ConnectionAuth.accessKey\(\)\)/);
    expect(() => new BlobStorageConnection(f.stack, 'Blob', { workspace: f.workspace, storageAccountId: STORAGE_ID, containerName: 'data', auth: ConnectionAuth.pat(secret(f.stack, 'x')) }))
      .toThrow(/AzureBlob connection does not support auth type 'PAT'; use one of: AAD, AccountKey, SAS/);
  });

  test('a bad name is rejected', () => {
    const f = fixture();
    expect(() => new GitConnection(f.stack, 'Git', { workspace: f.workspace, name: 'a', target: 'https://github.com/x/y', auth: ConnectionAuth.none() }))
      .toThrow(/workspace connection name 'a' is invalid/);
  });

  test('connections generic over a hub also attach through the same interface (IWorkspace)', () => {
    const f = fixture();
    const c: WorkspaceConnection = f.workspace.addConnection('Feed', { category: ConnectionCategory.PYTHON_FEED, target: 'https://pypi.org/simple', auth: ConnectionAuth.none() });
    expect(c.node.path).toBe('Test/Ml/Feed');
  });
});

import * as fs from 'fs';
import * as path from 'path';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { StorageDataLakeGen2Filesystem } from '@cdktf/provider-azurerm/lib/storage-data-lake-gen2-filesystem';
import { StorageShare } from '@cdktf/provider-azurerm/lib/storage-share';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { parse as parseYaml } from 'yaml';
import {
  BlobContainerTarget,
  BlobDatastore,
  BlobProtocol,
  DataLakeGen2FileSystemTarget,
  Datastore,
  DatastoreAccess,
  DatastoreCredentials,
  FileShareTarget,
  IStorageAccount,
  IWorkspace,
  RemovalPolicy,
  SecretValue,
  StorageAccount,
  UserAssignedIdentityRef,
  Workspace,
} from '../src';
import { FIXTURE_SECRETS, expectNoSecrets, findSecrets } from './support/secrets';
import { describeWithShared, requireSharedDir, sharedDir } from './support/shared';
import { expectConformant, ofType, only, providerStack, synthJson, warningsOf } from './support/synth';
import { NAME_RULES } from '../src/core/naming';

// Distinctive fixture secrets: none of them may ever reach a synthesized stack.
// Shared with synthJson, which scans every synthesized test stack for them.
const [FIXTURE_ACCOUNT_KEY, FIXTURE_SAS_TOKEN, FIXTURE_CLIENT_SECRET] = FIXTURE_SECRETS;

const SUB = '11111111-2222-3333-4444-555555555555';
const RG_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml`;
const WORKSPACE_ID = `${RG_ID}/providers/Microsoft.MachineLearningServices/workspaces/mlw-demo`;
const WORKSPACE_PRINCIPAL = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const accountId = (name: string) => `${RG_ID}/providers/Microsoft.Storage/storageAccounts/${name}`;
const containerId = (account: string, c: string) => `${accountId(account)}/blobServices/default/containers/${c}`;
const shareId = (account: string, s: string) => `${accountId(account)}/fileServices/default/shares/${s}`;

/** Every synthesized stack of this file, scanned for fixture secrets by the last test. */
const synthesized: any[] = [];

/** Synthesizes, checks conformance, and keeps the JSON for the secret scan. */
function synth(stack: TerraformStack): any {
  const json = synthJson(stack);
  expectConformant(json);
  synthesized.push(json);
  return json;
}

/** A sensitive variable (no default: the value comes from TF_VAR_* at plan time). */
function secretVar(stack: TerraformStack, id: string): SecretValue {
  return SecretValue.fromSensitiveVariable(new TerraformVariable(stack, id, { type: 'string', sensitive: true }));
}

interface Fixture {
  readonly stack: TerraformStack;
  readonly workspace: IWorkspace;
  account(name: string, attrs?: { isHnsEnabled?: boolean; accountKind?: string }): IStorageAccount;
}

function fixture(options: { identity?: 'system' | 'user' | 'unknown' } = {}): Fixture {
  const stack = providerStack();
  const identity = options.identity ?? 'system';
  const workspace = Workspace.fromWorkspaceAttributes(stack, 'Workspace', {
    workspaceId: WORKSPACE_ID,
    location: 'westeurope',
    systemAssignedPrincipalId: identity === 'system' ? WORKSPACE_PRINCIPAL : undefined,
    primaryUserAssignedIdentity: identity === 'user' ? UserAssignedIdentityRef.fromAttributes({
      identityId: `${RG_ID}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-ml`,
      principalId: '99999999-8888-7777-6666-555555555555',
      key: 'ml-identity',
    }) : undefined,
  });
  return {
    stack,
    workspace,
    account: (name, attrs = {}) => StorageAccount.fromStorageAccountAttributes(stack, `Account-${name}`, {
      storageAccountId: accountId(name), ...attrs,
    }),
  };
}

describeWithShared('datastores: the azureml-examples datastore specs', () => {
  const dir = () => path.join(requireSharedDir(), 'cases', 'azureml-examples', 'datastore');
  const spec = (file: string): any => parseYaml(fs.readFileSync(path.join(dir(), file), 'utf8'));

  test('every spec in the folder is covered here', () => {
    const files = fs.readdirSync(dir()).filter(f => f.endsWith('.yml')).sort();
    expect(files).toEqual([
      'adls-gen1-credless.yml', 'adls-gen1.yml', 'adls-gen2-credless.yml', 'adls-gen2.yml', 'blob-credless.yml',
      'blob-protocol.yml', 'blob-sas.yml', 'blob.yml', 'file-sas.yml', 'file.yml',
    ]);
  });

  test('blob.yml: account-key blob datastore', () => {
    const s = spec('blob.yml');
    const f = fixture();
    f.workspace.addBlobDatastore('Blob', {
      name: s.name,
      description: s.description,
      container: BlobContainerTarget.fromContainerName(f.account(s.account_name), s.container_name),
      credentials: DatastoreCredentials.accountKey(secretVar(f.stack, 'blob_account_key')),
    });
    const json = synth(f.stack);
    const ds = only(json, 'azurerm_machine_learning_datastore_blobstorage');
    expect(ds).toMatchObject({
      name: 'blob_example',
      description: 'Datastore pointing to a blob container.',
      workspace_id: WORKSPACE_ID,
      storage_container_id: containerId('mytestblobstore', 'data-container'),
      account_key: '${sensitive(var.blob_account_key)}',
      service_data_auth_identity: 'None',
    });
    expect(ds.shared_access_signature).toBeUndefined();
    expect(ofType(json, 'azurerm_role_assignment')).toEqual({});
    expect(json.variable.blob_account_key).toEqual({ type: 'string', sensitive: true });
  });

  test('blob-credless.yml: identity-based blob datastore grants the workspace identity Storage Blob Data Reader', () => {
    const s = spec('blob-credless.yml');
    const f = fixture();
    const account = f.account(s.account_name);
    f.workspace.addBlobDatastore('BlobCredless', {
      name: s.name,
      description: s.description,
      container: BlobContainerTarget.fromContainerName(account, s.container_name),
    });
    const json = synth(f.stack);
    const ds = only(json, 'azurerm_machine_learning_datastore_blobstorage');
    expect(ds).toMatchObject({
      name: 'blob_credless_example',
      description: 'Credential-less datastore pointing to a blob container.',
      storage_container_id: containerId('mytestblobstore', 'data-container'),
      service_data_auth_identity: 'WorkspaceSystemAssignedIdentity',
    });
    expect(ds.account_key).toBeUndefined();
    expect(ds.shared_access_signature).toBeUndefined();
    // On the container only (least privilege), not the account.
    expect(only(json, 'azurerm_role_assignment')).toMatchObject({
      scope: containerId('mytestblobstore', 'data-container'),
      role_definition_name: 'Storage Blob Data Reader',
      principal_id: WORKSPACE_PRINCIPAL,
      principal_type: 'ServicePrincipal',
      skip_service_principal_aad_check: true,
    });
  });

  test('blob-sas.yml: SAS-token blob datastore', () => {
    const s = spec('blob-sas.yml');
    const f = fixture();
    f.workspace.addBlobDatastore('BlobSas', {
      name: s.name,
      description: s.description,
      container: BlobContainerTarget.fromContainerName(f.account(s.account_name), s.container_name),
      credentials: DatastoreCredentials.sasToken(secretVar(f.stack, 'blob_sas_token')),
    });
    const ds = only(synth(f.stack), 'azurerm_machine_learning_datastore_blobstorage');
    expect(ds).toMatchObject({
      name: 'blob_sas_example',
      storage_container_id: containerId('mytestblobstore', 'data-container'),
      shared_access_signature: '${sensitive(var.blob_sas_token)}',
      service_data_auth_identity: 'None',
    });
    expect(ds.account_key).toBeUndefined();
  });

  test('blob-protocol.yml: wasbs is not expressible with azurerm 4.55.0 (clear error); the https form synthesizes', () => {
    const s = spec('blob-protocol.yml');
    expect(s.protocol).toBe('wasbs');
    const f = fixture();
    const props = {
      name: s.name,
      description: s.description,
      container: BlobContainerTarget.fromContainerName(f.account(s.account_name), s.container_name),
      credentials: DatastoreCredentials.accountKey(secretVar(f.stack, 'blob_account_key')),
    };
    expect(() => f.workspace.addBlobDatastore('Wasbs', { ...props, protocol: BlobProtocol.WASBS }))
      .toThrow(/Workspace\/Wasbs: protocol 'wasbs' is not expressible with azurerm 4\.55\.0: .*no protocol argument and always uses https\. Leave `protocol` out/);
    f.workspace.addBlobDatastore('Https', { ...props, protocol: BlobProtocol.HTTPS });
    const ds = only(synth(f.stack), 'azurerm_machine_learning_datastore_blobstorage');
    expect(ds).toMatchObject({
      name: 'blob_protocol_example',
      storage_container_id: containerId('mytestblobstore', 'data-container'),
      account_key: '${sensitive(var.blob_account_key)}',
    });
    expect(ds.protocol).toBeUndefined();
  });

  test('adls-gen2.yml: service-principal Data Lake Gen2 datastore', () => {
    const s = spec('adls-gen2.yml');
    const f = fixture();
    f.workspace.addDataLakeGen2Datastore('Gen2', {
      name: s.name,
      description: s.description,
      fileSystem: DataLakeGen2FileSystemTarget.fromFileSystemName(f.account(s.account_name, { isHnsEnabled: true }), s.filesystem),
      credentials: DatastoreCredentials.servicePrincipal({
        tenantId: TENANT_ID,
        clientId: CLIENT_ID,
        clientSecret: secretVar(f.stack, 'adls_client_secret'),
      }),
    });
    const json = synth(f.stack);
    const ds = only(json, 'azurerm_machine_learning_datastore_datalake_gen2');
    expect(ds).toMatchObject({
      name: 'adls_gen2_example',
      description: 'Datastore pointing to an Azure Data Lake Storage Gen2.',
      workspace_id: WORKSPACE_ID,
      storage_container_id: containerId('mytestdatalakegen2', 'my-gen2-container'),
      tenant_id: TENANT_ID,
      client_id: CLIENT_ID,
      client_secret: '${sensitive(var.adls_client_secret)}',
      service_data_identity: 'None',
    });
    expect(ds.authority_url).toBeUndefined();
    expect(ofType(json, 'azurerm_role_assignment')).toEqual({});
  });

  test('adls-gen2-credless.yml: identity-based Data Lake Gen2 datastore grants the workspace identity', () => {
    const s = spec('adls-gen2-credless.yml');
    const f = fixture();
    f.workspace.addDataLakeGen2Datastore('Gen2Credless', {
      name: s.name,
      description: s.description,
      fileSystem: DataLakeGen2FileSystemTarget.fromFileSystemName(f.account(s.account_name, { isHnsEnabled: true }), s.filesystem),
    });
    const json = synth(f.stack);
    const ds = only(json, 'azurerm_machine_learning_datastore_datalake_gen2');
    expect(ds).toMatchObject({
      name: 'adls_gen2_credless_example',
      storage_container_id: containerId('mytestdatalakegen2', 'my-gen2-container'),
      service_data_identity: 'WorkspaceSystemAssignedIdentity',
    });
    expect(ds.client_secret).toBeUndefined();
    expect(only(json, 'azurerm_role_assignment')).toMatchObject({
      scope: containerId('mytestdatalakegen2', 'my-gen2-container'),
      role_definition_name: 'Storage Blob Data Reader',
      principal_id: WORKSPACE_PRINCIPAL,
    });
  });

  test('file.yml: account-key file-share datastore', () => {
    const s = spec('file.yml');
    const f = fixture();
    f.workspace.addFileShareDatastore('File', {
      name: s.name,
      description: s.description,
      share: FileShareTarget.fromShareName(f.account(s.account_name), s.file_share_name),
      credentials: DatastoreCredentials.accountKey(secretVar(f.stack, 'file_account_key')),
    });
    const json = synth(f.stack);
    const ds = only(json, 'azurerm_machine_learning_datastore_fileshare');
    expect(ds).toMatchObject({
      name: 'file_example',
      description: 'Datastore pointing to an Azure File Share.',
      workspace_id: WORKSPACE_ID,
      storage_fileshare_id: shareId('mytestfilestore', 'my-share'),
      account_key: '${sensitive(var.file_account_key)}',
      service_data_identity: 'None',
    });
    expect(ds.shared_access_signature).toBeUndefined();
    expect(ofType(json, 'azurerm_role_assignment')).toEqual({});
  });

  test('file-sas.yml: SAS-token file-share datastore', () => {
    const s = spec('file-sas.yml');
    const f = fixture();
    f.workspace.addFileShareDatastore('FileSas', {
      name: s.name,
      description: s.description,
      share: FileShareTarget.fromShareName(f.account(s.account_name), s.file_share_name),
      credentials: DatastoreCredentials.sasToken(secretVar(f.stack, 'file_sas_token')),
    });
    const ds = only(synth(f.stack), 'azurerm_machine_learning_datastore_fileshare');
    expect(ds).toMatchObject({
      name: 'file_sas_example',
      storage_fileshare_id: shareId('mytestfilestore', 'my-share'),
      shared_access_signature: '${sensitive(var.file_sas_token)}',
    });
    expect(ds.account_key).toBeUndefined();
  });

  test.each(['adls-gen1.yml', 'adls-gen1-credless.yml'])('%s: ADLS Gen1 is retired, and the error says so', (file) => {
    const s = spec(file);
    expect(s.type).toBe('azure_data_lake_gen1');
    const f = fixture();
    const gen1Id = `${RG_ID}/providers/Microsoft.DataLakeStore/accounts/${s.store_name.trim()}`;
    const credentials = s.credentials ? DatastoreCredentials.servicePrincipal({
      tenantId: TENANT_ID, clientId: CLIENT_ID, clientSecret: secretVar(f.stack, 'gen1_client_secret'),
    }) : undefined;
    const attempt = (target: string) => () => f.workspace.addDataLakeGen2Datastore(`Gen1-${target.length}`, {
      name: s.name,
      fileSystem: DataLakeGen2FileSystemTarget.fromFileSystemId(target),
      credentials,
    });
    const message = /is an Azure Data Lake Storage Gen1 store\. Azure Data Lake Storage Gen1 was retired on 29 February 2024.*Migrate the data to Data Lake Storage Gen2.*DataLakeGen2Datastore/;
    expect(attempt(gen1Id)).toThrow(message);
    expect(attempt(`adl://${s.store_name.trim()}.azuredatalakestore.net`)).toThrow(message);
  });

  test('the specs\' redacted literal credentials are rejected as secrets', () => {
    const f = fixture();
    const literal = spec('blob.yml').credentials.account_key;
    expect(() => f.workspace.addBlobDatastore('Literal', {
      container: BlobContainerTarget.fromContainerId(containerId('mytestblobstore', 'data-container')),
      credentials: DatastoreCredentials.accountKey(SecretValue.fromToken(literal)),
    })).toThrow(/Workspace\/Literal: account key: a plain string was given; secrets must not appear in code or in the synthesized JSON/);
  });
});

describe('datastores: workspace identity and grants', () => {
  test('a user-assigned primary identity is used and granted; READ_WRITE grants Contributor', () => {
    const f = fixture({ identity: 'user' });
    const ds = f.workspace.addBlobDatastore('Raw', {
      container: BlobContainerTarget.fromContainerName(f.account('stdata'), 'raw'),
      dataAccess: DatastoreAccess.READ_WRITE,
    });
    const json = synth(f.stack);
    expect(only(json, 'azurerm_machine_learning_datastore_blobstorage').service_data_auth_identity).toBe('WorkspaceUserAssignedIdentity');
    expect(only(json, 'azurerm_role_assignment')).toMatchObject({
      scope: containerId('stdata', 'raw'),
      role_definition_name: 'Storage Blob Data Contributor',
      principal_id: '99999999-8888-7777-6666-555555555555',
    });
    expect(ds.dataAccessGrant).toBeDefined();
  });

  test('an unknown workspace identity: system-assigned by default, nothing granted, a warning says what to grant', () => {
    const f = fixture({ identity: 'unknown' });
    const ds = f.workspace.addBlobDatastore('Raw', { container: BlobContainerTarget.fromContainerName(f.account('stdata'), 'raw') });
    const json = synth(f.stack);
    expect(only(json, 'azurerm_machine_learning_datastore_blobstorage').service_data_auth_identity).toBe('WorkspaceSystemAssignedIdentity');
    expect(ofType(json, 'azurerm_role_assignment')).toEqual({});
    expect(warningsOf(ds, true).join('\n')).toMatch(/managed identity of workspace .*Workspace is not known here, so 'Storage Blob Data Reader' on the blob container 'raw' of the storage account .*Account-stdata was not granted.*systemAssignedPrincipalId/);
  });

  test('grantWorkspaceIdentity: false grants nothing and warns about nothing', () => {
    const f = fixture({ identity: 'unknown' });
    const ds = f.workspace.addDataLakeGen2Datastore('Lake', {
      fileSystem: DataLakeGen2FileSystemTarget.fromFileSystemId(containerId('stlake', 'curated')),
      grantWorkspaceIdentity: false,
    });
    const json = synth(f.stack);
    expect(ofType(json, 'azurerm_role_assignment')).toEqual({});
    expect(warningsOf(ds, true)).toEqual([]);
  });

  test('a container given by ID is granted on the container itself, once for two datastores on it', () => {
    const f = fixture();
    const id = containerId('stdata', 'shared');
    f.workspace.addBlobDatastore('A', { container: BlobContainerTarget.fromContainerId(id) });
    f.workspace.addDataLakeGen2Datastore('B', { fileSystem: DataLakeGen2FileSystemTarget.fromFileSystemId(id) });
    const json = synth(f.stack);
    expect(Object.keys(ofType(json, 'azurerm_machine_learning_datastore_blobstorage'))).toHaveLength(1);
    expect(only(json, 'azurerm_role_assignment')).toMatchObject({ scope: id, role_definition_name: 'Storage Blob Data Reader' });
  });

  test('datastores on two containers of one account: one grant per container, none on the account; the same container twice: one', () => {
    const f = fixture();
    const account = f.account('stdata');
    f.workspace.addBlobDatastore('Raw', { container: BlobContainerTarget.fromContainerName(account, 'raw') });
    f.workspace.addBlobDatastore('Curated', { container: BlobContainerTarget.fromContainerName(account, 'curated') });
    f.workspace.addDataLakeGen2Datastore('CuratedAgain', { fileSystem: DataLakeGen2FileSystemTarget.fromFileSystemId(containerId('stdata', 'curated')) });
    const scopes = Object.values<any>(ofType(synth(f.stack), 'azurerm_role_assignment')).map(r => r.scope).sort();
    expect(scopes).toEqual([containerId('stdata', 'curated'), containerId('stdata', 'raw')]);
  });

  test('a container the datastore creates is granted on that container (its ARM ID), not on the account', () => {
    const f = fixture();
    f.workspace.addBlobDatastore('Raw', { container: BlobContainerTarget.create(f.account('stdata'), 'raw-data') });
    f.workspace.addDataLakeGen2Datastore('Lake', { fileSystem: DataLakeGen2FileSystemTarget.create(f.account('stlake', { isHnsEnabled: true }), 'curated') });
    const json = synth(f.stack);
    const containers = ofType(json, 'azurerm_storage_container');
    const grants = Object.values<any>(ofType(json, 'azurerm_role_assignment'));
    expect(grants.map(g => g.role_definition_name)).toEqual(['Storage Blob Data Reader', 'Storage Blob Data Reader']);
    expect(grants.map(g => g.scope).sort()).toEqual(Object.keys(containers).map(a => `\${azurerm_storage_container.${a}.id}`).sort());
    expect(grants.map(g => g.scope)).not.toContain(accountId('stdata'));
  });
});

describe('datastores: targets', () => {
  test('create() makes a private container through ARM, kept by prevent_destroy', () => {
    const f = fixture();
    f.workspace.addBlobDatastore('Raw', { container: BlobContainerTarget.create(f.account('stdata'), 'raw-data') });
    const json = synth(f.stack);
    const [address, container] = Object.entries(ofType(json, 'azurerm_storage_container'))[0];
    expect(container).toMatchObject({
      name: 'raw-data',
      storage_account_id: accountId('stdata'),
      container_access_type: 'private',
      lifecycle: { prevent_destroy: true },
    });
    expect(container.storage_account_name).toBeUndefined();
    expect(only(json, 'azurerm_machine_learning_datastore_blobstorage').storage_container_id)
      .toBe(`\${azurerm_storage_container.${address}.id}`);
  });

  test('create() of a Data Lake file system on an HNS account, with RemovalPolicy.DESTROY', () => {
    const f = fixture();
    f.workspace.addDataLakeGen2Datastore('Lake', {
      fileSystem: DataLakeGen2FileSystemTarget.create(f.account('stlake', { isHnsEnabled: true }), 'curated', { removalPolicy: RemovalPolicy.DESTROY }),
    });
    const json = synth(f.stack);
    const container = only(json, 'azurerm_storage_container');
    expect(container).toMatchObject({ name: 'curated', storage_account_id: accountId('stlake'), container_access_type: 'private' });
    expect(container.lifecycle).toBeUndefined();
    expect(only(json, 'azurerm_machine_learning_datastore_datalake_gen2').storage_container_id).toMatch(/^\$\{azurerm_storage_container\..+\.id\}$/);
  });

  test('create() makes a file share through ARM with a 100 GiB quota by default', () => {
    const f = fixture();
    f.workspace.addFileShareDatastore('Share', {
      share: FileShareTarget.create(f.account('stfiles'), 'team-share'),
      credentials: DatastoreCredentials.accountKey(secretVar(f.stack, 'share_key')),
    });
    const json = synth(f.stack);
    const [address, share] = Object.entries(ofType(json, 'azurerm_storage_share'))[0];
    expect(share).toMatchObject({ name: 'team-share', storage_account_id: accountId('stfiles'), quota: 100, lifecycle: { prevent_destroy: true } });
    expect(only(json, 'azurerm_machine_learning_datastore_fileshare').storage_fileshare_id).toBe(`\${azurerm_storage_share.${address}.id}`);
  });

  test('L1 resources: ARM-plane ids, resource_manager_id for data-plane ones, file systems by container ID', () => {
    const f = fixture();
    const armContainer = new StorageContainer(f.stack, 'ArmContainer', { name: 'arm', storageAccountId: accountId('stdata') });
    const dpContainer = new StorageContainer(f.stack, 'DpContainer', { name: 'dp', storageAccountName: 'stdata' });
    const fileSystem = new StorageDataLakeGen2Filesystem(f.stack, 'FileSystem', { name: 'fs', storageAccountId: accountId('stlake') });
    const share = new StorageShare(f.stack, 'Share', { name: 'share', storageAccountId: accountId('stfiles'), quota: 50 });
    f.workspace.addBlobDatastore('Arm', { container: BlobContainerTarget.fromContainer(armContainer) });
    f.workspace.addBlobDatastore('Dp', { container: BlobContainerTarget.fromContainer(dpContainer) });
    f.workspace.addDataLakeGen2Datastore('Fs', { fileSystem: DataLakeGen2FileSystemTarget.fromFileSystem(fileSystem) });
    f.workspace.addFileShareDatastore('Files', {
      share: FileShareTarget.fromShare(share),
      credentials: DatastoreCredentials.sasToken(secretVar(f.stack, 'share_sas')),
    });
    const json = synth(f.stack);
    const blobs = Object.values(ofType(json, 'azurerm_machine_learning_datastore_blobstorage')).map((d: any) => d.storage_container_id).sort();
    expect(blobs).toEqual([
      '${azurerm_storage_container.ArmContainer.id}',
      '${azurerm_storage_container.DpContainer.resource_manager_id}',
    ]);
    expect(only(json, 'azurerm_machine_learning_datastore_datalake_gen2').storage_container_id)
      .toBe('${azurerm_storage_data_lake_gen2_filesystem.FileSystem.storage_account_id}/blobServices/default/containers/${azurerm_storage_data_lake_gen2_filesystem.FileSystem.name}');
    expect(only(json, 'azurerm_machine_learning_datastore_fileshare').storage_fileshare_id).toBe('${azurerm_storage_share.Share.id}');
  });

  test('a public L1 container gets a warning', () => {
    const f = fixture();
    const pub = new StorageContainer(f.stack, 'Public', { name: 'pub', storageAccountId: accountId('stdata'), containerAccessType: 'blob' });
    const ds = f.workspace.addBlobDatastore('Pub', { container: BlobContainerTarget.fromContainer(pub) });
    expect(warningsOf(ds, true).join('\n')).toMatch(/container_access_type 'blob': anyone on the internet can read it\. Set container_access_type = "private"/);
  });
});

describe('datastores: names, optional attributes, imports', () => {
  test('generated names are valid, deterministic, lower_snake_case from the construct path', () => {
    const names = () => {
      const f = fixture();
      const a = f.workspace.addBlobDatastore('Raw-Images', { container: BlobContainerTarget.fromContainerId(containerId('stdata', 'raw')) });
      const b = new BlobDatastore(f.stack, 'X'.repeat(300), { workspace: f.workspace, container: BlobContainerTarget.fromContainerId(containerId('stdata', 'b')) });
      return [a.datastoreName, b.datastoreName];
    };
    const [first, long] = names();
    expect(first).toMatch(/^workspace_raw_images_[a-z][a-z0-9]{7}$/);
    expect(long.length).toBeLessThanOrEqual(255);
    for (const n of [first, long]) expect(n).toMatch(NAME_RULES.datastore.pattern);
    expect(names()).toEqual([first, long]);
  });

  test('description, tags and is_default are emitted only when given', () => {
    const f = fixture();
    f.workspace.addBlobDatastore('Plain', { name: 'plain', container: BlobContainerTarget.fromContainerId(containerId('stdata', 'a')) });
    f.workspace.addBlobDatastore('Full', {
      name: 'full',
      description: 'Curated data',
      tags: { team: 'ml' },
      isDefault: true,
      container: BlobContainerTarget.fromContainerId(containerId('stdata', 'b')),
    });
    const all = Object.values(ofType(synth(f.stack), 'azurerm_machine_learning_datastore_blobstorage')) as any[];
    const plain = all.find(d => d.name === 'plain');
    const full = all.find(d => d.name === 'full');
    expect(plain.description).toBeUndefined();
    expect(plain.tags).toBeUndefined();
    expect(plain.is_default).toBeUndefined();
    expect(full).toMatchObject({ description: 'Curated data', tags: { team: 'ml' }, is_default: true });
  });

  test('authority_url is passed through for a service principal', () => {
    const f = fixture();
    f.workspace.addDataLakeGen2Datastore('Sp', {
      fileSystem: DataLakeGen2FileSystemTarget.fromFileSystemId(containerId('stlake', 'x')),
      credentials: DatastoreCredentials.servicePrincipal({
        tenantId: TENANT_ID, clientId: CLIENT_ID, clientSecret: secretVar(f.stack, 'sp_secret'), authorityUrl: 'https://login.microsoftonline.us',
      }),
    });
    expect(only(synth(f.stack), 'azurerm_machine_learning_datastore_datalake_gen2').authority_url).toBe('https://login.microsoftonline.us');
  });

  test('constructor form, escape hatch, pathUri and Datastore.fromDatastoreName', () => {
    const f = fixture();
    const ds = new BlobDatastore(f.stack, 'Direct', { workspace: f.workspace, name: 'direct', container: BlobContainerTarget.fromContainerId(containerId('stdata', 'a')) });
    expect(ds.node.defaultChild).toBe(ds.resource);
    expect(ds.pathUri('images/')).toBe('azureml://datastores/direct/paths/images/');
    const imported = Datastore.fromDatastoreName(f.stack, 'Default', f.workspace, 'workspaceblobstore');
    expect(imported.datastoreId).toBe(`${WORKSPACE_ID}/datastores/workspaceblobstore`);
    expect(imported.pathUri()).toBe('azureml://datastores/workspaceblobstore/paths/');
    synth(f.stack);
  });
});

describe('datastores: bad input', () => {
  const blobAt = (c = 'a') => BlobContainerTarget.fromContainerId(containerId('stdata', c));

  test.each([
    ['_starts-with-underscore'],
    ['has space'],
    ['dots.not.allowed'],
    ['a'.repeat(256)],
  ])('invalid name %s', (name) => {
    const f = fixture();
    expect(() => f.workspace.addBlobDatastore('Bad', { name, container: blobAt() }))
      .toThrow(new RegExp(`Workspace/Bad: datastore name '${name.replace(/\./g, '\\.')}' is invalid: it must be 1-255 letters, digits, hyphens and underscores, starting with a letter or digit\\. Pass a valid \`name\``));
  });

  test('a name Azure ML already uses for its own datastores', () => {
    const f = fixture();
    expect(() => f.workspace.addBlobDatastore('Bad', { name: 'workspaceblobstore', container: blobAt() }))
      .toThrow(/datastore name 'workspaceblobstore' is taken: Azure ML creates a datastore of that name with every workspace.*Datastore\.fromDatastoreName/);
  });

  test('literal secrets are rejected: key, SAS, client secret, non-sensitive variable', () => {
    const f = fixture();
    expect(() => f.workspace.addBlobDatastore('Key', { container: blobAt(), credentials: DatastoreCredentials.accountKey(SecretValue.fromToken(FIXTURE_ACCOUNT_KEY)) }))
      .toThrow(/Workspace\/Key: account key: a plain string was given; secrets must not appear.*SecretValue\.fromSensitiveVariable\(\)/);
    expect(() => f.workspace.addFileShareDatastore('Sas', {
      share: FileShareTarget.fromShareId(shareId('stfiles', 's')),
      credentials: DatastoreCredentials.sasToken(SecretValue.fromToken(FIXTURE_SAS_TOKEN)),
    })).toThrow(/Workspace\/Sas: SAS token: a plain string was given/);
    expect(() => f.workspace.addDataLakeGen2Datastore('Sp', {
      fileSystem: DataLakeGen2FileSystemTarget.fromFileSystemId(containerId('stlake', 'x')),
      credentials: DatastoreCredentials.servicePrincipal({
        tenantId: TENANT_ID, clientId: CLIENT_ID, clientSecret: SecretValue.fromToken(FIXTURE_CLIENT_SECRET),
      }),
    })).toThrow(/Workspace\/Sp: service principal client secret: a plain string was given/);
    const open = new TerraformVariable(f.stack, 'not_sensitive', { type: 'string' });
    expect(() => f.workspace.addBlobDatastore('Open', { container: blobAt(), credentials: DatastoreCredentials.accountKey(SecretValue.fromSensitiveVariable(open)) }))
      .toThrow(/account key: the variable 'not_sensitive' is not sensitive; declare it with `sensitive: true`/);
    // The stack that saw every attempt still synthesizes without any of them.
    synth(f.stack);
  });

  test('service principal with missing or malformed fields', () => {
    const f = fixture();
    const sp = (o: any) => () => f.workspace.addDataLakeGen2Datastore(`Sp${Math.random().toString(36).slice(2, 7)}`, {
      fileSystem: DataLakeGen2FileSystemTarget.fromFileSystemId(containerId('stlake', 'x')),
      credentials: DatastoreCredentials.servicePrincipal(o),
    });
    expect(sp({ tenantId: TENANT_ID })).toThrow(/service principal credentials are missing `clientId`, `clientSecret`; azurerm needs tenant_id, client_id and client_secret together/);
    expect(sp({ clientId: CLIENT_ID, clientSecret: secretVar(f.stack, 's1') })).toThrow(/missing `tenantId`/);
    expect(sp({ tenantId: 'contoso.onmicrosoft.com', clientId: CLIENT_ID, clientSecret: secretVar(f.stack, 's2') }))
      .toThrow(/service principal tenantId 'contoso\.onmicrosoft\.com' is invalid: it must be a GUID/);
    expect(sp({ tenantId: TENANT_ID, clientId: CLIENT_ID, clientSecret: FIXTURE_CLIENT_SECRET }))
      .toThrow(/clientSecret must be a SecretValue/);
    expect(sp({ tenantId: TENANT_ID, clientId: CLIENT_ID, clientSecret: secretVar(f.stack, 's3'), authorityUrl: 'login.microsoftonline.com' }))
      .toThrow(/authorityUrl 'login\.microsoftonline\.com' is invalid: it must be an https URL/);
  });

  test('identity (or no credentials) on a file share says azurerm 4.55.0 needs a key or SAS, and what to do', () => {
    const f = fixture();
    const share = FileShareTarget.fromShareId(shareId('stfiles', 's'));
    const msg = /a file-share datastore cannot use workspace identity: azurerm 4\.55\.0 requires an account key or a SAS token .*identity-based file-share datastores are not possible\. Pass DatastoreCredentials\.accountKey\(.*\) or DatastoreCredentials\.sasToken\(.*BlobDatastore with workspace identity/;
    expect(() => f.workspace.addFileShareDatastore('Id', { share, credentials: DatastoreCredentials.workspaceIdentity() })).toThrow(msg);
    expect(() => f.workspace.addFileShareDatastore('None', { share, credentials: DatastoreCredentials.none() })).toThrow(/cannot use no credentials/);
    expect(() => f.workspace.addFileShareDatastore('Missing', { share } as any)).toThrow(/a file-share datastore needs `credentials`: azurerm 4\.55\.0 requires an account key or a SAS token/);
  });

  test('credentials a datastore kind cannot take in azurerm 4.55.0', () => {
    const f = fixture();
    expect(() => f.workspace.addBlobDatastore('None', { container: blobAt(), credentials: DatastoreCredentials.none() }))
      .toThrow(/DatastoreCredentials\.none\(\) is not possible for a blob datastore.*Use DatastoreCredentials\.workspaceIdentity\(\)/);
    expect(() => f.workspace.addBlobDatastore('Sp', {
      container: blobAt(),
      credentials: DatastoreCredentials.servicePrincipal({ tenantId: TENANT_ID, clientId: CLIENT_ID, clientSecret: secretVar(f.stack, 'x') }),
    })).toThrow(/a blob datastore takes no service principal in azurerm 4\.55\.0.*DataLakeGen2Datastore accepts a service principal/);
    expect(() => f.workspace.addDataLakeGen2Datastore('Key', {
      fileSystem: DataLakeGen2FileSystemTarget.fromFileSystemId(containerId('stlake', 'x')),
      credentials: DatastoreCredentials.accountKey(secretVar(f.stack, 'y')),
    })).toThrow(/a Data Lake Gen2 datastore takes no account key in azurerm 4\.55\.0.*point a BlobDatastore at the same container/);
  });

  test('a storage account without hierarchical namespace for ADLS Gen2', () => {
    const f = fixture();
    expect(() => f.workspace.addDataLakeGen2Datastore('Lake', {
      fileSystem: DataLakeGen2FileSystemTarget.fromFileSystemName(f.account('stflat', { isHnsEnabled: false }), 'curated'),
    })).toThrow(/Workspace\/Lake: the storage account .*Account-stflat \('stflat'\) has no hierarchical namespace \(isHnsEnabled is false\).*Use a BlobDatastore for this account.*is_hns_enabled = true/);
  });

  test('a file share on a blob-only storage account', () => {
    const f = fixture();
    expect(() => f.workspace.addFileShareDatastore('Files', {
      share: FileShareTarget.fromShareName(f.account('stblob', { accountKind: 'BlockBlobStorage' }), 'share'),
      credentials: DatastoreCredentials.accountKey(secretVar(f.stack, 'k')),
    })).toThrow(/is of kind 'BlockBlobStorage', which has no file service/);
  });

  test('malformed container, file system and share references', () => {
    const f = fixture();
    expect(() => f.workspace.addBlobDatastore('Url', { container: BlobContainerTarget.fromContainerId('https://stdata.blob.core.windows.net/raw') }))
      .toThrow(/'https:\/\/stdata\.blob\.core\.windows\.net\/raw' is not a blob container ARM ID; expected \/subscriptions\/<sub>\/.*\/blobServices\/default\/containers\/<name>\. It looks like a data-plane URL/);
    expect(() => f.workspace.addBlobDatastore('Account', { container: BlobContainerTarget.fromContainerId(accountId('stdata')) }))
      .toThrow(/is not a blob container ARM ID/);
    expect(() => f.workspace.addFileShareDatastore('Share', {
      share: FileShareTarget.fromShareId(containerId('stdata', 'raw')),
      credentials: DatastoreCredentials.accountKey(secretVar(f.stack, 'k')),
    })).toThrow(/is not a file share ARM ID; expected .*\/fileServices\/default\/shares\/<name>.*resource_manager_id/);
    expect(() => f.workspace.addBlobDatastore('Name', { container: BlobContainerTarget.create(f.account('stdata'), 'Raw_Data') }))
      .toThrow(/blob container name 'Raw_Data' is invalid: it must be 3-63 lowercase letters, digits and hyphens/);
    expect(() => f.workspace.addFileShareDatastore('Quota', {
      share: FileShareTarget.create(f.account('stfiles'), 'share', { quotaGiB: 0 }),
      credentials: DatastoreCredentials.accountKey(secretVar(f.stack, 'k2')),
    })).toThrow(/file share quotaGiB is 0; it must be a whole number from 1 to 102400/);
  });
});

describe('datastores: secrets never reach the synthesized JSON', () => {
  test('the scanner finds a planted secret, in plain text and base64', () => {
    expect(findSecrets({ a: { b: [`x${FIXTURE_SAS_TOKEN}y`] } }, FIXTURE_SECRETS)).toEqual([`$.a.b[0] contains fixture secret '${FIXTURE_SAS_TOKEN.slice(0, 12)}…'`]);
    expect(findSecrets({ c: Buffer.from(FIXTURE_ACCOUNT_KEY).toString('base64') }, FIXTURE_SECRETS)).toHaveLength(1);
    expect(() => expectNoSecrets({ key: FIXTURE_CLIENT_SECRET }, FIXTURE_SECRETS)).toThrow();
  });

  test('no fixture secret appears in any stack synthesized by this file', () => {
    expect(synthesized.length).toBeGreaterThanOrEqual(sharedDir() ? 20 : 10);
    for (const json of synthesized) expectNoSecrets(json, FIXTURE_SECRETS);
  });
});

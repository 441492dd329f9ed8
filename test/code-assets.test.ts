// Code assets and local uploads: content-addressed blobs shared with build contexts, ignore files, remote URIs.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { CodeAsset, DataAsset, DataAssetType, DataPath, IWorkspace, Model, StorageAccount, Workspace } from '../src';
import { expectConformant, ofType, providerStack, synthJson } from './support/synth';
import { parseIgnoreFile } from '../src/assets/local-files';
import { displayPath } from '../src/core/local-path';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml/providers';
const WS_ID = `${SUB}/Microsoft.MachineLearningServices/workspaces/mlw-demo`;
const CODE_TYPE = 'Microsoft.MachineLearningServices/workspaces/codes/versions@2025-06-01';
const MODEL_TYPE = 'Microsoft.MachineLearningServices/workspaces/models/versions@2025-06-01';
const DATA_TYPE = 'Microsoft.MachineLearningServices/workspaces/data/versions@2025-06-01';

function setup(withStorage = true): { stack: TerraformStack; workspace: IWorkspace } {
  const stack = providerStack();
  const workspace = Workspace.fromWorkspaceAttributes(stack, 'Workspace', {
    workspaceId: WS_ID,
    storageAccount: withStorage ? StorageAccount.fromStorageAccountId(stack, 'Storage', `${SUB}/Microsoft.Storage/storageAccounts/stmldemo`) : undefined,
  });
  return { stack, workspace };
}

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'code-test-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function azapi(json: any, type: string): any[] {
  return Object.values<any>(ofType(json, 'azapi_resource')).filter(r => r.type === type);
}

function blobNames(json: any): string[] {
  return Object.values<any>(ofType(json, 'azurerm_storage_blob')).map(b => b.name).sort();
}

describe('CodeAsset', () => {
  test('a local folder: one blob per file at codes/<name>/<hash>/, codeUri is the folder, the version waits for the blobs', () => {
    const { stack, workspace } = setup();
    const dir = tree({ 'score.py': 'def run(x): return x\n', 'lib/util.py': 'X = 1\n' });
    const code = workspace.addCodeAsset('Code', { name: 'scoring', path: DataPath.fromLocalPath(dir), description: 'scoring code' });
    const json = synthJson(stack);
    const names = blobNames(json);
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^codes\/scoring\/[0-9a-f]{16}\/lib\/util\.py$/);
    const folder = names[0].replace(/lib\/util\.py$/, '');
    expect(names[1]).toBe(`${folder}score.py`);
    const blob = Object.values<any>(ofType(json, 'azurerm_storage_blob'))[0];
    expect(blob).toMatchObject({ storage_account_name: 'stmldemo', storage_container_name: 'azureml', type: 'Block' });
    expect(blob.source).toMatch(/^assets\//);
    const [version] = azapi(json, CODE_TYPE);
    expect(version.parent_id).toBe(`${WS_ID}/codes/scoring`);
    expect(version.body).toEqual({
      properties: { codeUri: `https://stmldemo.blob.core.windows.net/azureml/${folder}`, description: 'scoring code' },
    });
    expect(version.depends_on).toHaveLength(2);
    expect(version.lifecycle).toEqual({ create_before_destroy: true });
    expect(code.reference).toBe(`azureml:scoring:${code.version}`);
    expect(JSON.stringify(json)).not.toContain(dir);
    expectConformant(json);
  });

  test('a file change is a new version and new blob folder; the same files synthesize identically', () => {
    const build = (text: string) => {
      const { stack, workspace } = setup();
      new CodeAsset(stack, 'Code', { workspace, name: 'train', path: DataPath.fromLocalPath(tree({ 'train.py': text })) });
      return Testing.synth(stack, true);
    };
    const a = build('print(1)\n');
    expect(build('print(1)\n')).toBe(a);
    const b = JSON.parse(build('print(2)\n'));
    expect(azapi(b, CODE_TYPE)[0].name).not.toBe(azapi(JSON.parse(a), CODE_TYPE)[0].name);
    expect(blobNames(b)[0]).not.toBe(blobNames(JSON.parse(a))[0]);
  });

  test('.amlignore replaces .gitignore; ignored folders, negations, anchors and .git are honoured', () => {
    const { stack, workspace } = setup();
    const dir = tree({
      '.gitignore': '*.py\n',
      '.amlignore': '# not uploaded\n*.ckpt\n!keep.ckpt\n/data/\n__pycache__/\n',
      'train.py': 'x',
      'model.ckpt': 'x',
      'keep.ckpt': 'x',
      'data/big.csv': 'x',
      'sub/data/small.csv': 'x',
      '__pycache__/train.cpython.pyc': 'x',
      'sub/__pycache__/a.pyc': 'x',
      '.git/HEAD': 'x',
      'sub/.gitignore': 'small.csv\n',
    });
    new CodeAsset(stack, 'Code', { workspace, name: 'train', path: DataPath.fromLocalPath(dir) });
    const names = blobNames(synthJson(stack)).map(n => n.split('/').slice(3).join('/'));
    expect(names).toEqual(['.amlignore', '.gitignore', 'keep.ckpt', 'sub/.gitignore', 'train.py']);
  });

  test('gitignore patterns: ** spans folders, a slash anchors, a trailing slash matches folders only', () => {
    const match = (pattern: string, p: string) => parseIgnoreFile(pattern).some(r => r.regex.test(p));
    expect(match('**/logs', 'a/b/logs')).toBe(true);
    expect(match('logs/**', 'logs/a/b.txt')).toBe(true);
    expect(match('a/**/z', 'a/z')).toBe(true);
    expect(match('a/**/z', 'a/b/c/z')).toBe(true);
    expect(match('doc/*.md', 'doc/x.md')).toBe(true);
    expect(match('doc/*.md', 'x/doc/x.md')).toBe(false);
    expect(match('*.md', 'x/doc/x.md')).toBe(true);
    expect(parseIgnoreFile('out/')[0].dirOnly).toBe(true);
  });

  test('a remote URI is sent as is, with no upload', () => {
    const { stack, workspace } = setup(false);
    new CodeAsset(stack, 'Code', { workspace, name: 'remote', version: '1', path: DataPath.fromUri('https://github.com/Azure/azureml-examples/tree/main/cli/jobs/single-step/lightgbm/iris/src') });
    const json = synthJson(stack);
    expect(ofType(json, 'azurerm_storage_blob')).toEqual({});
    expect(azapi(json, CODE_TYPE)[0]).toMatchObject({
      name: '1',
      body: { properties: { codeUri: 'https://github.com/Azure/azureml-examples/tree/main/cli/jobs/single-step/lightgbm/iris/src' } },
    });
    expectConformant(json);
  });

  test('bad input: missing local path, no storage account known, nothing left after ignore files', () => {
    const { stack, workspace } = setup();
    expect(() => new CodeAsset(stack, 'Missing', { workspace, path: DataPath.fromLocalPath('./no/such/folder') }))
      .toThrow(/platform\/Missing: code local path '.\/no\/such\/folder' does not exist \(relative paths start at the app's working directory\); pass an existing file or folder/);
    const empty = tree({ '.amlignore': '*\n' });
    expect(() => new CodeAsset(stack, 'Empty', { workspace, path: DataPath.fromLocalPath(empty) }))
      .toThrow(`platform/Empty: code local path '${displayPath(empty)}' has no files to upload (after .amlignore or .gitignore)`);
    const bare = setup(false);
    expect(() => new CodeAsset(bare.stack, 'NoStorage', { workspace: bare.workspace, path: DataPath.fromLocalPath(tree({ 'a.py': 'x' })) }))
      .toThrow("platform/NoStorage: a local code is uploaded to the workspace's storage account, which is unknown");
  });
});

describe('models and data from local files', () => {
  test('Model from a local folder: modelUri is the uploaded folder; a local file: the file URI', () => {
    const { stack, workspace } = setup();
    const outputs = tree({ 'MLmodel': 'flavors: {}\n', 'model.pkl': 'bytes' });
    const model = new Model(stack, 'Model', { workspace, name: 'mnist', path: DataPath.fromLocalPath(outputs) });
    new DataAsset(stack, 'Csv', {
      workspace, name: 'iris', type: DataAssetType.URI_FILE, path: DataPath.fromLocalPath(path.join(tree({ 'iris.csv': 'a,b\n' }), 'iris.csv')),
    });
    const json = synthJson(stack);
    const [m] = azapi(json, MODEL_TYPE);
    expect(m.body.properties.modelUri).toMatch(/^https:\/\/stmldemo\.blob\.core\.windows\.net\/azureml\/models\/mnist\/[0-9a-f]{16}\/$/);
    expect(m.depends_on).toHaveLength(2);
    expect(model.version).toMatch(/^[1-9][0-9]{8}$/);
    const [d] = azapi(json, DATA_TYPE);
    expect(d.body.properties).toMatchObject({ dataType: 'uri_file' });
    expect(d.body.properties.dataUri).toMatch(/\/azureml\/data\/iris\/[0-9a-f]{16}\/iris\.csv$/);
    expect(blobNames(json).filter(n => n.startsWith('data/'))).toHaveLength(1);
    expectConformant(json);
  });

  test('a local folder for uri_file (or a file for uri_folder) is refused with the fix', () => {
    const { stack, workspace } = setup();
    const dir = tree({ 'a.csv': 'x' });
    expect(() => new DataAsset(stack, 'D', { workspace, type: DataAssetType.URI_FILE, path: DataPath.fromLocalPath(dir) }))
      .toThrow(`platform/D: data asset local path '${displayPath(dir)}' is a folder, but type uri_file needs a file; use DataAssetType.URI_FOLDER or MLTABLE`);
    expect(() => new DataAsset(stack, 'F', { workspace, path: DataPath.fromLocalPath(path.join(dir, 'a.csv')) }))
      .toThrow('but type uri_folder needs a folder; use DataAssetType.URI_FILE');
  });
});

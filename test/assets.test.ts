// Data assets and models: bodies per type, versioning by content hash, bad input.
import { TerraformStack, Testing } from 'cdktf';
import { DataAsset, DataAssetType, DataPath, IWorkspace, Model, ModelType, Workspace } from '../src';
import { expectConformant, ofType, providerStack, synthJson } from './support/synth';

const WS_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-demo';
const DATA_TYPE = 'Microsoft.MachineLearningServices/workspaces/data/versions@2025-06-01';
const MODEL_TYPE = 'Microsoft.MachineLearningServices/workspaces/models/versions@2025-06-01';
const TAXI = 'https://azbotstorage.blob.core.windows.net/sample-artifacts/yellow_tripdata_2022-04.parquet';

function setup(): { stack: TerraformStack; workspace: IWorkspace } {
  const stack = providerStack();
  return { stack, workspace: Workspace.fromWorkspaceId(stack, 'Workspace', WS_ID) };
}

function azapi(json: any, type: string): any[] {
  return Object.values<any>(ofType(json, 'azapi_resource')).filter(r => r.type === type);
}

describe('DataAsset', () => {
  test('uri_file, uri_folder and mltable bodies, parented on the workspace ID', () => {
    const { stack, workspace } = setup();
    const file = new DataAsset(stack, 'Taxi', { workspace, name: 'taxi', type: DataAssetType.URI_FILE, path: DataPath.fromUri(TAXI) });
    new DataAsset(stack, 'Mnist', {
      workspace,
      name: 'mnist',
      path: DataPath.fromDatastore('workspaceblobstore', '/mnist/train/'),
      description: 'MNIST training images',
      tags: { source: 'yann.lecun.com' },
    });
    new DataAsset(stack, 'Table', {
      workspace,
      name: 'taxi-table',
      type: DataAssetType.MLTABLE,
      path: DataPath.fromDatastore('workspaceblobstore', 'taxi/mltable/'),
      referencedUris: [TAXI],
    });
    const json = synthJson(stack);
    const byName = Object.fromEntries(azapi(json, DATA_TYPE).map(r => [r.parent_id.split('/').pop(), r]));
    expect(byName.taxi.parent_id).toBe(`${WS_ID}/data/taxi`);
    expect(byName.taxi.body).toEqual({ properties: { dataType: 'uri_file', dataUri: TAXI } });
    expect(byName.taxi.name).toBe(file.version);
    expect(file.version).toMatch(/^[0-9a-f]{12}$/);
    expect(file.reference).toBe(`azureml:taxi:${file.version}`);
    expect(byName.mnist.body).toEqual({
      properties: {
        dataType: 'uri_folder',
        dataUri: 'azureml://datastores/workspaceblobstore/paths/mnist/train/',
        description: 'MNIST training images',
        tags: { source: 'yann.lecun.com' },
      },
    });
    expect(byName['taxi-table'].body).toEqual({
      properties: {
        dataType: 'mltable',
        dataUri: 'azureml://datastores/workspaceblobstore/paths/taxi/mltable/',
        referencedUris: [TAXI],
      },
    });
    for (const r of Object.values<any>(byName)) expect(r.lifecycle).toEqual({ create_before_destroy: true });
    expectConformant(json);
  });

  test('a path change is a new version; a description change is not; unchanged input is byte-identical', () => {
    const make = (path: string, description: string) => {
      const { stack, workspace } = setup();
      new DataAsset(stack, 'Data', { workspace, name: 'mnist', path: DataPath.fromDatastore('workspaceblobstore', path), description });
      return Testing.synth(stack, true);
    };
    const base = make('mnist/v1/', 'a');
    const version = (text: string) => azapi(JSON.parse(text), DATA_TYPE)[0].name;
    expect(make('mnist/v1/', 'a')).toBe(base);
    expect(version(make('mnist/v1/', 'b'))).toBe(version(base));
    expect(version(make('mnist/v2/', 'a'))).not.toBe(version(base));
  });

  test('an explicit version is the name; the content hash is the replace trigger', () => {
    const { stack, workspace } = setup();
    const data = new DataAsset(stack, 'Data', { workspace, name: 'mnist', version: '2', path: DataPath.fromUri(TAXI), type: DataAssetType.URI_FILE });
    const r = azapi(synthJson(stack), DATA_TYPE)[0];
    expect(r.name).toBe('2');
    expect(r.replace_triggers_external_values).toEqual({ content_sha256: data.contentHash });
    expect(data.reference).toBe('azureml:mnist:2');
  });

  test('bad input: no path, an empty datastore path, a folder as uri_file, an invalid version, referencedUris without mltable', () => {
    const { stack, workspace } = setup();
    expect(() => new DataAsset(stack, 'NoPath', { workspace } as any))
      .toThrow('platform/NoPath: data asset has no path; pass `path: DataPath.fromDatastore(datastoreName, path)` or `DataPath.fromUri(uri)`.');
    expect(() => new DataAsset(stack, 'EmptyPath', { workspace, path: DataPath.fromDatastore('workspaceblobstore', '') }))
      .toThrow("platform/EmptyPath: data asset has no path in datastore 'workspaceblobstore'");
    expect(() => new DataAsset(stack, 'EmptyUri', { workspace, path: DataPath.fromUri('') }))
      .toThrow('platform/EmptyUri: data asset has no path');
    expect(() => new DataAsset(stack, 'NotUri', { workspace, path: DataPath.fromUri('data/train.csv') }))
      .toThrow("data asset path 'data/train.csv' is not a URI");
    expect(() => new DataAsset(stack, 'Folder', { workspace, type: DataAssetType.URI_FILE, path: DataPath.fromUri('https://x.blob.core.windows.net/c/d/') }))
      .toThrow("data asset path 'https://x.blob.core.windows.net/c/d/' ends with '/', but type uri_file needs a file");
    expect(() => new DataAsset(stack, 'Version', { workspace, version: 'v1/../2', path: DataPath.fromUri(TAXI) }))
      .toThrow("platform/Version: data asset version 'v1/../2' is invalid: it must be 1-30 letters, digits, dots, hyphens and underscores");
    expect(() => new DataAsset(stack, 'Refs', { workspace, path: DataPath.fromUri(TAXI), referencedUris: [TAXI] }))
      .toThrow('referencedUris only applies to mltable data assets, not uri_folder');
    expect(() => new DataAsset(stack, 'Store', { workspace, path: DataPath.fromDatastore('my store', 'x') }))
      .toThrow("data asset datastore name 'my store' is invalid");
  });
});

describe('Model', () => {
  test('custom, mlflow and triton models; versions are 9-digit numbers derived from the content', () => {
    const { stack, workspace } = setup();
    const custom = new Model(stack, 'Custom', { workspace, name: 'mnist-cnn', path: DataPath.fromDatastore('workspaceblobstore', 'models/mnist/') });
    new Model(stack, 'Mlflow', {
      workspace,
      name: 'taxi-mlflow',
      type: ModelType.MLFLOW_MODEL,
      path: DataPath.fromUri('azureml://jobs/run-1/outputs/artifacts/paths/model/'),
      jobName: 'run-1',
      description: 'taxi fare',
    });
    new Model(stack, 'Triton', { workspace, name: 'densenet', type: ModelType.TRITON_MODEL, path: DataPath.fromDatastore('workspaceblobstore', 'triton/') });
    const json = synthJson(stack);
    const byName = Object.fromEntries(azapi(json, MODEL_TYPE).map(r => [r.parent_id.split('/').pop(), r]));
    expect(byName['mnist-cnn'].parent_id).toBe(`${WS_ID}/models/mnist-cnn`);
    expect(byName['mnist-cnn'].body).toEqual({
      properties: { modelType: 'custom_model', modelUri: 'azureml://datastores/workspaceblobstore/paths/models/mnist/' },
    });
    expect(byName['taxi-mlflow'].body).toEqual({
      properties: {
        modelType: 'mlflow_model', modelUri: 'azureml://jobs/run-1/outputs/artifacts/paths/model/', jobName: 'run-1', description: 'taxi fare',
      },
    });
    expect(byName.densenet.body.properties.modelType).toBe('triton_model');
    expect(custom.version).toMatch(/^[1-9][0-9]{8}$/);
    expect(byName['mnist-cnn'].name).toBe(custom.version);
    expect(custom.reference).toBe(`azureml:mnist-cnn:${custom.version}`);
    expectConformant(json);
  });

  test('a new model path is a new version', () => {
    const version = (p: string) => {
      const { stack, workspace } = setup();
      return new Model(stack, 'M', { workspace, name: 'm', path: DataPath.fromDatastore('workspaceblobstore', p) }).version;
    };
    expect(version('models/a/')).toBe(version('models/a/'));
    expect(version('models/b/')).not.toBe(version('models/a/'));
  });

  test('bad input: a non-integer version, no path', () => {
    const { stack, workspace } = setup();
    expect(() => new Model(stack, 'Semver', { workspace, version: '1.0.0', path: DataPath.fromUri(TAXI) }))
      .toThrow("platform/Semver: model version '1.0.0' is invalid: it must be a positive whole number");
    expect(() => new Model(stack, 'NoPath', { workspace } as any))
      .toThrow('platform/NoPath: model has no path');
    const ok = new Model(stack, 'Explicit', { workspace, version: '3', path: DataPath.fromUri(TAXI) });
    expect(ok.version).toBe('3');
  });
});

describe('workspace.addDataAsset / addModel', () => {
  test('register versions as children of the workspace construct', () => {
    const { stack, workspace } = setup();
    const data = workspace.addDataAsset('Mnist', { name: 'mnist', path: DataPath.fromDatastore('workspaceblobstore', 'mnist/') });
    const model = workspace.addModel('Cnn', { name: 'cnn', path: DataPath.fromDatastore('workspaceblobstore', 'models/cnn/') });
    expect(data.node.path).toBe('platform/Workspace/Mnist');
    expect(model.workspace).toBe(workspace);
    const json = synthJson(stack);
    expect(azapi(json, DATA_TYPE)[0].parent_id).toBe(`${WS_ID}/data/mnist`);
    expect(azapi(json, MODEL_TYPE)[0].parent_id).toBe(`${WS_ID}/models/cnn`);
    expectConformant(json);
  });
});

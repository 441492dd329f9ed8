// Command components: from CLI v2 YAML (code becomes a code asset, environment resolves to an app Environment) or typed props.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import {
  Component, ComponentIoType, DataPath, Environment, EnvironmentImage, IWorkspace, StorageAccount, Workspace,
} from '../src';
import { expectConformant, ofType, providerStack, synthJson } from './support/synth';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml/providers';
const WS_ID = `${SUB}/Microsoft.MachineLearningServices/workspaces/mlw-demo`;
const COMPONENT_TYPE = 'Microsoft.MachineLearningServices/workspaces/components/versions@2025-06-01';
const CODE_TYPE = 'Microsoft.MachineLearningServices/workspaces/codes/versions@2025-06-01';
const TRAIN_YML = path.join(__dirname, 'fixtures', 'component', 'train.yml');
const IMAGE = `mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04@sha256:${'a'.repeat(64)}`;

function setup(): { stack: TerraformStack; workspace: IWorkspace } {
  const stack = providerStack();
  const workspace = Workspace.fromWorkspaceAttributes(stack, 'Workspace', {
    workspaceId: WS_ID,
    storageAccount: StorageAccount.fromStorageAccountId(stack, 'Storage', `${SUB}/Microsoft.Storage/storageAccounts/stmldemo`),
  });
  return { stack, workspace };
}

function azapi(json: any, type: string): Array<[string, any]> {
  return Object.entries<any>(ofType(json, 'azapi_resource')).filter(([, r]) => r.type === type);
}

function yamlFile(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'component-test-'));
  const file = path.join(dir, 'component.yml');
  fs.writeFileSync(file, text);
  return file;
}

const GOOD = [
  'name: prep',
  'type: command',
  'inputs:',
  '  raw:',
  '    type: uri_folder',
  'outputs:',
  '  clean:',
  '    type: uri_folder',
  'environment: azureml://registries/azureml/environments/sklearn-1.5/labels/latest',
  'command: python prep.py --raw ${{inputs.raw}} --clean ${{outputs.clean}}',
];

describe('Component from YAML', () => {
  test('train.yml: local code becomes a code asset, the environment resolves to the app Environment, the spec is sent', () => {
    const { stack, workspace } = setup();
    const env = workspace.addEnvironment('Env', { name: 'sklearn-train', version: '1', image: EnvironmentImage.fromUri(IMAGE) });
    const component = workspace.addComponent('Train', { yamlFile: TRAIN_YML });
    const json = synthJson(stack);
    const [[, r]] = azapi(json, COMPONENT_TYPE);
    expect(r.name).toBe('1');
    expect(r.parent_id).toBe(`${WS_ID}/components/train_data_component`);
    const code = component.codeAsset!;
    expect(azapi(json, CODE_TYPE)).toHaveLength(1);
    expect(r.body.properties.componentSpec).toEqual({
      name: 'train_data_component',
      version: '1',
      display_name: 'Train',
      type: 'command',
      inputs: {
        training_data: { type: 'uri_folder' },
        max_epochs: { type: 'integer', optional: true },
        learning_rate: { type: 'number', default: 0.01, optional: true },
      },
      outputs: { model_output: { type: 'mlflow_model' } },
      command: 'python train.py --training_data ${{inputs.training_data}} $[[--max_epochs ${{inputs.max_epochs}}]] '
        + '$[[--learning_rate ${{inputs.learning_rate}}]] --model_output ${{outputs.model_output}}',
      code: `azureml:${WS_ID}/codes/${code.assetName}/versions/${code.version}`,
      environment: `azureml:${WS_ID}/environments/sklearn-train/versions/1`,
    });
    expect(r.depends_on).toEqual(expect.arrayContaining([
      expect.stringMatching(/^azapi_resource\.Workspace_Train_Code_[A-F0-9]+$/),
      expect.stringMatching(/^azapi_resource\.Workspace_Env_[A-F0-9]+$/),
    ]));
    expect(component.reference).toBe('azureml:train_data_component:1');
    expect(env.versionId).toBe(`${WS_ID}/environments/sklearn-train/versions/1`);
    // the code folder's .amlignore applies: only train.py and the ignore file are uploaded
    expect(Object.values<any>(ofType(json, 'azurerm_storage_blob')).map(b => b.name.split('/').pop()).sort()).toEqual(['.amlignore', 'train.py']);
    expectConformant(json);
  });

  test('an environment reference with no matching app Environment is sent as written; no version means a content hash', () => {
    const { stack, workspace } = setup();
    const c = new Component(stack, 'Prep', { workspace, yamlFile: yamlFile(GOOD.join('\n')) });
    const json = synthJson(stack);
    const [[, r]] = azapi(json, COMPONENT_TYPE);
    expect(c.version).toMatch(/^[0-9a-f]{12}$/);
    expect(r.body.properties.componentSpec.environment).toBe('azureml://registries/azureml/environments/sklearn-1.5/labels/latest');
    expect(r.body.properties.componentSpec.code).toBeUndefined();
    expect(r.replace_triggers_external_values).toEqual({ content_sha256: c.contentHash });
    expectConformant(json);
  });

  test.each([
    [[...GOOD.slice(0, 9), 'comand: python x.py'], "line 10: unknown key 'comand' in the component; did you mean 'command'?"],
    [GOOD.slice(0, 9), "line 1: the component has no 'command'; add the command line it runs"],
    [[...GOOD.slice(0, 4), '    type: text', ...GOOD.slice(5)], "line 5: input 'raw' has type 'text'; use one of string, integer"],
    [[...GOOD.slice(0, 5), '    optinal: true', ...GOOD.slice(5)], "line 6: unknown key 'optinal' in input 'raw'; did you mean 'optional'?"],
    [[...GOOD.slice(0, 9), 'command: python prep.py ${{inputs.rwa}}'], "line 10: the command uses ${{inputs.rwa}}, but the component declares no input 'rwa'"],
    [['name: x', 'type: pipeline', 'command: a'], "line 2: component type 'pipeline' is not supported"],
  ])('bad YAML is refused with the line: %#', (lines, message) => {
    const { stack, workspace } = setup();
    const file = yamlFile(lines.join('\n'));
    expect(() => new Component(stack, 'Bad', { workspace, yamlFile: file })).toThrow(`platform/Bad: component file '…/component.yml' ${message}`);
  });
});

describe('Component from typed props', () => {
  test('inputs, outputs, command, environment and code; defaults are typed', () => {
    const { stack, workspace } = setup();
    const env = new Environment(stack, 'Env', { workspace, name: 'train-env', image: EnvironmentImage.fromUri(IMAGE) });
    const c = new Component(stack, 'Train', {
      workspace,
      name: 'train',
      command: 'python train.py --data ${{inputs.data}} --lr ${{inputs.lr}} --model ${{outputs.model}}',
      inputs: {
        data: { type: ComponentIoType.URI_FOLDER, description: 'images' },
        lr: { type: ComponentIoType.NUMBER, default: '0.1', min: 0, max: 1 },
        shuffle: { type: ComponentIoType.BOOLEAN, default: 'true', optional: true },
      },
      outputs: { model: { type: ComponentIoType.MLFLOW_MODEL } },
      environment: env,
      code: DataPath.fromUri('git+https://github.com/Azure/azureml-examples.git#main:cli/src'),
      description: 'trains',
    });
    const json = synthJson(stack);
    const [[, r]] = azapi(json, COMPONENT_TYPE);
    expect(r.body.properties).toEqual({
      componentSpec: {
        name: 'train',
        version: c.version,
        type: 'command',
        inputs: {
          data: { type: 'uri_folder', description: 'images' },
          lr: { type: 'number', default: 0.1, min: 0, max: 1 },
          shuffle: { type: 'boolean', default: true, optional: true },
        },
        outputs: { model: { type: 'mlflow_model' } },
        command: 'python train.py --data ${{inputs.data}} --lr ${{inputs.lr}} --model ${{outputs.model}}',
        code: 'git+https://github.com/Azure/azureml-examples.git#main:cli/src',
        environment: `azureml:${env.versionId}`,
        description: 'trains',
      },
      description: 'trains',
    });
    expectConformant(json);
  });

  test('a description change keeps the version; a command change makes a new one', () => {
    const version = (command: string, description: string) => {
      const { stack, workspace } = setup();
      return new Component(stack, 'C', { workspace, name: 'c', command, description, environment: Environment.curated(stack, 'sklearn-1.5') }).version;
    };
    expect(version('python a.py', 'x')).toBe(version('python a.py', 'y'));
    expect(version('python b.py', 'x')).not.toBe(version('python a.py', 'x'));
  });

  test('bad props: no command, unknown placeholder, YAML plus typed spec, an environment of another workspace', () => {
    const { stack, workspace } = setup();
    const curated = Environment.curated(stack, 'sklearn-1.5');
    expect(() => new Component(stack, 'NoCommand', { workspace, environment: curated }))
      .toThrow('platform/NoCommand: component has no `command`');
    expect(() => new Component(stack, 'Placeholder', { workspace, environment: curated, command: 'python a.py ${{outputs.model}}' }))
      .toThrow("platform/Placeholder: the command uses ${{outputs.model}}, but the component declares no output 'model'");
    expect(() => new Component(stack, 'Both', { workspace, yamlFile: TRAIN_YML, command: 'python a.py' }))
      .toThrow('platform/Both: component has both `yamlFile`');
    const other = Workspace.fromWorkspaceId(stack, 'Other', `${SUB}/Microsoft.MachineLearningServices/workspaces/mlw-other`);
    const foreign = new Environment(stack, 'Foreign', { workspace: other, name: 'foreign', image: EnvironmentImage.fromUri(IMAGE) });
    expect(() => new Component(stack, 'Cross', { workspace, environment: foreign, command: 'python a.py' }))
      .toThrow("platform/Cross: environment 'platform/Foreign' (azureml:foreign:");
  });
});

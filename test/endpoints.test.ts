// Online and batch endpoints: bodies, blue/green traffic as an in-place update, deployments, grants and bad input.
import { TerraformStack, Testing } from 'cdktf';
import {
  BatchEndpoint, BatchOutputAction, CodeAsset, ComputeCluster, DataPath, Duration, EndpointAuthMode, Environment, EnvironmentImage,
  IWorkspace, Model, ModelType, OnlineEndpoint, Principal, Workspace,
} from '../src';
import { AZAPI_FORCE_NEW, describeReplacements, FORCE_NEW_ATTRIBUTES, findReplacements } from './support/replacement';
import { expectConformant, ofType, providerStack, synthJson, warningsOf } from './support/synth';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml/providers';
const WS_ID = `${SUB}/Microsoft.MachineLearningServices/workspaces/mlw-demo`;
const ENDPOINT_TYPE = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2025-06-01';
const DEPLOYMENT_TYPE = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments@2025-06-01';
const IMAGE = `mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference@sha256:${'a'.repeat(64)}`;
const USER = '22222222-2222-2222-2222-222222222222';

function setup(): { stack: TerraformStack; workspace: IWorkspace; model: Model } {
  const stack = providerStack();
  const workspace = Workspace.fromWorkspaceAttributes(stack, 'Workspace', { workspaceId: WS_ID, location: 'westeurope' });
  const model = new Model(stack, 'Model', {
    workspace, name: 'mnist', version: '1', type: ModelType.MLFLOW_MODEL, path: DataPath.fromUri('azureml://jobs/train-1/outputs/artifacts/paths/model/'),
  });
  return { stack, workspace, model };
}

function azapi(json: any, type: string): any[] {
  return Object.values<any>(ofType(json, 'azapi_resource')).filter(r => r.type === type);
}

/** A blue/green endpoint with the given split and blue instance count. */
function blueGreen(traffic: { [name: string]: number }, blueCount = 2, mirror?: { [name: string]: number }): any {
  const { stack, workspace, model } = setup();
  const endpoint = workspace.addOnlineEndpoint('Endpoint', { name: 'mnist-ep', traffic, mirrorTraffic: mirror });
  endpoint.addDeployment('Blue', { name: 'blue', model, instanceType: 'Standard_DS3_v2', instanceCount: blueCount });
  endpoint.addDeployment('Green', { name: 'green', model, instanceType: 'Standard_DS3_v2' });
  return JSON.parse(Testing.synth(stack, true));
}

describe('OnlineEndpoint', () => {
  test('endpoint body: AAD token by default, public access explicit (with a warning), system identity, no traffic in the endpoint resource', () => {
    const { stack, workspace, model } = setup();
    const endpoint = new OnlineEndpoint(stack, 'Endpoint', { workspace, name: 'mnist-ep', description: 'digits' });
    endpoint.addDeployment('Blue', { name: 'blue', model, instanceType: 'Standard_DS3_v2' });
    const json = synthJson(stack);
    const [r] = azapi(json, ENDPOINT_TYPE);
    expect(r).toMatchObject({
      name: 'mnist-ep',
      parent_id: WS_ID,
      location: 'westeurope',
      identity: [{ type: 'SystemAssigned' }],
      body: { properties: { authMode: 'AADToken', publicNetworkAccess: 'Enabled', description: 'digits' } },
      ignore_body_changes: ['properties.traffic', 'properties.mirrorTraffic'],
    });
    const traffic = Object.values<any>(ofType(json, 'azapi_update_resource'));
    expect(traffic).toHaveLength(1);
    expect(traffic[0]).toMatchObject({
      type: ENDPOINT_TYPE,
      resource_id: expect.stringMatching(/^\$\{azapi_resource\.Endpoint_[A-F0-9]+\.id\}$/),
      body: { properties: { traffic: { blue: 100 } } },
      depends_on: [expect.stringMatching(/^azapi_resource\.Endpoint_Blue_[A-F0-9]+$/)],
    });
    expect(warningsOf(endpoint).join('\n')).toContain('AZML-EP-001');
    expect(endpoint.endpointId).toBe(`${WS_ID}/onlineEndpoints/mnist-ep`);
    expectConformant(json);
  });

  test('deployment body: model, environment, code, instance type and count, scaling, probes and request settings', () => {
    const { stack, workspace, model } = setup();
    const env = new Environment(stack, 'Env', { workspace, name: 'serve', image: EnvironmentImage.fromUri(IMAGE) });
    const code = new CodeAsset(stack, 'Code', { workspace, name: 'score', version: '1', path: DataPath.fromUri('https://stmldemo.blob.core.windows.net/azureml/score/') });
    const endpoint = new OnlineEndpoint(stack, 'Endpoint', {
      workspace, name: 'mnist-ep', authMode: EndpointAuthMode.KEY, publicNetworkAccess: false,
    });
    endpoint.addDeployment('Blue', {
      name: 'blue',
      model,
      environment: env,
      code: { code, scoringScript: 'score.py' },
      instanceType: 'Standard_F4s_v2',
      instanceCount: 3,
      targetUtilizationScaling: { minInstances: 2, maxInstances: 5, targetUtilizationPercentage: 60, pollingInterval: Duration.seconds(30) },
      livenessProbe: { failureThreshold: 5, period: Duration.seconds(15), timeout: Duration.seconds(3), initialDelay: Duration.seconds(20) },
      readinessProbe: { successThreshold: 1 },
      requestSettings: { maxConcurrentRequestsPerInstance: 2, requestTimeout: Duration.seconds(60) },
      environmentVariables: { WORKERS: '2' },
      egressPublicNetworkAccess: false,
    });
    const json = synthJson(stack);
    const [d] = azapi(json, DEPLOYMENT_TYPE);
    expect(d.name).toBe('blue');
    expect(d.parent_id).toMatch(/^\$\{azapi_resource\.Endpoint_[A-F0-9]+\.id\}$/);
    expect(d.body).toEqual({
      properties: {
        endpointComputeType: 'Managed',
        model: `${WS_ID}/models/mnist/versions/1`,
        environmentId: env.versionId,
        codeConfiguration: { codeId: `${WS_ID}/codes/score/versions/1`, scoringScript: 'score.py' },
        instanceType: 'Standard_F4s_v2',
        scaleSettings: { scaleType: 'TargetUtilization', minInstances: 2, maxInstances: 5, targetUtilizationPercentage: 60, pollingInterval: 'PT30S' },
        livenessProbe: { failureThreshold: 5, period: 'PT15S', timeout: 'PT3S', initialDelay: 'PT20S' },
        readinessProbe: { successThreshold: 1 },
        requestSettings: { maxConcurrentRequestsPerInstance: 2, requestTimeout: 'PT1M' },
        environmentVariables: { WORKERS: '2' },
        appInsightsEnabled: true,
        egressPublicNetworkAccess: 'Disabled',
      },
      sku: { name: 'Default', capacity: 3 },
    });
    expect(d.replace_triggers_external_values).toEqual({ instance_type: 'Standard_F4s_v2' });
    expect(d.depends_on).toHaveLength(3);
    expect(azapi(json, ENDPOINT_TYPE)[0].body.properties).toMatchObject({ authMode: 'Key', publicNetworkAccess: 'Disabled' });
    expect(warningsOf(endpoint)).toEqual([]);
    expectConformant(json);
  });

  test('blue/green: traffic and mirror traffic go to the endpoint update; changing them or an instance count replaces nothing', () => {
    const table = { ...FORCE_NEW_ATTRIBUTES, ...AZAPI_FORCE_NEW };
    const before = blueGreen({ blue: 100, green: 0 });
    const shifted = blueGreen({ blue: 90, green: 10 }, 3);
    const mirrored = blueGreen({ blue: 100, green: 0 }, 2, { green: 20 });
    const update = (json: any) => Object.values<any>(ofType(json, 'azapi_update_resource'))[0].body.properties;
    expect(update(before)).toEqual({ traffic: { blue: 100, green: 0 } });
    expect(update(shifted)).toEqual({ traffic: { blue: 90, green: 10 } });
    expect(update(mirrored)).toEqual({ traffic: { blue: 100, green: 0 }, mirrorTraffic: { green: 20 } });
    for (const after of [shifted, mirrored]) {
      expect(describeReplacements(findReplacements(before, after, table))).toEqual([]);
      // the endpoint's own resource does not change at all
      expect(azapi(after, ENDPOINT_TYPE)).toEqual(azapi(before, ENDPOINT_TYPE));
    }
    expect(azapi(shifted, DEPLOYMENT_TYPE).find(d => d.name === 'blue').body.sku.capacity).toBe(3);
    expectConformant(shifted);
    expectConformant(mirrored);
  });

  test('changing the instance type or the deployment name is a replacement (stated, and guarded by a replace trigger)', () => {
    const table = { ...FORCE_NEW_ATTRIBUTES, ...AZAPI_FORCE_NEW };
    const make = (instanceType: string) => {
      const { stack, workspace, model } = setup();
      workspace.addOnlineEndpoint('Endpoint', { name: 'mnist-ep' }).addDeployment('Blue', { name: 'blue', model, instanceType });
      return JSON.parse(Testing.synth(stack, true));
    };
    const replaced = findReplacements(make('Standard_DS3_v2'), make('Standard_F4s_v2'), table).replaced;
    expect(replaced.map(r => r.attributes.map(a => a.path))).toEqual([['replace_triggers_external_values']]);
  });

  test('grantInvoke: AzureML Data Scientist on the endpoint only', () => {
    const { stack, workspace } = setup();
    const endpoint = workspace.addOnlineEndpoint('Endpoint', { name: 'mnist-ep' });
    endpoint.grantInvoke(Principal.group(USER, { key: 'app-team' }));
    const json = synthJson(stack);
    expect(Object.values<any>(ofType(json, 'azurerm_role_assignment'))).toEqual([expect.objectContaining({
      scope: `${WS_ID}/onlineEndpoints/mnist-ep`, role_definition_name: 'AzureML Data Scientist', principal_id: USER,
    })]);
  });

  test.each([
    [{ blue: 80, green: 10 }, undefined, 'traffic {"blue":80,"green":10} adds up to 90; live traffic must add up to 100'],
    [{ blue: 100, purple: 0 }, undefined, "traffic names deployment 'purple', which this endpoint does not have (deployments: blue, green)"],
    [{ blue: 100, green: 0 }, { green: 60 }, "mirror traffic for 'green' is 60; Azure allows at most 50 percent"],
    [{ blue: 90, green: 10 }, { green: 10 }, "deployment 'green' takes live traffic and mirror traffic"],
    [{ blue: 100, green: 0 }, { red: 10 }, "mirror traffic names deployment 'red'"],
  ])('bad traffic is refused at synth: %j %j', (traffic, mirror, message) => {
    expect(() => blueGreen(traffic, 1, mirror)).toThrow(message);
  });

  test('bad deployments: unknown instance type, zero instances, model of another workspace, nothing to serve', () => {
    const { stack, workspace, model } = setup();
    const endpoint = workspace.addOnlineEndpoint('Endpoint', { name: 'mnist-ep' });
    expect(() => endpoint.addDeployment('A', { model, instanceType: 'standard_ds3_v2' }))
      .toThrow("platform/Workspace/Endpoint/A: instance type 'standard_ds3_v2' is not a managed online endpoint VM size; did you mean 'Standard_DS3_v2'?");
    expect(() => endpoint.addDeployment('B', { model, instanceType: 'Standard_DS3_v2', instanceCount: 0 }))
      .toThrow('instance count 0 is out of range: it must be a whole number from 1 to 1000');
    const other = Workspace.fromWorkspaceId(stack, 'Other', `${SUB}/Microsoft.MachineLearningServices/workspaces/mlw-other`);
    const foreign = new Model(stack, 'Foreign', { workspace: other, name: 'm', version: '1', path: DataPath.fromUri('https://x.blob.core.windows.net/m/') });
    expect(() => endpoint.addDeployment('C', { model: foreign, instanceType: 'Standard_DS3_v2' }))
      .toThrow("model 'platform/Foreign' (azureml:m:1) is registered in workspace 'platform/Other', not in 'platform/Workspace' where it is used, and it is not a registry asset");
    expect(() => endpoint.addDeployment('D', { instanceType: 'Standard_DS3_v2' })).toThrow('online deployment has neither `model` nor `code`');
    const imported = Workspace.fromWorkspaceId(stack, 'NoLocation', WS_ID.replace('mlw-demo', 'mlw-x'));
    expect(() => imported.addOnlineEndpoint('E')).toThrow('the online endpoint needs a location');
  });
});

describe('BatchEndpoint', () => {
  test('a model deployment on a cluster: mini-batch size, retries, output action and file name; default deployment set after it exists', () => {
    const { stack, workspace, model } = setup();
    const cluster = new ComputeCluster(stack, 'Cluster', { workspace, name: 'cpu-cluster', nodePublicIp: true });
    const endpoint = new BatchEndpoint(stack, 'Batch', { workspace, name: 'mnist-batch' });
    endpoint.addDeployment('Classifier', {
      name: 'classifier',
      model,
      compute: cluster,
      instanceCount: 2,
      miniBatchSize: 20,
      maxRetries: 5,
      retryTimeout: Duration.seconds(300),
      errorThreshold: 10,
      outputAction: BatchOutputAction.APPEND_ROW,
      outputFileName: 'scores.csv',
      maxConcurrencyPerInstance: 2,
    });
    const json = synthJson(stack);
    const [e] = azapi(json, 'Microsoft.MachineLearningServices/workspaces/batchEndpoints@2025-06-01');
    expect(e.body).toEqual({ properties: { authMode: 'AADToken' } });
    const [d] = azapi(json, 'Microsoft.MachineLearningServices/workspaces/batchEndpoints/deployments@2025-06-01');
    expect(d.body.properties).toEqual({
      compute: expect.stringMatching(/^\$\{azurerm_machine_learning_compute_cluster\.Cluster_[A-F0-9]+\.id\}$/),
      model: { referenceType: 'Id', assetId: `${WS_ID}/models/mnist/versions/1` },
      resources: { instanceCount: 2 },
      miniBatchSize: 20,
      maxConcurrencyPerInstance: 2,
      retrySettings: { maxRetries: 5, timeout: 'PT5M' },
      errorThreshold: 10,
      outputAction: 'AppendRow',
      outputFileName: 'scores.csv',
      loggingLevel: 'Info',
    });
    expect(Object.values<any>(ofType(json, 'azapi_update_resource'))[0].body).toEqual({ properties: { defaults: { deploymentName: 'classifier' } } });
    expectConformant(json);
  });

  test('a pipeline component deployment; bad input', () => {
    const { stack, workspace, model } = setup();
    const cluster = new ComputeCluster(stack, 'Cluster', { workspace, name: 'cpu-cluster', nodePublicIp: true });
    const endpoint = new BatchEndpoint(stack, 'Batch', { workspace, name: 'pipeline-batch' });
    const componentId = `${WS_ID}/components/score_pipeline/versions/1`;
    endpoint.addDeployment('Pipeline', { name: 'pipeline', compute: cluster, pipelineComponentId: componentId, pipelineSettings: { continue_on_step_failure: 'false' } });
    const json = synthJson(stack);
    const [d] = azapi(json, 'Microsoft.MachineLearningServices/workspaces/batchEndpoints/deployments@2025-06-01');
    expect(d.body.properties.deploymentConfiguration).toEqual({
      deploymentConfigurationType: 'PipelineComponent', componentId: { referenceType: 'Id', assetId: componentId }, settings: { continue_on_step_failure: 'false' },
    });
    expectConformant(json);
    expect(() => endpoint.addDeployment('Both', { compute: cluster, model, pipelineComponentId: componentId }))
      .toThrow('batch deployment has both `model` and `pipelineComponentId`');
    expect(() => endpoint.addDeployment('File', { compute: cluster, model, outputAction: BatchOutputAction.SUMMARY_ONLY, outputFileName: 'x.csv' }))
      .toThrow("outputFileName 'x.csv' only applies with BatchOutputAction.APPEND_ROW");
    expect(() => endpoint.addDeployment('Mini', { compute: cluster, model, miniBatchSize: 0 })).toThrow('mini-batch size 0 is out of range');
  });
});

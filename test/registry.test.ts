// ML registries: replication, closed by default with private endpoints, grants, and assets registered in a registry.
import { TerraformStack } from 'cdktf';
import {
  Component, DataAsset, DataPath, Environment, EnvironmentImage, IRegistry, IWorkspace, Model, ModelType, Principal, Registry,
  RegistryStorageType, ResourceGroupRef, Subnet, Workspace,
} from '../src';
import { expectConformant, ofType, providerStack, synthJson, warningsOf } from './support/synth';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const RG_ID = `${SUB}/resourceGroups/rg-ml`;
const WS_ID = `${RG_ID}/providers/Microsoft.MachineLearningServices/workspaces/mlw-demo`;
const REGISTRY_TYPE = 'Microsoft.MachineLearningServices/registries@2025-06-01';
const IMAGE = `mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04@sha256:${'a'.repeat(64)}`;

function setup(workspaceLocation = 'westeurope'): { stack: TerraformStack; registry: Registry; workspace: IWorkspace } {
  const stack = providerStack();
  const registry = new Registry(stack, 'Registry', {
    resourceGroup: ResourceGroupRef.fromId(RG_ID, 'westeurope'),
    name: 'mlreg-shared',
    replicationRegions: ['northeurope'],
  });
  const workspace = Workspace.fromWorkspaceAttributes(stack, 'Workspace', { workspaceId: WS_ID, location: workspaceLocation });
  return { stack, registry, workspace };
}

function azapi(json: any, type: string): any[] {
  return Object.values<any>(ofType(json, 'azapi_resource')).filter(r => r.type === type);
}

describe('Registry', () => {
  test('body: regions with system-created storage and ACR, public access off, system identity, retained', () => {
    const { stack, registry } = setup();
    const json = synthJson(stack);
    const [r] = azapi(json, REGISTRY_TYPE);
    expect(r).toMatchObject({
      name: 'mlreg-shared',
      parent_id: RG_ID,
      location: 'westeurope',
      identity: [{ type: 'SystemAssigned' }],
      lifecycle: { prevent_destroy: true },
    });
    const region = (location: string) => ({
      location,
      storageAccountDetails: [{ systemCreatedStorageAccount: { storageAccountType: 'Standard_LRS', storageAccountHnsEnabled: false, allowBlobPublicAccess: false } }],
      acrDetails: [{ systemCreatedAcrAccount: { acrAccountSku: 'Premium' } }],
    });
    expect(r.body).toEqual({ properties: { publicNetworkAccess: 'Disabled', regionDetails: [region('westeurope'), region('northeurope')] } });
    expect(registry.registryId).toBe(`${RG_ID}/providers/Microsoft.MachineLearningServices/registries/mlreg-shared`);
    expect(registry.regions).toEqual(['westeurope', 'northeurope']);
    expect(warningsOf(registry)).toEqual([]);
    expectConformant(json);
  });

  test('private endpoint amlregistry through the private-endpoint mechanism; grants', () => {
    const { stack, registry } = setup();
    const subnet = Subnet.fromSubnetId(stack, 'Subnet', `${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe`, 'westeurope');
    const [pe] = registry.addPrivateEndpoint({ subnet, resourceGroup: ResourceGroupRef.fromName('rg-net', 'westeurope') });
    expect(pe.node.id).toBe('PrivateEndpoint-amlregistry');
    registry.grantUser(Principal.group('33333333-3333-3333-3333-333333333333', { key: 'ml-team' }));
    const json = synthJson(stack);
    const [endpoint] = Object.values<any>(ofType(json, 'azurerm_private_endpoint'));
    expect(endpoint.private_service_connection).toMatchObject({
      private_connection_resource_id: registry.registryId, subresource_names: ['amlregistry'],
    });
    expect(Object.values<any>(ofType(json, 'azurerm_role_assignment'))).toEqual([expect.objectContaining({
      scope: registry.registryId, role_definition_name: 'AzureML Registry User',
    })]);
    expectConformant(json);
  });

  test('public access on warns; a region listed twice is refused', () => {
    const stack = providerStack();
    const open = new Registry(stack, 'Open', { resourceGroup: ResourceGroupRef.fromId(RG_ID, 'westeurope'), name: 'open-reg', publicNetworkAccess: true, storageType: RegistryStorageType.STANDARD_ZRS });
    expect(synthJson(stack)).toBeDefined();
    expect(warningsOf(open).join('\n')).toContain('AZML-REG-001');
    expect(() => new Registry(stack, 'Twice', { resourceGroup: ResourceGroupRef.fromId(RG_ID, 'westeurope'), name: 'twice-reg', replicationRegions: ['West Europe'] }))
      .toThrow("platform/Twice: region 'West Europe' is listed twice");
  });
});

describe('assets in a registry', () => {
  test('environments, models, data and components registered in the registry; workspaces refer to them by registry reference', () => {
    const { stack, registry, workspace } = setup();
    const env = new Environment(stack, 'Env', { registry, name: 'shared-env', version: '1', image: EnvironmentImage.fromUri(IMAGE) });
    const model = new Model(stack, 'Model', {
      registry, name: 'mnist', version: '3', type: ModelType.MLFLOW_MODEL, path: DataPath.fromUri('https://stshared.blob.core.windows.net/models/mnist/'),
    });
    new DataAsset(stack, 'Data', { registry, name: 'mnist-data', version: '1', path: DataPath.fromUri('https://stshared.blob.core.windows.net/data/mnist/') });
    const component = new Component(stack, 'Train', { registry, name: 'train', version: '1', command: 'python train.py', environment: env });
    const endpoint = workspace.addOnlineEndpoint('Endpoint', { name: 'mnist-ep' });
    endpoint.addDeployment('Blue', { name: 'blue', model, instanceType: 'Standard_DS3_v2' });
    const json = synthJson(stack);
    const [m] = azapi(json, 'Microsoft.MachineLearningServices/registries/models/versions@2025-06-01');
    expect(m.parent_id).toBe(`${registry.registryId}/models/mnist`);
    expect(m.name).toBe('3');
    expect(model.reference).toBe('azureml://registries/mlreg-shared/models/mnist/versions/3');
    expect(azapi(json, 'Microsoft.MachineLearningServices/registries/environments/versions@2025-06-01')).toHaveLength(1);
    expect(azapi(json, 'Microsoft.MachineLearningServices/registries/data/versions@2025-06-01')).toHaveLength(1);
    const [c] = azapi(json, 'Microsoft.MachineLearningServices/registries/components/versions@2025-06-01');
    expect(c.body.properties.componentSpec.environment).toBe('azureml://registries/mlreg-shared/environments/shared-env/versions/1');
    expect(component.reference).toBe('azureml://registries/mlreg-shared/components/train/versions/1');
    const [d] = azapi(json, 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments@2025-06-01');
    expect(d.body.properties.model).toBe('azureml://registries/mlreg-shared/models/mnist/versions/3');
    expectConformant(json);
  });

  test('bad input: a registry asset used in a region the registry does not replicate to; local files; both targets', () => {
    const { stack, registry, workspace } = setup('eastus');
    const model = new Model(stack, 'Model', { registry, name: 'mnist', version: '3', path: DataPath.fromUri('https://stshared.blob.core.windows.net/models/mnist/') });
    const endpoint = workspace.addOnlineEndpoint('Endpoint', { name: 'mnist-ep' });
    expect(() => endpoint.addDeployment('Blue', { name: 'blue', model, instanceType: 'Standard_DS3_v2' }))
      .toThrow("model 'platform/Model' (azureml://registries/mlreg-shared/models/mnist/versions/3) is in registry 'mlreg-shared', "
        + "which replicates to westeurope, northeurope but not to 'eastus'");
    expect(() => new Model(stack, 'Local', { registry, path: DataPath.fromLocalPath('./outputs') }))
      .toThrow("model from local path './outputs' cannot be uploaded here");
    expect(() => new Model(stack, 'Both', { registry, workspace, path: DataPath.fromUri('https://x.blob.core.windows.net/m/') }))
      .toThrow('model has both `workspace` and `registry`');
    const imported: IRegistry = Registry.fromRegistryId(stack, 'Imported', `${RG_ID}/providers/Microsoft.MachineLearningServices/registries/other`);
    expect(imported.registryName).toBe('other');
  });
});

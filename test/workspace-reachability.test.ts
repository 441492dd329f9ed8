// Reachability at synth: a private workspace needs a private endpoint (or a statement that endpoints are managed
// elsewhere); private workspaces and closed registries need image-build compute for built environments.
import { ApplicationInsights as AzurermApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { ApplicationInsights, CondaFile, IApplicationInsights, ContainerRegistry, EnvironmentImage, ResourceGroupRef, StorageAccount, Subnet, Workspace, WorkspaceContainerRegistry, WorkspaceProps } from '../src';
import { describeWithShared } from './support/shared';
import { expectConformant, providerStack, synthJson, warningsOf } from './support/synth';

const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');
const SUB = '00000000-0000-0000-0000-000000000000';
const SUBNET_ID = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe`;
const CONDA = 'name: train\ndependencies:\n  - python=3.11\n  - pip\n  - pip:\n    - scikit-learn==1.5.0\n';
const IMAGE = 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04@sha256:0000000000000000000000000000000000000000000000000000000000000000';

function stackWith(props: Partial<WorkspaceProps>, after?: (ws: Workspace) => void) {
  const stack = providerStack();
  const ws = new Workspace(stack, 'Ml', { resourceGroup: RG, ...props });
  after?.(ws);
  return { stack, ws };
}

describeWithShared('workspace reachability', () => {
  test('a private workspace without a private endpoint is an error that says how to fix it', () => {
    const { stack } = stackWith({ publicNetworkAccessEnabled: false });
    expect(() => synthJson(stack)).toThrow(/platform\/Ml: the workspace is private \(publicNetworkAccessEnabled: false\) but has no private endpoint.*privateEndpoint: \{ subnet \}.*privateEndpointsManagedElsewhere: true/s);
  });

  test('an endpoint added later, or the statement that endpoints are managed elsewhere, satisfies it', () => {
    const later = stackWith({ publicNetworkAccessEnabled: false }, ws => ws.addPrivateEndpoint({ subnet: Subnet.fromSubnetId(ws, 'S', SUBNET_ID, 'westeurope') }));
    expectConformant(synthJson(later.stack));
    const elsewhere = stackWith({ publicNetworkAccessEnabled: false, privateEndpointsManagedElsewhere: true });
    expectConformant(synthJson(elsewhere.stack));
  });

  test('a private workspace building a conda environment without image-build compute is an error', () => {
    const { stack } = stackWith({ publicNetworkAccessEnabled: false, privateEndpointsManagedElsewhere: true }, ws => {
      ws.addEnvironment('Train', { image: EnvironmentImage.fromUri(IMAGE), condaFile: CondaFile.fromInline(CONDA) });
    });
    expect(() => synthJson(stack)).toThrow(/platform\/Ml: the workspace is private, so Azure ML cannot build the conda or build-context environments platform\/Ml\/Train.*useImageBuildCompute/s);
  });

  test('image-build compute (given late) or prebuilt images satisfy it', () => {
    const withCompute = stackWith({ publicNetworkAccessEnabled: false, privateEndpointsManagedElsewhere: true }, ws => {
      ws.addEnvironment('Train', { image: EnvironmentImage.fromUri(IMAGE), condaFile: CondaFile.fromInline(CONDA) });
      ws.useImageBuildCompute(ws.addComputeCluster('Build').computeClusterName);
    });
    expectConformant(synthJson(withCompute.stack));
    const prebuilt = stackWith({ publicNetworkAccessEnabled: false, privateEndpointsManagedElsewhere: true }, ws => {
      ws.addEnvironment('Serve', { image: EnvironmentImage.fromUri(IMAGE) });
    });
    expectConformant(synthJson(prebuilt.stack));
  });

  test('a public workspace with a closed registry also needs image-build compute for built environments', () => {
    const stack = providerStack();
    const acr = new ContainerRegistry(stack, 'Acr', { resourceGroup: RG });
    const ws = new Workspace(stack, 'Ml', { resourceGroup: RG, publicNetworkAccessEnabled: true, containerRegistry: WorkspaceContainerRegistry.existing(acr) });
    ws.addEnvironment('Train', { image: EnvironmentImage.fromUri(IMAGE), condaFile: CondaFile.fromInline(CONDA) });
    expect(() => synthJson(stack)).toThrow(/its container registry 'platform\/Acr' is closed to public networks/);
  });

  test('a private workspace warns about a dependency whose network state is unknown', () => {
    const stack = providerStack();
    const storage = StorageAccount.fromStorageAccountId(stack, 'Data',
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stdata01`);
    const ws = new Workspace(stack, 'Ml', { resourceGroup: RG, publicNetworkAccessEnabled: false, privateEndpointsManagedElsewhere: true, storageAccount: storage });
    synthJson(stack);
    expect(warningsOf(ws).join('\n')).toMatch(/AZML-NET-001.*network state of its storage account 'platform\/Data' is unknown/);
    const known = providerStack('known');
    const closed = StorageAccount.fromStorageAccountAttributes(known, 'Data', {
      storageAccountId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stdata01`, openToAllNetworks: false,
    });
    const ws2 = new Workspace(known, 'Ml', { resourceGroup: RG, publicNetworkAccessEnabled: false, privateEndpointsManagedElsewhere: true, storageAccount: closed });
    synthJson(known);
    expect(warningsOf(ws2).join('\n')).not.toMatch(/AZML-NET-001/);
  });

  test('an Application Insights component is a dependency too: unknown by ID, known by attributes or from an azurerm L1', () => {
    const appInsightsId = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Insights/components/appi-shared`;
    const warningsWith = (name: string, appInsights: (stack: ReturnType<typeof providerStack>) => IApplicationInsights) => {
      const stack = providerStack(name);
      const ws = new Workspace(stack, 'Ml', {
        resourceGroup: RG, publicNetworkAccessEnabled: false, privateEndpointsManagedElsewhere: true, applicationInsights: appInsights(stack),
      });
      expectConformant(synthJson(stack));
      return warningsOf(ws).join('\n');
    };
    expect(warningsWith('byid', s => ApplicationInsights.fromApplicationInsightsId(s, 'Appi', appInsightsId)))
      .toMatch(/AZML-NET-001.*network state of its Application Insights component 'byid\/Appi' is unknown/);
    expect(warningsWith('closed', s => ApplicationInsights.fromApplicationInsightsAttributes(s, 'Appi', { applicationInsightsId: appInsightsId, openToAllNetworks: false })))
      .not.toMatch(/AZML-NET-001/);
    // An L1 is judged with the provider's defaults: ingestion and queries stay public unless set to false.
    const l1 = (s: ReturnType<typeof providerStack>, closed: boolean) => ApplicationInsights.fromResource(s, 'Appi', new AzurermApplicationInsights(s, 'AppiL1', {
      name: 'appi-own',
      location: 'westeurope',
      resourceGroupName: 'rg',
      applicationType: 'web',
      ...(closed ? { internetIngestionEnabled: false, internetQueryEnabled: false } : {}),
    }));
    expect(l1(providerStack('x'), false).openToAllNetworks).toBe(true);
    expect(l1(providerStack('y'), true).openToAllNetworks).toBe(false);
    expect(warningsWith('l1', s => l1(s, true))).not.toMatch(/AZML-NET-001/);
  });
});

// Workspace private networking: one `privateEndpoint` setting creates the endpoints of the workspace and of
// the dependencies it creates, their DNS, and an Azure Monitor Private Link Scope.
import { TerraformStack } from 'cdktf';
import { KeyVault, PrivateDns, PrivateEndpointSubResource, ResourceGroupRef, StorageAccount, Subnet, Workspace, WorkspaceProps } from '../src';
import { expectConformant, ofType, only, providerStack, synthJson } from './support/synth';

const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');
const SUB = '00000000-0000-0000-0000-000000000000';
const SUBNET_ID = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-pe`;
const SA_ID = `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdata01`;
const zoneId = (name: string) => `/subscriptions/${SUB}/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones/${name}`;

function privateWorkspace(props: Partial<WorkspaceProps> = {}, build?: (stack: TerraformStack) => Partial<WorkspaceProps>): [any, Workspace] {
  const stack = providerStack();
  const subnet = Subnet.fromSubnetId(stack, 'PeSubnet', SUBNET_ID);
  const ws = new Workspace(stack, 'Ml', {
    resourceGroup: RG,
    publicNetworkAccessEnabled: false,
    privateEndpoint: { subnet },
    ...props,
    ...(build ? build(stack) : {}),
  });
  const json = synthJson(stack);
  expectConformant(json);
  return [json, ws];
}

function subResources(json: any): string[] {
  return (Object.values(ofType(json, 'azurerm_private_endpoint')) as any[])
    .map(pe => pe.private_service_connection.subresource_names[0]).sort();
}

describe('workspace private networking', () => {
  test('endpoints for the workspace and every dependency it creates, zones created once, AMPLS for monitoring', () => {
    const [json, ws] = privateWorkspace();
    expect(subResources(json)).toEqual(['amlworkspace', 'azuremonitor', 'blob', 'file', 'registry', 'vault']);
    expect(ws.privateEndpoints).toHaveLength(6);
    const zones = (Object.values(ofType(json, 'azurerm_private_dns_zone')) as any[]).map(z => z.name).sort();
    expect(zones).toEqual([
      'privatelink.agentsvc.azure-automation.net', 'privatelink.api.azureml.ms', 'privatelink.azurecr.io',
      'privatelink.blob.core.windows.net', 'privatelink.file.core.windows.net', 'privatelink.monitor.azure.com',
      'privatelink.notebooks.azure.net', 'privatelink.ods.opinsights.azure.com', 'privatelink.oms.opinsights.azure.com',
      'privatelink.vaultcore.azure.net',
    ]);
    // Every endpoint in the subnet's region falls back to the workspace's; in the workspace's resource group.
    for (const pe of Object.values(ofType(json, 'azurerm_private_endpoint')) as any[]) {
      expect(pe).toMatchObject({ location: 'westeurope', resource_group_name: 'rg-ml', subnet_id: SUBNET_ID });
    }
    expect(Object.keys(ofType(json, 'azurerm_private_dns_zone_virtual_network_link'))).toHaveLength(10);
    expect(only(json, 'azurerm_monitor_private_link_scope')).toMatchObject({ ingestion_access_mode: 'Open', query_access_mode: 'Open' });
    const scoped = (Object.values(ofType(json, 'azurerm_monitor_private_link_scoped_service')) as any[]).map(s => s.linked_resource_id).sort();
    expect(scoped).toEqual([
      expect.stringMatching(/^\$\{azurerm_application_insights\..*\.id\}$/),
      expect.stringMatching(/^\$\{azurerm_log_analytics_workspace\..*\.id\}$/),
    ]);
    // Behind the AMPLS, the monitoring resources refuse public ingestion and queries.
    expect(only(json, 'azurerm_log_analytics_workspace')).toMatchObject({ internet_ingestion_enabled: false, internet_query_enabled: false });
    expect(only(json, 'azurerm_application_insights')).toMatchObject({ internet_ingestion_enabled: false, internet_query_enabled: false });
    // The AMPLS endpoint registers in the blob zone the storage endpoint also uses.
    const amplsPe = (Object.values(ofType(json, 'azurerm_private_endpoint')) as any[])
      .find(pe => pe.private_service_connection.subresource_names[0] === 'azuremonitor');
    expect(amplsPe.private_dns_zone_group.private_dns_zone_ids).toHaveLength(5);
  });

  test('queue and table on request; no monitor scope when turned off', () => {
    const S = PrivateEndpointSubResource;
    const [json] = privateWorkspace({}, stack => ({
      privateEndpoint: {
        subnet: Subnet.fromSubnetId(stack, 'Other', SUBNET_ID, 'northeurope'),
        storageSubResources: [S.BLOB, S.FILE, S.QUEUE, S.TABLE],
        monitorPrivateLinkScope: false,
      },
    }));
    expect(subResources(json)).toEqual(['amlworkspace', 'blob', 'file', 'queue', 'registry', 'table', 'vault']);
    expect(ofType(json, 'azurerm_monitor_private_link_scope')).toEqual({});
    for (const pe of Object.values(ofType(json, 'azurerm_private_endpoint')) as any[]) expect(pe.location).toBe('northeurope');
  });

  test('existing zones: one list for the whole workspace, each endpoint takes the zones of its sub-resource', () => {
    const names = ['privatelink.api.azureml.ms', 'privatelink.notebooks.azure.net', 'privatelink.blob.core.windows.net',
      'privatelink.file.core.windows.net', 'privatelink.vaultcore.azure.net', 'privatelink.azurecr.io'];
    const [json] = privateWorkspace({}, stack => ({
      privateEndpoint: {
        subnet: Subnet.fromSubnetId(stack, 'Other', SUBNET_ID),
        dns: PrivateDns.existingZones(names.map(zoneId)),
        monitorPrivateLinkScope: false,
      },
    }));
    expect(ofType(json, 'azurerm_private_dns_zone')).toEqual({});
    const byGroup: Record<string, string[]> = {};
    for (const pe of Object.values(ofType(json, 'azurerm_private_endpoint')) as any[]) {
      byGroup[pe.private_service_connection.subresource_names[0]] = pe.private_dns_zone_group.private_dns_zone_ids;
    }
    expect(byGroup).toEqual({
      amlworkspace: [zoneId('privatelink.api.azureml.ms'), zoneId('privatelink.notebooks.azure.net')],
      blob: [zoneId('privatelink.blob.core.windows.net')],
      file: [zoneId('privatelink.file.core.windows.net')],
      vault: [zoneId('privatelink.vaultcore.azure.net')],
      registry: [zoneId('privatelink.azurecr.io')],
    });
  });

  test('brought dependencies get endpoints only when asked', () => {
    const bring = (stack: TerraformStack) => ({
      storageAccount: StorageAccount.fromStorageAccountId(stack, 'Data', SA_ID),
      keyVault: new KeyVault(stack, 'Vault', { resourceGroup: RG }),
    });
    const [without] = privateWorkspace({}, bring);
    expect(subResources(without)).toEqual(['amlworkspace', 'azuremonitor', 'registry']);
    const [withDeps] = privateWorkspace({}, stack => ({
      ...bring(stack),
      privateEndpoint: { subnet: Subnet.fromSubnetId(stack, 'Other', SUBNET_ID), includeBroughtDependencies: true },
    }));
    expect(subResources(withDeps)).toEqual(['amlworkspace', 'azuremonitor', 'blob', 'file', 'registry', 'vault']);
    const blob = (Object.values(ofType(withDeps, 'azurerm_private_endpoint')) as any[])
      .find(pe => pe.private_service_connection.subresource_names[0] === 'blob');
    expect(blob.private_service_connection.private_connection_resource_id).toBe(SA_ID);
  });

  test('an imported workspace gets an endpoint too', () => {
    const stack = providerStack();
    const ws = Workspace.fromWorkspaceId(stack, 'Ws',
      `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw`);
    const [pe] = ws.addPrivateEndpoint({ subnet: Subnet.fromSubnetId(stack, 'S', SUBNET_ID, 'westeurope') });
    expect(pe.node.path).toBe('platform/Ws/PrivateEndpoint-amlworkspace');
    expectConformant(synthJson(stack));
  });
});

// Private endpoints and private DNS: the one mechanism behind addPrivateEndpoint on storage, key vault,
// registry and workspace (created and imported), its three DNS modes, zone names per cloud, and bad input.
import { Subnet as AzurermSubnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { TerraformStack } from 'cdktf';
import {
  AzureCloud, ContainerRegistry, ContainerRegistrySku, ISubnet, KeyVault, PrivateDns, PrivateDnsZones, PrivateEndpoint,
  PrivateEndpointSubResource, ResourceGroupRef, StorageAccount, Subnet, Workspace,
} from '../src';
import { expectConformant, ofType, providerStack, synthJson } from './support/synth';

const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');
const SUB = '00000000-0000-0000-0000-000000000000';
const VNET_ID = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke`;
const SUBNET_ID = `${VNET_ID}/subnets/snet-pe`;
const SA_ID = `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdata01`;
const WS_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod`;
const SEARCH_ID = `/subscriptions/${SUB}/resourceGroups/rg-ai/providers/Microsoft.Search/searchServices/srch-prod`;
const zoneId = (name: string) => `/subscriptions/${SUB}/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones/${name}`;

let subnets = 0;
function subnetIn(stack: TerraformStack): ISubnet {
  return Subnet.fromSubnetId(stack, `PeSubnet${subnets++}`, SUBNET_ID, 'westeurope');
}

/** Endpoints of a synthesized stack keyed by their sub-resource. */
function endpointsBySubResource(json: any): Record<string, any> {
  const out: Record<string, any> = {};
  for (const pe of Object.values(ofType(json, 'azurerm_private_endpoint')) as any[]) {
    out[pe.private_service_connection.subresource_names[0]] = pe;
  }
  return out;
}

describe('private endpoints', () => {
  describe('storage account', () => {
    test('blob and file by default, each with its created zone linked to the subnet network', () => {
      const stack = providerStack();
      const storage = new StorageAccount(stack, 'Storage', { resourceGroup: RG });
      const endpoints = storage.addPrivateEndpoint({ subnet: subnetIn(stack) });
      expect(endpoints.map(e => e.node.id)).toEqual(['PrivateEndpoint-blob', 'PrivateEndpoint-file']);
      const json = synthJson(stack);
      expectConformant(json);
      const pes = endpointsBySubResource(json);
      expect(Object.keys(pes).sort()).toEqual(['blob', 'file']);
      expect(pes.blob).toMatchObject({
        location: 'westeurope',
        resource_group_name: 'rg-ml',
        subnet_id: SUBNET_ID,
        private_service_connection: { is_manual_connection: false, private_connection_resource_id: expect.stringContaining('azurerm_storage_account.') },
        private_dns_zone_group: { name: 'default', private_dns_zone_ids: [expect.stringContaining('azurerm_private_dns_zone.')] },
      });
      expect(pes.blob.lifecycle).toBeUndefined();
      const zones = Object.values(ofType(json, 'azurerm_private_dns_zone')).map((z: any) => z.name).sort();
      expect(zones).toEqual(['privatelink.blob.core.windows.net', 'privatelink.file.core.windows.net']);
      const links = Object.values(ofType(json, 'azurerm_private_dns_zone_virtual_network_link')) as any[];
      expect(links).toHaveLength(2);
      for (const link of links) {
        expect(link).toMatchObject({ virtual_network_id: VNET_ID, registration_enabled: false, name: 'vnet-spoke-link' });
      }
    });

    test('dfs, queue and table on request', () => {
      const stack = providerStack();
      const storage = StorageAccount.fromStorageAccountId(stack, 'Data', SA_ID);
      const S = PrivateEndpointSubResource;
      storage.addPrivateEndpoint({ subnet: subnetIn(stack), subResources: [S.DFS, S.QUEUE, S.TABLE] });
      const json = synthJson(stack);
      expectConformant(json);
      const pes = endpointsBySubResource(json);
      expect(Object.keys(pes).sort()).toEqual(['dfs', 'queue', 'table']);
      // The endpoint of an imported account sits next to it by default.
      expect(pes.dfs.resource_group_name).toBe('rg-data');
      expect(pes.dfs.private_service_connection.private_connection_resource_id).toBe(SA_ID);
    });
  });

  test('zones are created once per stack and shared by the endpoints of several targets', () => {
    const stack = providerStack();
    const subnet = subnetIn(stack);
    const a = new StorageAccount(stack, 'A', { resourceGroup: RG });
    const b = new StorageAccount(stack, 'B', { resourceGroup: RG });
    a.addPrivateEndpoint({ subnet });
    b.addPrivateEndpoint({ subnet, subResources: [PrivateEndpointSubResource.BLOB] });
    const json = synthJson(stack);
    expectConformant(json);
    expect(Object.keys(ofType(json, 'azurerm_private_endpoint'))).toHaveLength(3);
    expect(Object.keys(ofType(json, 'azurerm_private_dns_zone'))).toHaveLength(2);
    expect(Object.keys(ofType(json, 'azurerm_private_dns_zone_virtual_network_link'))).toHaveLength(2);
  });

  test('a zone is linked once to every network that has an endpoint using it, and to extra networks', () => {
    const stack = providerStack();
    const hub = `/subscriptions/${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub`;
    const zones = new PrivateDnsZones(stack, 'Zones', { resourceGroup: ResourceGroupRef.fromName('rg-dns'), virtualNetworkIds: [hub] });
    const other = Subnet.fromSubnetId(stack, 'Other', `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-two/subnets/pe`, 'westeurope');
    const kv = new KeyVault(stack, 'Vault', { resourceGroup: RG });
    kv.addPrivateEndpoint({ subnet: subnetIn(stack), dns: PrivateDns.createZones({ zones }) });
    new PrivateEndpoint(stack, 'SearchPe', {
      targetResourceId: SEARCH_ID, subResource: PrivateEndpointSubResource.SEARCH_SERVICE, subnet: other, dns: PrivateDns.createZones({ zones }),
    });
    const json = synthJson(stack);
    expectConformant(json);
    const zonesJson = Object.values(ofType(json, 'azurerm_private_dns_zone')) as any[];
    expect(zonesJson.map(z => [z.name, z.resource_group_name]).sort()).toEqual([
      ['privatelink.search.windows.net', 'rg-dns'], ['privatelink.vaultcore.azure.net', 'rg-dns'],
    ]);
    const links = (Object.values(ofType(json, 'azurerm_private_dns_zone_virtual_network_link')) as any[])
      .map(l => l.virtual_network_id).sort();
    // Three networks (hub, spoke, two), two zones: six links, each network once per zone.
    expect(links).toHaveLength(6);
    expect(new Set(links).size).toBe(3);
  });

  test('subnet and network from azurerm L1s: the network ID is derived from the subnet reference', () => {
    const stack = providerStack();
    const vnet = new VirtualNetwork(stack, 'Vnet', { name: 'vnet', location: 'westeurope', resourceGroupName: 'rg-net', addressSpace: ['10.0.0.0/16'] });
    const snet = new AzurermSubnet(stack, 'Snet', { name: 'pe', resourceGroupName: 'rg-net', virtualNetworkName: vnet.name, addressPrefixes: ['10.0.1.0/24'] });
    const subnet = Subnet.fromResource(stack, 'PeSubnet', snet, vnet.location);
    new KeyVault(stack, 'Vault', { resourceGroup: RG }).addPrivateEndpoint({ subnet });
    const json = synthJson(stack);
    expectConformant(json);
    const pe = Object.values(ofType(json, 'azurerm_private_endpoint'))[0] as any;
    expect(pe.subnet_id).toMatch(/^\$\{azurerm_subnet\.Snet\.id\}$/);
    expect(pe.location).toBe('${azurerm_virtual_network.Vnet.location}');
    const link = Object.values(ofType(json, 'azurerm_private_dns_zone_virtual_network_link'))[0] as any;
    expect(link.virtual_network_id).toBe('${replace(azurerm_subnet.Snet.id, "//subnets/[^/]+$/", "")}');
  });

  describe('DNS modes', () => {
    test('existing zones (hub-and-spoke): each endpoint gets the zones of its sub-resource, nothing is created', () => {
      const stack = providerStack();
      const storage = new StorageAccount(stack, 'Storage', { resourceGroup: RG });
      storage.addPrivateEndpoint({
        subnet: subnetIn(stack),
        dns: PrivateDns.existingZones([zoneId('privatelink.blob.core.windows.net'), zoneId('privatelink.file.core.windows.net')]),
      });
      const json = synthJson(stack);
      expectConformant(json);
      const pes = endpointsBySubResource(json);
      expect(pes.blob.private_dns_zone_group.private_dns_zone_ids).toEqual([zoneId('privatelink.blob.core.windows.net')]);
      expect(pes.file.private_dns_zone_group.private_dns_zone_ids).toEqual([zoneId('privatelink.file.core.windows.net')]);
      expect(ofType(json, 'azurerm_private_dns_zone')).toEqual({});
    });

    test('workspace endpoint registers in both the api and notebooks zones', () => {
      const stack = providerStack();
      const ws = Workspace.fromWorkspaceId(stack, 'Ws', WS_ID);
      ws.addPrivateEndpoint({
        subnet: subnetIn(stack),
        dns: PrivateDns.existingZones([zoneId('privatelink.api.azureml.ms'), zoneId('privatelink.notebooks.azure.net')]),
      });
      const json = synthJson(stack);
      expectConformant(json);
      const pe = endpointsBySubResource(json).amlworkspace;
      expect(pe.private_dns_zone_group.private_dns_zone_ids).toEqual([zoneId('privatelink.api.azureml.ms'), zoneId('privatelink.notebooks.azure.net')]);
      expect(pe.private_service_connection.private_connection_resource_id).toBe(WS_ID);
    });

    test('policy-managed zones: no zone group, and the policy\'s zone group is ignored by later plans', () => {
      const stack = providerStack();
      new KeyVault(stack, 'Vault', { resourceGroup: RG }).addPrivateEndpoint({ subnet: subnetIn(stack), dns: PrivateDns.policyManaged() });
      const json = synthJson(stack);
      expectConformant(json);
      const pe = endpointsBySubResource(json).vault;
      expect(pe.private_dns_zone_group).toBeUndefined();
      expect(pe.lifecycle).toEqual({ ignore_changes: ['private_dns_zone_group'] });
      expect(ofType(json, 'azurerm_private_dns_zone')).toEqual({});
    });

    test.each([
      [AzureCloud.PUBLIC, ['privatelink.api.azureml.ms', 'privatelink.notebooks.azure.net'], 'privatelink.blob.core.windows.net', 'privatelink.azurecr.io'],
      [AzureCloud.US_GOVERNMENT, ['privatelink.api.ml.azure.us', 'privatelink.notebooks.usgovcloudapi.net'], 'privatelink.blob.core.usgovcloudapi.net', 'privatelink.azurecr.us'],
      [AzureCloud.CHINA, ['privatelink.api.ml.azure.cn', 'privatelink.notebooks.chinacloudapi.cn'], 'privatelink.blob.core.chinacloudapi.cn', 'privatelink.azurecr.cn'],
    ])('zone names follow the cloud (%p)', (cloud, amlZones, blobZone, acrZone) => {
      const stack = providerStack();
      const subnet = subnetIn(stack);
      Workspace.fromWorkspaceId(stack, 'Ws', WS_ID).addPrivateEndpoint({ subnet, cloud });
      new StorageAccount(stack, 'Storage', { resourceGroup: RG }).addPrivateEndpoint({ subnet, cloud, subResources: [PrivateEndpointSubResource.BLOB] });
      new ContainerRegistry(stack, 'Acr', { resourceGroup: RG }).addPrivateEndpoint({ subnet, cloud });
      const json = synthJson(stack);
      expectConformant(json);
      const zones = Object.values(ofType(json, 'azurerm_private_dns_zone')).map((z: any) => z.name).sort();
      expect(zones).toEqual([...amlZones, blobZone, acrZone].sort());
    });
  });

  describe('stable addresses', () => {
    /** Endpoints of a stack by Terraform address, after building `build`. */
    function endpoints(build: (stack: TerraformStack, subnet: ISubnet) => void): Record<string, any> {
      const stack = providerStack();
      build(stack, subnetIn(stack));
      const json = synthJson(stack);
      expectConformant(json);
      return ofType(json, 'azurerm_private_endpoint');
    }
    /** The replace-forcing attributes of azurerm_private_endpoint (azure-ml-terraform.md, private_endpoint_resource.go). */
    const forceNew = (pe: any) => ({
      name: pe.name,
      location: pe.location,
      resource_group_name: pe.resource_group_name,
      subnet_id: pe.subnet_id,
      custom_network_interface_name: pe.custom_network_interface_name,
      private_service_connection: pe.private_service_connection,
      ip_configuration: pe.ip_configuration,
    });

    test('adding a sub-resource leaves the existing endpoints at the same address with the same replace-forcing attributes', () => {
      const S = PrivateEndpointSubResource;
      const before = endpoints((stack, subnet) => new StorageAccount(stack, 'Storage', { resourceGroup: RG }).addPrivateEndpoint({ subnet }));
      const after = endpoints((stack, subnet) => new StorageAccount(stack, 'Storage', { resourceGroup: RG })
        .addPrivateEndpoint({ subnet, subResources: [S.BLOB, S.FILE, S.QUEUE] }));
      expect(Object.keys(after)).toEqual(expect.arrayContaining(Object.keys(before)));
      expect(Object.keys(after)).toHaveLength(3);
      for (const address of Object.keys(before)) expect(forceNew(after[address])).toEqual(forceNew(before[address]));
    });

    test('switching between created zones and policy-managed zones changes only the zone group', () => {
      const created = endpoints((stack, subnet) => new KeyVault(stack, 'Vault', { resourceGroup: RG }).addPrivateEndpoint({ subnet }));
      const policy = endpoints((stack, subnet) => new KeyVault(stack, 'Vault', { resourceGroup: RG })
        .addPrivateEndpoint({ subnet, dns: PrivateDns.policyManaged() }));
      const existing = endpoints((stack, subnet) => new KeyVault(stack, 'Vault', { resourceGroup: RG })
        .addPrivateEndpoint({ subnet, dns: PrivateDns.existingZones([zoneId('privatelink.vaultcore.azure.net')]) }));
      expect(Object.keys(policy)).toEqual(Object.keys(created));
      expect(Object.keys(existing)).toEqual(Object.keys(created));
      const address = Object.keys(created)[0];
      expect(forceNew(policy[address])).toEqual(forceNew(created[address]));
      expect(forceNew(existing[address])).toEqual(forceNew(created[address]));
    });
  });

  test('a standalone endpoint to any target and sub-resource (AI Search)', () => {
    const stack = providerStack();
    const pe = new PrivateEndpoint(stack, 'Search', {
      targetResourceId: SEARCH_ID, subResource: PrivateEndpointSubResource.SEARCH_SERVICE, subnet: subnetIn(stack), name: 'pe-search',
    });
    const json = synthJson(stack);
    expectConformant(json);
    expect(pe.privateDnsZoneIds).toHaveLength(1);
    expect(endpointsBySubResource(json).searchService).toMatchObject({ name: 'pe-search', resource_group_name: 'rg-ai' });
  });

  describe('bad input', () => {
    test('a subnet ID that is not a subnet', () => {
      const stack = providerStack();
      expect(() => Subnet.fromSubnetId(stack, 'S', VNET_ID)).toThrow(/'.*vnet-spoke' is not a subnet ID; expected .*subnets\/<subnet>/);
    });

    test('a zone that does not fit the sub-resource', () => {
      const stack = providerStack();
      const kv = new KeyVault(stack, 'Vault', { resourceGroup: RG });
      expect(() => kv.addPrivateEndpoint({ subnet: subnetIn(stack), dns: PrivateDns.existingZones([zoneId('privatelink.blob.core.windows.net')]) }))
        .toThrow(/Vault\/PrivateEndpoint-vault: private DNS zone 'privatelink.blob.core.windows.net' .* does not fit sub-resource 'vault' in AzurePublic: expected privatelink.vaultcore.azure.net/);
    });

    test('a zone of another cloud does not fit', () => {
      const stack = providerStack();
      const kv = new KeyVault(stack, 'Vault', { resourceGroup: RG });
      expect(() => kv.addPrivateEndpoint({
        subnet: subnetIn(stack), cloud: AzureCloud.US_GOVERNMENT, dns: PrivateDns.existingZones([zoneId('privatelink.vaultcore.azure.net')]),
      })).toThrow(/does not fit sub-resource 'vault' in AzureUSGovernment: expected privatelink.vaultcore.usgovcloudapi.net/);
    });

    test('a sub-resource with no zone among the existing ones', () => {
      const stack = providerStack();
      const storage = new StorageAccount(stack, 'Storage', { resourceGroup: RG });
      expect(() => storage.addPrivateEndpoint({ subnet: subnetIn(stack), dns: PrivateDns.existingZones([zoneId('privatelink.blob.core.windows.net')]) }))
        .toThrow(/no private DNS zone given for sub-resource 'file': missing privatelink.file.core.windows.net/);
    });

    test('zone IDs that are references are not checked', () => {
      const stack = providerStack();
      const zones = new PrivateDnsZones(stack, 'Hub', { resourceGroup: RG });
      const kv = new KeyVault(stack, 'Vault', { resourceGroup: RG });
      const [pe] = kv.addPrivateEndpoint({ subnet: subnetIn(stack), dns: PrivateDns.existingZones([zones.zoneId('privatelink.vaultcore.azure.net')]) });
      expect(pe.privateDnsZoneIds).toHaveLength(1);
      expectConformant(synthJson(stack));
    });

    test('a sub-resource the target does not have', () => {
      const stack = providerStack();
      const kv = new KeyVault(stack, 'Vault', { resourceGroup: RG });
      expect(() => kv.addPrivateEndpoint({ subnet: subnetIn(stack), subResources: [PrivateEndpointSubResource.BLOB] }))
        .toThrow(/Vault: a key vault has no private-link sub-resource 'blob'; use one of vault\./);
      expect(() => new PrivateEndpoint(stack, 'Pe', { targetResourceId: SA_ID, subResource: PrivateEndpointSubResource.VAULT, subnet: subnetIn(stack) }))
        .toThrow(/sub-resource 'vault' belongs to Microsoft.KeyVault\/vaults, but the target '.*stdata01' is another type/);
    });

    test('a registry endpoint on a non-Premium registry', () => {
      const stack = providerStack();
      const acr = new ContainerRegistry(stack, 'Acr', { resourceGroup: RG, sku: ContainerRegistrySku.STANDARD, publicNetworkAccessEnabled: true });
      expect(() => acr.addPrivateEndpoint({ subnet: subnetIn(stack) }))
        .toThrow(/Acr: container registry sku 'Standard' has no private endpoints; only Premium registries do/);
      const imported = ContainerRegistry.fromContainerRegistryAttributes(stack, 'Old', {
        containerRegistryId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acrold`, sku: 'Basic',
      });
      expect(() => imported.addPrivateEndpoint({ subnet: subnetIn(stack) })).toThrow(/sku 'Basic' has no private endpoints/);
    });

    test('duplicate endpoints for the same target and sub-resource', () => {
      const stack = providerStack();
      const subnet = subnetIn(stack);
      const kv = new KeyVault(stack, 'Vault', { resourceGroup: RG });
      kv.addPrivateEndpoint({ subnet });
      expect(() => kv.addPrivateEndpoint({ subnet })).toThrow(/a private endpoint for sub-resource 'vault' of this key vault already exists/);
      const storage = StorageAccount.fromStorageAccountId(stack, 'Data', SA_ID);
      storage.addPrivateEndpoint({ subnet, subResources: [PrivateEndpointSubResource.BLOB] });
      expect(() => new PrivateEndpoint(stack, 'Again', { targetResourceId: SA_ID, subResource: PrivateEndpointSubResource.BLOB, subnet }))
        .toThrow(/Again: a private endpoint for sub-resource 'blob' of this target already exists \(platform\/Data\/PrivateEndpoint-blob\)/);
    });

    test('an endpoint without a known location', () => {
      const stack = providerStack();
      const subnet = Subnet.fromSubnetId(stack, 'S', SUBNET_ID);
      expect(() => new KeyVault(stack, 'Vault', { resourceGroup: RG }).addPrivateEndpoint({ subnet }))
        .toThrow(/the private endpoint has no location: .* Pass `location`/);
    });
  });
});

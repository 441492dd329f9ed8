// Network controls azurerm 4.55.0 lacks, set through azapi: firewall SKU, IP allowlist, private-endpoint
// outbound rules to any target; outbound rules on imported workspaces.
import {
  ManagedNetworkFirewallSku, ManagedNetworkIsolation, ResourceGroupRef, Workspace, WorkspaceProps,
} from '../src';
import { findReplacements } from './support/replacement';
import { describeWithShared } from './support/shared';
import { conformanceViolations, expectConformant, ofType, only, providerStack, synthJson } from './support/synth';
import { onlyWorkspace, workspaceIdRef } from './support/workspace-l1';

const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');
const SUB = '00000000-0000-0000-0000-000000000000';
const WS_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod`;
const SEARCH_ID = `/subscriptions/${SUB}/resourceGroups/rg-ai/providers/Microsoft.Search/searchServices/srch-prod`;
const OPENAI_ID = `/subscriptions/${SUB}/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/aoai-prod`;
const SQL_ID = `/subscriptions/${SUB}/resourceGroups/rg-db/providers/Microsoft.Sql/servers/sql-prod`;
const COSMOS_ID = `/subscriptions/${SUB}/resourceGroups/rg-db/providers/Microsoft.DocumentDB/databaseAccounts/cosmos-prod`;
const ACR_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.ContainerRegistry/registries/acrprod`;
const KV_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.KeyVault/vaults/kv-prod`;

function workspace(props: Partial<WorkspaceProps>): [any, Workspace] {
  const stack = providerStack();
  const ws = new Workspace(stack, 'Ml', { resourceGroup: RG, publicNetworkAccessEnabled: true, ...props });
  return [synthJson(stack), ws];
}

describeWithShared('workspace network controls through azapi', () => {
  test('firewall SKU: part of the workspace body from creation, changed in place', () => {
    const basic = { isolationMode: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND, firewallSku: ManagedNetworkFirewallSku.BASIC };
    const [json] = workspace({ managedNetwork: basic });
    expectConformant(json);
    expect(ofType(json, 'azapi_update_resource')).toEqual({});
    expect(onlyWorkspace(json).body.properties.managedNetwork).toEqual({ isolationMode: 'AllowOnlyApprovedOutbound', firewallSku: 'Basic' });
    const [standard] = workspace({ managedNetwork: { ...basic, firewallSku: ManagedNetworkFirewallSku.STANDARD } });
    expect(onlyWorkspace(standard).body.properties.managedNetwork.firewallSku).toBe('Standard');
    expect(findReplacements(json, standard)).toEqual({ added: [], removed: [], replaced: [] });
  });

  test('firewall SKU needs AllowOnlyApprovedOutbound', () => {
    const managedNetwork = { isolationMode: ManagedNetworkIsolation.ALLOW_INTERNET_OUTBOUND, firewallSku: ManagedNetworkFirewallSku.BASIC };
    expect(() => workspace({ managedNetwork }))
      .toThrow(/platform\/Ml: `managedNetwork.firewallSku` is 'Basic' but the isolation mode is AllowInternetOutbound/);
  });

  test('IP allowlist: public access only from the given ranges (preview API version, the only one with ipAllowlist)', () => {
    const [json] = workspace({ ipAllowlist: ['203.0.113.0/24', '198.51.100.7'] });
    const update = (Object.values<any>(ofType(json, 'azapi_update_resource'))).find(u => u.body.properties.ipAllowlist);
    expect(update).toMatchObject({
      type: 'Microsoft.MachineLearningServices/workspaces@2024-04-01-preview',
      body: { properties: { publicNetworkAccess: 'Enabled', ipAllowlist: ['203.0.113.0/24', '198.51.100.7'] } },
    });
    expect(onlyWorkspace(json).body.properties.publicNetworkAccess).toBe('Enabled');
    // Ordered after the workspace: it updates the workspace by ID.
    expect(update.resource_id).toBe(workspaceIdRef(json));
    // The stored ARM types have no preview API versions: that body is the one that cannot be checked.
    const violations = conformanceViolations(json);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/no ARM types for Microsoft.MachineLearningServices\/workspaces@2024-04-01-preview/);
  });

  test.each([
    ['10.1.0.0/16', /private \(RFC 1918\) range/],
    ['0.0.0.0/0', /allows the whole internet/],
    ['203.0.113.0/33', /not an IPv4 address or CIDR range/],
    ['2001:db8::/32', /not an IPv4 address or CIDR range/],
    ['127.0.0.1', /not a public unicast address/],
  ])('IP allowlist entry %s is refused', (entry, why) => {
    expect(() => workspace({ ipAllowlist: [entry] })).toThrow(new RegExp(`platform/Ml: ipAllowlist entry '${entry.replace(/[./]/g, '\\$&')}' is invalid: .*${why.source}`));
  });

  test('IP allowlist needs public access and at least one entry', () => {
    expect(() => workspace({ publicNetworkAccessEnabled: false, privateEndpointsManagedElsewhere: true, ipAllowlist: ['203.0.113.7'] }))
      .toThrow(/`ipAllowlist` limits public access, but publicNetworkAccessEnabled is false/);
    expect(() => workspace({ ipAllowlist: [] })).toThrow(/`ipAllowlist` is empty/);
  });

  test('private-endpoint outbound rules to any target: azurerm for its nine sub-resources, azapi for the others', () => {
    const stack = providerStack();
    const ws = Workspace.fromWorkspaceAttributes(stack, 'Ws', { workspaceId: WS_ID, managedNetworkIsolation: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND });
    ws.addPrivateEndpointOutboundRule('search', { serviceResourceId: SEARCH_ID, subResourceTarget: 'searchService' });
    ws.addPrivateEndpointOutboundRule('openai', { serviceResourceId: OPENAI_ID, subResourceTarget: 'account' });
    ws.addPrivateEndpointOutboundRule('sql', { serviceResourceId: SQL_ID, subResourceTarget: 'sqlServer' });
    ws.addPrivateEndpointOutboundRule('cosmos', { serviceResourceId: COSMOS_ID, subResourceTarget: 'Sql' });
    ws.addPrivateEndpointOutboundRule('acr', { serviceResourceId: ACR_ID, subResourceTarget: 'registry' });
    ws.addPrivateEndpointOutboundRule('other-ws', {
      serviceResourceId: `/subscriptions/${SUB}/resourceGroups/rg-x/providers/Microsoft.MachineLearningServices/workspaces/mlw-other`,
      subResourceTarget: 'amlworkspace',
    });
    ws.addPrivateEndpointOutboundRule('vault', { serviceResourceId: KV_ID, subResourceTarget: 'vault', sparkEnabled: true });
    ws.addFqdnOutboundRule('pypi', 'pypi.org');
    const json = synthJson(stack);
    expectConformant(json);
    const azapi = Object.values<any>(ofType(json, 'azapi_resource'));
    expect(azapi.map(r => [r.name, r.body.properties.destination.subresourceTarget]).sort()).toEqual([
      ['acr', 'registry'], ['cosmos', 'Sql'], ['openai', 'account'], ['search', 'searchService'], ['sql', 'sqlServer'],
    ]);
    expect(azapi.find(r => r.name === 'search')).toEqual(expect.objectContaining({
      type: 'Microsoft.MachineLearningServices/workspaces/outboundRules@2025-06-01',
      parent_id: WS_ID,
      body: { properties: { type: 'PrivateEndpoint', category: 'UserDefined', destination: { serviceResourceId: SEARCH_ID, subresourceTarget: 'searchService', sparkEnabled: false } } },
    }));
    const azurerm = Object.values<any>(ofType(json, 'azurerm_machine_learning_workspace_network_outbound_rule_private_endpoint'));
    expect(azurerm.map(r => [r.name, r.sub_resource_target, r.spark_enabled]).sort()).toEqual([['other-ws', 'amlworkspace', false], ['vault', 'vault', true]]);
    expect(only(json, 'azurerm_machine_learning_workspace_network_outbound_rule_fqdn')).toMatchObject({ workspace_id: WS_ID });
  });

  test('an outbound rule whose sub-resource does not fit its target is refused', () => {
    const stack = providerStack();
    const ws = Workspace.fromWorkspaceId(stack, 'Ws', WS_ID);
    expect(() => ws.addPrivateEndpointOutboundRule('bad', { serviceResourceId: SEARCH_ID, subResourceTarget: 'vault' }))
      .toThrow(/outbound rule 'bad': sub-resource 'vault' belongs to Microsoft.KeyVault\/vaults, but the target '.*srch-prod' is another type/);
  });
});

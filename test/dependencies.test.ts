// addDependency(...) on the L2s: depends_on on every Terraform resource the construct emits.
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { expectConformant, ofType, providerStack, synthJson } from './support/synth';
import { workspacesOf } from './support/workspace-l1';
import { ComputeCluster } from '../src/compute/compute-cluster';
import { VmSize } from '../src/compute/vm-size';
import { ResourceGroupRef } from '../src/core/resource-group';
import { PrivateEndpoint } from '../src/network/private-endpoint';
import { PrivateEndpointSubResource } from '../src/network/sub-resource';
import { Subnet } from '../src/network/subnet';
import { Workspace } from '../src/workspace/workspace';
import { ManagedNetworkIsolation } from '../src/workspace/workspace-ref';

const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');

/** Every `depends_on` entry of every resource, as `type.name -> [address, ...]`. */
function dependsOn(json: any): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [type, instances] of Object.entries<any>(json.resource ?? {})) {
    for (const [name, config] of Object.entries<any>(instances)) {
      if (config.depends_on) out[`${type}.${name}`] = config.depends_on;
    }
  }
  return out;
}

function roleAssignment(stack: TerraformStack, id = 'Reader'): RoleAssignment {
  return new RoleAssignment(stack, id, {
    scope: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml',
    roleDefinitionName: 'Reader',
    principalId: '11111111-1111-1111-1111-111111111111',
  });
}

describe('addDependency', () => {
  test('a workspace and every resource it creates depend on an L1 resource', () => {
    const stack = providerStack('deps');
    const ra = roleAssignment(stack);
    const ws = new Workspace(stack, 'Ml', {
      resourceGroup: RG,
      managedNetwork: { isolationMode: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND },
    });
    ws.addDependency(ra);
    // Added after the call: ordered too.
    ws.addFqdnOutboundRule('pypi', 'pypi.org');
    const json = synthJson(stack);
    expectConformant(json);
    const deps = dependsOn(json);
    const raAddress = `azurerm_role_assignment.${Object.keys(ofType(json, 'azurerm_role_assignment')).find(n => n.startsWith('Reader'))}`;
    // The workspace, its storage, key vault, monitoring and registry, and their role assignments: all of them.
    const own = Object.entries<any>(json.resource).flatMap(([type, instances]) => Object.keys(instances).map(n => `${type}.${n}`))
      .filter(a => a !== raAddress);
    expect(own.length).toBeGreaterThan(4);
    expect(own).toContain(`azapi_resource.${Object.keys(workspacesOf(json))[0]}`);
    expect(own.some(a => a.startsWith('azurerm_machine_learning_workspace_network_outbound_rule_fqdn.'))).toBe(true);
    for (const address of own) expect(deps[address]).toEqual([raAddress]);
    // Data sources are not delayed to apply time.
    for (const instances of Object.values<any>(json.data ?? {})) {
      for (const config of Object.values<any>(instances)) expect(config.depends_on).toBeUndefined();
    }
  });

  test('an L2 dependable stands for every resource it emits; each dependable is written once', () => {
    const stack = providerStack('deps');
    const ws = Workspace.fromWorkspaceAttributes(stack, 'Ml', {
      workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw',
      location: 'westeurope',
    });
    const identity = new UserAssignedIdentity(stack, 'Identity', { name: 'id-a', location: 'westeurope', resourceGroupName: 'rg-ml' });
    const first = new ComputeCluster(stack, 'First', { workspace: ws, vmSize: VmSize.STANDARD_DS3_V2, maxNodes: 1, nodePublicIp: true });
    const second = new ComputeCluster(stack, 'Second', { workspace: ws, vmSize: VmSize.STANDARD_DS3_V2, maxNodes: 1, nodePublicIp: true });
    second.addDependency(first, identity);
    second.addDependency(identity); // the same dependable twice is written once
    const json = synthJson(stack);
    expectConformant(json);
    const clusters = ofType(json, 'azurerm_machine_learning_compute_cluster');
    const [firstName, secondName] = ['First', 'Second'].map(p => Object.keys(clusters).find(n => n.startsWith(p))!);
    const identityName = Object.keys(ofType(json, 'azurerm_user_assigned_identity'))[0];
    expect(clusters[secondName].depends_on).toEqual([
      `azurerm_machine_learning_compute_cluster.${firstName}`,
      `azurerm_user_assigned_identity.${identityName}`,
    ]);
    expect(clusters[firstName].depends_on).toBeUndefined();
  });

  test('network L2s too: a private endpoint and everything it emits waits for a role assignment', () => {
    const stack = providerStack('deps');
    const ra = roleAssignment(stack);
    const sub = '/subscriptions/00000000-0000-0000-0000-000000000000';
    const pe = new PrivateEndpoint(stack, 'Pe', {
      targetResourceId: `${sub}/resourceGroups/rg-ai/providers/Microsoft.Search/searchServices/srch-prod`,
      subResource: PrivateEndpointSubResource.SEARCH_SERVICE,
      subnet: Subnet.fromSubnetId(stack, 'Subnet', `${sub}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe`, 'westeurope'),
    });
    pe.addDependency(ra);
    const json = synthJson(stack);
    expectConformant(json);
    const raAddress = `azurerm_role_assignment.${Object.keys(ofType(json, 'azurerm_role_assignment'))[0]}`;
    const endpoints = Object.values<any>(ofType(json, 'azurerm_private_endpoint'));
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0].depends_on).toEqual([raAddress]);
  });

  test('a second synthesis does not duplicate depends_on', () => {
    const stack = providerStack('deps');
    const ra = roleAssignment(stack);
    const ws = new Workspace(stack, 'Ml', { resourceGroup: RG });
    ws.addDependency(ra);
    synthJson(stack);
    const json = synthJson(stack);
    for (const list of Object.values(dependsOn(json))) expect(list).toHaveLength(1);
  });

  test('invalid dependables are rejected with the construct path and the fix', () => {
    const stack = providerStack('deps');
    const ws = new Workspace(stack, 'Ml', { resourceGroup: RG });
    expect(() => ws.addDependency(ws.node.defaultChild!)).toThrow(/deps\/Ml: cannot depend on 'deps\/Ml\/.*': it is part of this construct/);
    expect(() => ws.addDependency(ws)).toThrow(/it is part of this construct/);
    const other = providerStack('other');
    expect(() => ws.addDependency(roleAssignment(other))).toThrow(
      /cannot depend on 'other\/Reader': it is in stack 'other', not 'deps', and depends_on cannot cross stacks.*stack\.addDependency\(otherStack\)/);
    expect(() => ws.addDependency(new Construct(stack, 'Empty'))).toThrow(
      /cannot depend on 'deps\/Empty': it emits no Terraform resource, data source or module/);
  });
});

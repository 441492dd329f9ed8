// ComputeCluster: the cluster specs of ../shared/cases/azureml-examples/compute, defaults, grants,
// in-place updates and bad input.
import { TerraformStack, TerraformVariable } from 'cdktf';
import { describeReplacements, findReplacements } from './support/replacement';
import { expectConformant, only, providerStack, synthJson, warningsOf } from './support/synth';
import { onlyWorkspace, workspaceIdRef } from './support/workspace-l1';
import { ComputeCluster, ComputeClusterOptions } from '../src/compute/compute-cluster';
import { ComputeIdentity } from '../src/compute/compute-identity';
import { VmPriority, VmSize } from '../src/compute/vm-size';
import { ContainerRegistry } from '../src/container-registry/container-registry';
import { Duration } from '../src/core/duration';
import { UserAssignedIdentityRef } from '../src/core/identity';
import { ResourceGroupRef } from '../src/core/resource-group';
import { SecretValue } from '../src/core/secret';
import { Warnings } from '../src/core/warnings';
import { StorageAccount } from '../src/storage/storage-account';
import { Workspace } from '../src/workspace/workspace';
import { IWorkspace, ManagedNetworkIsolation } from '../src/workspace/workspace-ref';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml';
const WORKSPACE_ID = `${SUB}/providers/Microsoft.MachineLearningServices/workspaces/mlw-demo`;
const UAI_ID = `${SUB}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-training`;
const SUBNET_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/training';

interface Fixture {
  readonly stack: TerraformStack;
  readonly workspace: IWorkspace;
}

/** A stack with an imported workspace; by default in westeurope with a managed network (pass null for "unknown"). */
function fixture(isolation: ManagedNetworkIsolation | null = ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND, location: string | null = 'westeurope'): Fixture {
  const stack = providerStack('Test');
  const workspace = Workspace.fromWorkspaceAttributes(stack, 'Ml', {
    workspaceId: WORKSPACE_ID,
    location: location ?? undefined,
    managedNetworkIsolation: isolation ?? undefined,
  });
  return { stack, workspace };
}

/** Synthesizes one cluster and returns the JSON and the cluster's resource body. */
function synthCluster(options: ComputeClusterOptions, f: Fixture = fixture()): { json: any; cluster: any; construct: ComputeCluster } {
  const construct = new ComputeCluster(f.stack, 'Cluster', { workspace: f.workspace, ...options });
  const json = synthJson(f.stack);
  return { json, cluster: only(json, 'azurerm_machine_learning_compute_cluster'), construct };
}

describe('ComputeCluster: azureml-examples compute specs', () => {
  test('cluster-basic: DS3_v2, 0-2 nodes, 120 s idle', () => {
    const { json, cluster } = synthCluster({
      name: 'basic-example',
      vmSize: VmSize.STANDARD_DS3_V2,
      minNodes: 0,
      maxNodes: 2,
      idleTimeBeforeScaleDown: Duration.seconds(120),
    });
    expect(cluster).toMatchObject({
      name: 'basic-example',
      machine_learning_workspace_id: WORKSPACE_ID,
      location: 'westeurope',
      vm_size: 'Standard_DS3_v2',
      vm_priority: 'Dedicated',
      scale_settings: { min_node_count: 0, max_node_count: 2, scale_down_nodes_after_idle_duration: 'PT2M' },
      identity: { type: 'SystemAssigned' },
      local_auth_enabled: false,
      node_public_ip_enabled: false,
      ssh_public_access_enabled: false,
    });
    expect(cluster.ssh).toBeUndefined();
    expectConformant(json);
  });

  test('cluster-minimal: defaults are DS3_v2, 0-1 nodes, PT2M, dedicated, system identity', () => {
    const { json, cluster } = synthCluster({ name: 'minimal-example' });
    expect(cluster).toMatchObject({
      name: 'minimal-example',
      vm_size: 'Standard_DS3_v2',
      vm_priority: 'Dedicated',
      scale_settings: { min_node_count: 0, max_node_count: 1, scale_down_nodes_after_idle_duration: 'PT2M' },
      identity: { type: 'SystemAssigned' },
      local_auth_enabled: false,
    });
    expectConformant(json);
  });

  test('cluster-low-priority: tier low_priority', () => {
    const { json, cluster } = synthCluster({
      name: 'low-pri-example',
      vmSize: VmSize.STANDARD_DS3_V2,
      minNodes: 0,
      maxNodes: 2,
      idleTimeBeforeScaleDown: Duration.seconds(120),
      priority: VmPriority.LOW_PRIORITY,
    });
    expect(cluster.vm_priority).toBe('LowPriority');
    expect(cluster.scale_settings.max_node_count).toBe(2);
    expectConformant(json);
  });

  test('cluster-system-identity: the cluster is a grantee of storage and registry roles', () => {
    const f = fixture();
    const storage = StorageAccount.fromStorageAccountId(f.stack, 'Data', `${SUB}/providers/Microsoft.Storage/storageAccounts/stdata`);
    const registry = ContainerRegistry.fromContainerRegistryId(f.stack, 'Acr', `${SUB}/providers/Microsoft.ContainerRegistry/registries/acrdemo`);
    const cluster = new ComputeCluster(f.stack, 'Cluster', {
      workspace: f.workspace, name: 'basic-example', maxNodes: 2, identity: ComputeIdentity.systemAssigned(),
    });
    storage.grantBlobDataReader(cluster);
    registry.grantPull(cluster);
    const json = synthJson(f.stack);
    const [address] = Object.keys(json.resource.azurerm_machine_learning_compute_cluster);
    expect(json.resource.azurerm_machine_learning_compute_cluster[address].identity).toEqual({ type: 'SystemAssigned' });
    const assignments = Object.values<any>(json.resource.azurerm_role_assignment);
    const principal = `\${azurerm_machine_learning_compute_cluster.${address}.identity[0].principal_id}`;
    expect(assignments).toEqual(expect.arrayContaining([
      expect.objectContaining({ role_definition_name: 'Storage Blob Data Reader', principal_id: principal, principal_type: 'ServicePrincipal', skip_service_principal_aad_check: true }),
      expect.objectContaining({ role_definition_name: 'AcrPull', principal_id: principal }),
    ]));
    expectConformant(json);
  });

  test('cluster-user-identity: user-assigned identity; grants go to that identity', () => {
    const f = fixture();
    const uai = UserAssignedIdentityRef.fromAttributes({ identityId: UAI_ID, principalId: '11111111-2222-3333-4444-555555555555', key: 'training' });
    const storage = StorageAccount.fromStorageAccountId(f.stack, 'Data', `${SUB}/providers/Microsoft.Storage/storageAccounts/stdata`);
    const cluster = new ComputeCluster(f.stack, 'Cluster', {
      workspace: f.workspace,
      name: 'basic-example',
      maxNodes: 2,
      idleTimeBeforeScaleDown: Duration.seconds(120),
      identity: ComputeIdentity.userAssigned(uai),
    });
    storage.grantBlobDataReader(cluster);
    const json = synthJson(f.stack);
    const body = Object.values<any>(json.resource.azurerm_machine_learning_compute_cluster)[0];
    expect(body.identity).toEqual({ type: 'UserAssigned', identity_ids: [UAI_ID] });
    expect(cluster.principalId).toBe('11111111-2222-3333-4444-555555555555');
    expect(Object.values<any>(json.resource.azurerm_role_assignment)).toEqual([
      expect.objectContaining({ principal_id: '11111111-2222-3333-4444-555555555555', role_definition_name: 'Storage Blob Data Reader' }),
    ]);
    expectConformant(json);
  });

  test('system and user-assigned identities together', () => {
    const uai = UserAssignedIdentityRef.fromAttributes({ identityId: UAI_ID, principalId: 'p', key: 'training' });
    const { json, cluster } = synthCluster({ name: 'both-ids', identity: ComputeIdentity.systemAndUserAssigned(uai) });
    expect(cluster.identity).toEqual({ type: 'SystemAssigned, UserAssigned', identity_ids: [UAI_ID] });
    expectConformant(json);
  });

  test('cluster-ssh-password: password from a sensitive variable, never a literal in the JSON', () => {
    const f = fixture();
    const password = new TerraformVariable(f.stack, 'ssh_password', { type: 'string', sensitive: true });
    new ComputeCluster(f.stack, 'Cluster', {
      workspace: f.workspace,
      name: 'ssh-example',
      vmSize: VmSize.STANDARD_DS3_V2,
      minNodes: 0,
      maxNodes: 2,
      idleTimeBeforeScaleDown: Duration.seconds(120),
      ssh: { adminUsername: 'example-user', password: SecretValue.fromSensitiveVariable(password) },
    });
    const json = synthJson(f.stack);
    const cluster = Object.values<any>(json.resource.azurerm_machine_learning_compute_cluster)[0];
    expect(cluster.ssh).toEqual({ admin_username: 'example-user', admin_password: '${sensitive(var.ssh_password)}' });
    // Managed network: nodes have no public IP, so the public SSH port stays closed by default.
    expect(cluster.ssh_public_access_enabled).toBe(false);
    expect(JSON.stringify(json)).not.toContain('example-password');
    expectConformant(json);
  });

  test('SSH open to the internet on public nodes is an error at synth unless acknowledged', () => {
    const f = fixture(ManagedNetworkIsolation.DISABLED);
    const construct = new ComputeCluster(f.stack, 'Cluster', {
      workspace: f.workspace,
      name: 'ssh-key',
      nodePublicIp: true,
      ssh: { adminUsername: 'azureuser', publicKey: 'ssh-rsa AAAAB3NzaC1yc2E example' },
    });
    expect(() => synthJson(f.stack)).toThrow(/Test\/Cluster: the compute cluster opens SSH \(port 22\) to the internet.*acknowledge\('AZML-COMPUTE-003'/s);
    Warnings.of(construct).acknowledge('AZML-COMPUTE-003', 'break-glass access, key held by the on-call team');
    const json = synthJson(f.stack);
    const cluster = only(json, 'azurerm_machine_learning_compute_cluster');
    expect(cluster.ssh).toEqual({ admin_username: 'azureuser', key_value: 'ssh-rsa AAAAB3NzaC1yc2E example' });
    expect(cluster.ssh_public_access_enabled).toBe(true);
    expectConformant(json);
  });

  test('cluster-location: nodes in another region than the workspace', () => {
    const { json, cluster } = synthCluster({
      name: 'location-example',
      vmSize: VmSize.STANDARD_DS3_V2,
      minNodes: 0,
      maxNodes: 2,
      idleTimeBeforeScaleDown: Duration.seconds(120),
      location: 'westus',
    });
    expect(cluster.location).toBe('westus');
    expectConformant(json);
  });
});

describe('ComputeCluster: network, naming and workspace integration', () => {
  test('a subnet turns node public IPs off', () => {
    const { json, cluster, construct } = synthCluster({ name: 'vnet-cluster', subnetId: SUBNET_ID }, fixture(ManagedNetworkIsolation.DISABLED));
    expect(cluster.subnet_resource_id).toBe(SUBNET_ID);
    expect(cluster.node_public_ip_enabled).toBe(false);
    expect(warningsOf(construct)).toEqual([]);
    expectConformant(json);
  });

  test('without subnet or managed network, public IPs must be chosen explicitly (never derived from the workspace)', () => {
    const f = fixture(ManagedNetworkIsolation.DISABLED);
    expect(() => new ComputeCluster(f.stack, 'Implicit', { workspace: f.workspace, name: 'public-implicit' }))
      .toThrow(/Test\/Implicit: nodePublicIp is not set, and the compute cluster has no subnetId and the workspace has no managed network .* pass nodePublicIp: true to accept public IPs/);
    const { json, cluster, construct } = synthCluster({ name: 'public-cluster', nodePublicIp: true }, f);
    expect(cluster.node_public_ip_enabled).toBe(true);
    expect(warningsOf(construct).join('\n')).toMatch(/public IP addresses.*pass `subnetId` or use a workspace with a managed network/);
    expectConformant(json);
  });

  test('lowering the workspace isolation does not silently flip node public IPs: it is an error', () => {
    const managed = fixture(ManagedNetworkIsolation.ALLOW_INTERNET_OUTBOUND);
    expect(synthCluster({ name: 'flip-test' }, managed).cluster.node_public_ip_enabled).toBe(false);
    expect(() => synthCluster({ name: 'flip-test' }, fixture(ManagedNetworkIsolation.DISABLED))).toThrow(/nodePublicIp is not set/);
  });

  test('generated names follow the compute rule and never end in -<digits>', () => {
    const f = fixture();
    const a = f.workspace.addComputeCluster('GpuCluster-2', {});
    const b = new ComputeCluster(f.stack, 'A-very-long-construct-id-for-a-cluster', { workspace: f.workspace });
    const json = synthJson(f.stack);
    const names = Object.values<any>(json.resource.azurerm_machine_learning_compute_cluster).map(c => c.name);
    expect(names).toHaveLength(2);
    for (const name of names) {
      expect(name).toMatch(/^[a-zA-Z](?![a-zA-Z0-9-]*-\d+$)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/);
    }
    expect(a.node.path).toBe('Test/Ml/GpuCluster-2');
    expect(b.node.scope).toBe(f.stack);
    expectConformant(json);
  });

  test('workspace.addComputeCluster creates the cluster under the workspace', () => {
    const f = fixture();
    const cluster = f.workspace.addComputeCluster('Cpu', { name: 'cpu-cluster', maxNodes: 4 });
    expect(cluster).toBeInstanceOf(ComputeCluster);
    expect(cluster.node.scope).toBe(f.workspace);
    const json = synthJson(f.stack);
    const body = Object.values<any>(json.resource.azurerm_machine_learning_compute_cluster)[0];
    expect(body).toMatchObject({ name: 'cpu-cluster', machine_learning_workspace_id: WORKSPACE_ID });
    expect(body.scale_settings.max_node_count).toBe(4);
    expectConformant(json);
  });

  test('a workspace imported by ID alone works when location is given', () => {
    const stack = providerStack('Test');
    const ws = Workspace.fromWorkspaceId(stack, 'Ml', WORKSPACE_ID, 'northeurope');
    new ComputeCluster(stack, 'Cluster', { workspace: ws, name: 'by-id', subnetId: SUBNET_ID });
    const json = synthJson(stack);
    const body = Object.values<any>(json.resource.azurerm_machine_learning_compute_cluster)[0];
    expect(body).toMatchObject({ location: 'northeurope', node_public_ip_enabled: false });
    expectConformant(json);
  });

  test('on a workspace created in this app: managed network by default, and named as image-build compute', () => {
    const stack = providerStack('Test');
    const ws = new Workspace(stack, 'Ml', { resourceGroup: ResourceGroupRef.fromName('rg-ml', 'westeurope') });
    const cluster = ws.addComputeCluster('Build', { name: 'image-builder' });
    cluster.useAsImageBuildCompute();
    const json = synthJson(stack);
    expect(onlyWorkspace(json).body.properties.imageBuildCompute).toBe('image-builder');
    const body = Object.values<any>(json.resource.azurerm_machine_learning_compute_cluster)[0];
    expect(body).toMatchObject({
      name: 'image-builder',
      location: 'westeurope',
      node_public_ip_enabled: false,
      machine_learning_workspace_id: workspaceIdRef(json),
    });
    expectConformant(json);
  });

  test('an imported workspace cannot be given an image-build compute from here', () => {
    const f = fixture();
    const cluster = new ComputeCluster(f.stack, 'Cluster', { workspace: f.workspace, name: 'image-builder' });
    expect(() => cluster.useAsImageBuildCompute()).toThrow(
      /Test\/Cluster: the workspace 'Test\/Ml' is imported, so this app cannot set its image-build compute. Set image_build_compute_name to 'image-builder'/);
  });

  test('VmSize.of passes any Azure size name through', () => {
    const { json, cluster } = synthCluster({ name: 'h100', vmSize: VmSize.of('Standard_NC40ads_H100_v5') });
    expect(cluster.vm_size).toBe('Standard_NC40ads_H100_v5');
    expectConformant(json);
  });
});

describe('ComputeCluster: updates in place', () => {
  function clusterJson(options: ComputeClusterOptions): any {
    const f = fixture();
    new ComputeCluster(f.stack, 'Cluster', { workspace: f.workspace, name: 'train', ...options });
    return synthJson(f.stack);
  }

  test('changing min/max nodes, idle time, tags and identity changes no replace-forcing attribute', () => {
    const uai = UserAssignedIdentityRef.fromAttributes({ identityId: UAI_ID, principalId: 'p', key: 'training' });
    const before = clusterJson({ minNodes: 0, maxNodes: 2, idleTimeBeforeScaleDown: Duration.minutes(2), tags: { team: 'a' } });
    const after = clusterJson({
      minNodes: 1,
      maxNodes: 8,
      idleTimeBeforeScaleDown: Duration.minutes(30),
      tags: { team: 'b', cost: 'ml' },
      identity: ComputeIdentity.systemAndUserAssigned(uai),
    });
    // The changes did reach the configuration...
    const a = Object.values<any>(before.resource.azurerm_machine_learning_compute_cluster)[0];
    const b = Object.values<any>(after.resource.azurerm_machine_learning_compute_cluster)[0];
    expect(a.scale_settings).not.toEqual(b.scale_settings);
    expect(a.identity).not.toEqual(b.identity);
    expect(a.tags).not.toEqual(b.tags);
    // ...and none of them forces Terraform to replace anything.
    expect(describeReplacements(findReplacements(before, after))).toEqual([]);
    expectConformant(after);
  });

  test('changing the VM size is reported as a replacement (the comparison can fail)', () => {
    const before = clusterJson({});
    const after = clusterJson({ vmSize: VmSize.STANDARD_NC6S_V3 });
    const report = findReplacements(before, after);
    expect(report.replaced).toHaveLength(1);
    expect(report.replaced[0].attributes.map(c => c.path)).toEqual(['vm_size']);
  });
});

describe('ComputeCluster: bad input', () => {
  function make(options: ComputeClusterOptions, f: Fixture = fixture()): () => ComputeCluster {
    return () => new ComputeCluster(f.stack, 'Cluster', { workspace: f.workspace, ...options });
  }

  test('minNodes above maxNodes', () => {
    expect(make({ minNodes: 3, maxNodes: 2 })).toThrow(/Test\/Cluster: minNodes \(3\) is greater than maxNodes \(2\); minNodes must not exceed maxNodes/);
  });

  test('maxNodes below 1', () => {
    expect(make({ maxNodes: 0 })).toThrow(/Test\/Cluster: maxNodes is 0; it must be a whole number, 1 or more/);
  });

  test('negative minNodes', () => {
    expect(make({ minNodes: -1 })).toThrow(/minNodes is -1; it must be a whole number, 0 or more/);
  });

  test.each([
    [Duration.seconds(-30), '-PT30S'],
    [Duration.seconds(0), 'PT0S'],
    [Duration.days(400), 'P400D'],
    [Duration.days(8), 'P8D'],
  ])('idle time %s is refused with the bounds and the fix', (idle, iso) => {
    expect(make({ idleTimeBeforeScaleDown: idle })).toThrow(new RegExp(`Test/Cluster: idleTimeBeforeScaleDown is ${iso}; the library accepts `
      + 'whole seconds from 1 second \\(PT1S\\) to 7 days \\(P7D\\).*Use e.g. Duration.minutes\\(2\\)'));
  });

  test('idle times at the bounds are accepted', () => {
    for (const idle of [Duration.seconds(1), Duration.days(7)]) {
      const { json, cluster } = synthCluster({ idleTimeBeforeScaleDown: idle });
      expect(cluster.scale_settings.scale_down_nodes_after_idle_duration).toBe(idle.toIsoString());
      expectConformant(json);
    }
  });

  test('fractional idle time', () => {
    expect(make({ idleTimeBeforeScaleDown: Duration.seconds(1.5) })).toThrow(/idleTimeBeforeScaleDown is PT1.5S; the library accepts whole seconds/);
  });

  test.each([
    ['ab', 'too short'],
    ['1cluster', 'starts with a digit'],
    ['cluster_one', 'underscore'],
    ['a-cluster-name-longer-than-thirty-2', 'too long'],
    ['cluster-', 'ends with a hyphen'],
  ])('name %s is rejected (%s)', (name) => {
    expect(make({ name })).toThrow(new RegExp(`Test/Cluster: compute cluster name '${name}' is invalid: it must be 3-32 letters, digits and hyphens, `
      + 'starting with a letter and ending with a letter or digit'));
  });

  test.each(['CC-25082114', 'gpu-123', 'a-cluster-name-of-thirty-two-ch'])('name %s is accepted, as Azure does (azurerm acceptance tests name clusters CC-<number>)', (name) => {
    const { json, cluster } = synthCluster({ name });
    expect(cluster.name).toBe(name);
    expectConformant(json);
  });

  test('an SSH password given as a literal string', () => {
    expect(make({ ssh: { adminUsername: 'example-user', password: SecretValue.fromToken('example-password') } })).toThrow(
      /Test\/Cluster: SSH admin password: a plain string was given; secrets must not appear in code .*SecretValue.fromSensitiveVariable/);
  });

  test('an SSH password from a variable that is not sensitive', () => {
    const f = fixture();
    const v = new TerraformVariable(f.stack, 'pw', { type: 'string' });
    expect(make({ ssh: { adminUsername: 'example-user', password: SecretValue.fromSensitiveVariable(v) } }, f)).toThrow(
      /SSH admin password: the variable 'pw' is not sensitive/);
  });

  test('SSH without key or password', () => {
    expect(make({ ssh: { adminUsername: 'example-user' } })).toThrow(/ssh for admin 'example-user' has neither publicKey nor password/);
  });

  test('nodePublicIp false without subnet, workspace without managed network', () => {
    expect(make({ nodePublicIp: false }, fixture(ManagedNetworkIsolation.DISABLED))).toThrow(
      /Test\/Cluster: nodePublicIp is false, but the compute cluster has no subnetId and the workspace has no managed network \(isolation Disabled\).*Pass `subnetId`/);
  });

  test('nodePublicIp false without subnet, managed network unknown', () => {
    expect(make({ nodePublicIp: false }, fixture(null))).toThrow(
      /nodePublicIp is false, but the compute cluster has no subnetId and the managed network isolation of the workspace is unknown.*managedNetworkIsolation/);
  });

  test('no location known', () => {
    expect(make({}, fixture(ManagedNetworkIsolation.DISABLED, null))).toThrow(
      /Test\/Cluster: the compute cluster needs a location, and the workspace 'Test\/Ml' has no known location. Pass `location`/);
  });

  test('userAssigned with no identity', () => {
    expect(make({ identity: ComputeIdentity.userAssigned() })).toThrow(/ComputeIdentity.userAssigned\(\) was given no identity/);
  });

  test('a VM size that is not an Azure size name', () => {
    expect(make({ vmSize: VmSize.of('DS3 v2') })).toThrow(/vmSize 'DS3 v2' is invalid: Azure VM size names look like Standard_DS3_v2/);
  });
});

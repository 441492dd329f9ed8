// Changing a mutable Workspace prop must not move a replace-forcing attribute of a stateful resource;
// and the replacement helper (test/support/replacement.ts) itself finds what Terraform would replace.
import { ResourceGroupRef, StorageReplication, Workspace, WorkspaceContainerRegistry, WorkspaceProps } from '../src';
import { describeReplacements, findReplacements } from './support/replacement';
import { expectConformant, providerStack, synthJson } from './support/synth';

const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');

function synth(props: Partial<WorkspaceProps>): any {
  const stack = providerStack('test');
  new Workspace(stack, 'Ml', { resourceGroup: RG, ...props });
  const json = synthJson(stack);
  expectConformant(json);
  return json;
}

describe('findReplacements', () => {
  const base = {
    resource: {
      azurerm_storage_account: {
        sa: { name: 'st1', account_tier: 'Standard', account_replication_type: 'GZRS', account_kind: 'Storage', tags: { a: '1' } },
      },
      azurerm_machine_learning_workspace: {
        ws: { name: 'ws', high_business_impact: false, managed_network: { isolation_mode: 'Disabled', provision_on_creation_enabled: false } },
      },
      azurerm_resource_group: { rg: { name: 'rg' } },
    },
  };
  const change = (mutate: (doc: any) => void) => {
    const copy = JSON.parse(JSON.stringify(base));
    mutate(copy);
    return findReplacements(base, copy);
  };

  test('nothing changed, or only in-place attributes', () => {
    expect(change(() => undefined)).toEqual({ replaced: [], added: [], removed: [] });
    expect(change(d => {
      d.resource.azurerm_storage_account.sa.tags = { a: '2' };
      d.resource.azurerm_machine_learning_workspace.ws.managed_network.isolation_mode = 'AllowInternetOutbound';
      // In-family replication change and Storage -> StorageV2 are in place.
      d.resource.azurerm_storage_account.sa.account_replication_type = 'RAGZRS';
      d.resource.azurerm_storage_account.sa.account_kind = 'StorageV2';
    }).replaced).toEqual([]);
  });

  test('static ForceNew attributes, also nested and as one-element arrays', () => {
    const report = change(d => {
      d.resource.azurerm_machine_learning_workspace.ws.high_business_impact = true;
      d.resource.azurerm_machine_learning_workspace.ws.managed_network = [{ isolation_mode: 'Disabled', provision_on_creation_enabled: true }];
    });
    expect(report.replaced).toEqual([{
      address: 'azurerm_machine_learning_workspace.ws',
      attributes: [
        { path: 'managed_network.provision_on_creation_enabled', before: false, after: true },
        { path: 'high_business_impact', before: false, after: true },
      ],
    }]);
    expect(describeReplacements(report)).toEqual([
      'replace azurerm_machine_learning_workspace.ws: managed_network.provision_on_creation_enabled false -> true; high_business_impact false -> true',
    ]);
    // The same block written as a one-element array is no change.
    expect(change(d => {
      d.resource.azurerm_machine_learning_workspace.ws.managed_network = [{ isolation_mode: 'Disabled', provision_on_creation_enabled: false }];
    }).replaced).toEqual([]);
  });

  test('conditional ForceNew: replication family and account kind', () => {
    const report = change(d => {
      d.resource.azurerm_storage_account.sa.account_replication_type = 'LRS';
      d.resource.azurerm_storage_account.sa.account_kind = 'BlobStorage';
    });
    expect(report.replaced[0].attributes.map(a => a.path).sort()).toEqual(['account_kind', 'account_replication_type']);
  });

  test('resources that appear or disappear, of any type', () => {
    const report = change(d => {
      delete d.resource.azurerm_resource_group;
      d.resource.azurerm_storage_account.sa2 = { name: 'st2' };
    });
    expect(report.added).toEqual(['azurerm_storage_account.sa2']);
    expect(report.removed).toEqual(['azurerm_resource_group.rg']);
  });
});

describe('Workspace replacement safety', () => {
  test('changing tags, description, friendly name, public access and image-build compute replaces nothing', () => {
    const before = synth({
      tags: { env: 'dev' }, description: 'first', friendlyName: 'ML dev', publicNetworkAccessEnabled: true, imageBuildComputeName: 'builder',
    });
    const after = synth({
      tags: { env: 'prod', owner: 'ml-platform' },
      description: 'second',
      friendlyName: 'ML prod',
      publicNetworkAccessEnabled: false,
      privateEndpointsManagedElsewhere: true,
      imageBuildComputeName: 'image-builder',
    });
    // The change is real: the mutable attributes did move.
    const ws = (doc: any) => Object.values<any>(doc.resource.azurerm_machine_learning_workspace)[0];
    expect([ws(before).description, ws(after).description]).toEqual(['first', 'second']);
    expect([ws(before).public_network_access_enabled, ws(after).public_network_access_enabled]).toEqual([true, false]);
    expect(Object.values<any>(after.resource.azurerm_storage_account)[0].public_network_access_enabled).toBe(false);

    expect(describeReplacements(findReplacements(before, after))).toEqual([]);
  });

  test('the check notices replace-forcing changes: high business impact, storage replication family, a removed registry', () => {
    const before = synth({});
    const report = findReplacements(before, synth({ highBusinessImpact: true, storageReplication: StorageReplication.LRS }));
    expect(report.replaced.map(r => r.address.split('.')[0]).sort()).toEqual(['azurerm_machine_learning_workspace', 'azurerm_storage_account']);
    const noRegistry = findReplacements(before, synth({ containerRegistry: WorkspaceContainerRegistry.none() }));
    expect(noRegistry.removed).toEqual([expect.stringMatching(/^azurerm_container_registry\./)]);
    expect(noRegistry.replaced[0].attributes.map(a => a.path)).toEqual(['container_registry_id']);
  });
});

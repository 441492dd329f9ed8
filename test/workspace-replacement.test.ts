// Changing a mutable Workspace prop must not move a replace-forcing attribute of a stateful resource;
// and the replacement helper (test/support/replacement.ts) itself finds what Terraform would replace.
import { TerraformStack } from 'cdktf';
import {
  KeyVault, ManagedNetworkFirewallSku, ManagedNetworkIsolation, RemovalPolicy, ResourceGroupRef, StorageAccount, StorageReplication,
  Workspace, WorkspaceContainerRegistry, WorkspaceKind, WorkspaceProps,
} from '../src';
import { AZAPI_FORCE_NEW, describeReplacements, FORCE_NEW_ATTRIBUTES, findReplacements } from './support/replacement';
import { expectConformant, providerStack, synthJson } from './support/synth';
import { onlyWorkspace } from './support/workspace-l1';

const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers';
const STORAGE_ID = `${SUB}/Microsoft.Storage/storageAccounts/stshared`;
const VAULT_ID = `${SUB}/Microsoft.KeyVault/vaults/kv-shared`;
const CMK_VAULT_ID = `${SUB}/Microsoft.KeyVault/vaults/kv-cmk`;
const KEY_ID = 'https://kv-cmk.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef';

function synth(props: Partial<WorkspaceProps>, setup?: (stack: TerraformStack) => Partial<WorkspaceProps>): any {
  const stack = providerStack('test');
  new Workspace(stack, 'Ml', { resourceGroup: RG, ...props, ...(setup ? setup(stack) : {}) });
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
  test('changing tags, description, friendly name, public access, image-build compute, identity mode or firewall SKU replaces nothing', () => {
    const before = synth({
      tags: { env: 'dev' },
      description: 'first',
      friendlyName: 'ML dev',
      publicNetworkAccessEnabled: true,
      imageBuildComputeName: 'builder',
      managedNetwork: { isolationMode: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND, firewallSku: ManagedNetworkFirewallSku.STANDARD },
    });
    const after = synth({
      tags: { env: 'prod', owner: 'ml-platform' },
      description: 'second',
      friendlyName: 'ML prod',
      publicNetworkAccessEnabled: false,
      privateEndpointsManagedElsewhere: true,
      imageBuildComputeName: 'image-builder',
      identityBasedSystemDatastores: false,
      managedNetwork: { isolationMode: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND, firewallSku: ManagedNetworkFirewallSku.BASIC },
    });
    // The change is real: the mutable attributes did move.
    const ws = (doc: any) => onlyWorkspace(doc);
    const props = (doc: any) => ws(doc).body.properties;
    expect([ws(before).tags.env, ws(after).tags.env]).toEqual(['dev', 'prod']);
    expect([props(before).description, props(after).description]).toEqual(['first', 'second']);
    expect([props(before).friendlyName, props(after).friendlyName]).toEqual(['ML dev', 'ML prod']);
    expect([props(before).publicNetworkAccess, props(after).publicNetworkAccess]).toEqual(['Enabled', 'Disabled']);
    expect([props(before).imageBuildCompute, props(after).imageBuildCompute]).toEqual(['builder', 'image-builder']);
    expect([props(before).systemDatastoresAuthMode, props(after).systemDatastoresAuthMode]).toEqual(['Identity', 'AccessKey']);
    expect([props(before).managedNetwork.firewallSku, props(after).managedNetwork.firewallSku]).toEqual(['Standard', 'Basic']);
    expect(Object.values<any>(after.resource.azurerm_storage_account)[0].public_network_access_enabled).toBe(false);

    expect(describeReplacements(findReplacements(before, after, { ...FORCE_NEW_ATTRIBUTES, ...AZAPI_FORCE_NEW }))).toEqual([]);
  });

  test('the check notices replace-forcing changes: high business impact, storage replication family, a removed registry', () => {
    const before = synth({});
    const report = findReplacements(before, synth({ highBusinessImpact: true, storageReplication: StorageReplication.LRS }));
    expect(report.replaced.map(r => r.address.split('.')[0]).sort()).toEqual(['azapi_resource', 'azurerm_storage_account']);
    expect(report.replaced.find(r => r.address.startsWith('azapi_resource.'))!.attributes.map(a => a.path)).toEqual(['body.properties.hbiWorkspace']);
    const noRegistry = findReplacements(before, synth({ containerRegistry: WorkspaceContainerRegistry.none() }));
    expect(noRegistry.removed).toEqual([expect.stringMatching(/^azurerm_container_registry\./)]);
    expect(noRegistry.replaced[0].attributes.map(a => a.path)).toEqual(['body.properties.containerRegistry']);
  });

  test('the workspace body plans replacement exactly where azurerm did (ForceNew): encryption, storage, key vault, kind', () => {
    const withKey = synth({}, stack => ({
      encryption: { keyVault: KeyVault.fromKeyVaultAttributes(stack, 'Cmk', { keyVaultId: CMK_VAULT_ID, purgeProtectionEnabled: true }), keyId: KEY_ID },
    }));
    const plain = synth({});
    const paths = findReplacements(plain, withKey).replaced.find(r => r.address.startsWith('azapi_resource.'))!.attributes.map(a => a.path);
    expect(paths).toEqual(['body.properties.encryption', 'body.properties.enableServiceSideCMKEncryption']);
    const byo = findReplacements(plain, synth({}, stack => ({
      storageAccount: StorageAccount.fromStorageAccountId(stack, 'S', STORAGE_ID),
      keyVault: KeyVault.fromKeyVaultId(stack, 'K', VAULT_ID),
    }))).replaced.find(r => r.address.startsWith('azapi_resource.'))!.attributes.map(a => a.path);
    expect(byo).toEqual(['body.properties.storageAccount', 'body.properties.keyVault']);
    const featureStore = findReplacements(plain, synth({ kind: WorkspaceKind.FEATURE_STORE, featureStore: {} }))
      .replaced.find(r => r.address.startsWith('azapi_resource.'))!.attributes.map(a => a.path);
    expect(featureStore).toEqual(['body.kind']);
  });

  test('RemovalPolicy.RETAIN keeps prevent_destroy on the workspace azapi_resource, so a planned replacement stops', () => {
    expect(onlyWorkspace(synth({})).lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyWorkspace(synth({ removalPolicy: RemovalPolicy.DESTROY })).lifecycle).toBeUndefined();
  });
});

// Issue 12 items 4-6 and 9: values that used to reach Azure unchecked are refused at synth with the fix.
import { KeyVault as AzurermKeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { Construct } from 'constructs';
import {
  ApplicationInsights, ComputeInstance, ContainerRegistry, Environment, EnvironmentImage, KeyVault, ManagedNetworkIsolation, Principal,
  ResourceGroupRef, StorageAccount, UserAssignedIdentityRef, Workspace, WorkspaceContainerRegistry, WorkspaceIdentity,
} from '../src';
import { expectConformant, providerStack, synthJson, warningsOf } from './support/synth';
import { onlyWorkspace } from './support/workspace-l1';

const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');
const SUB = '00000000-0000-0000-0000-000000000000';
const ACCOUNT_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/stdata`;
const WORKSPACE_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw`;

describe('network rules: one checker for storage, key vault and registry', () => {
  const builders: Array<[string, (s: Construct, ipRules: string[]) => void]> = [
    ['storage account', (s, ipRules) => new StorageAccount(s, 'X', { resourceGroup: RG, publicNetworkAccessEnabled: true, ipRules })],
    ['key vault', (s, ipRules) => new KeyVault(s, 'X', { resourceGroup: RG, publicNetworkAccessEnabled: true, ipRules })],
    ['container registry', (s, ipRules) => new ContainerRegistry(s, 'X', { resourceGroup: RG, publicNetworkAccessEnabled: true, ipRules })],
  ];
  test.each(builders)('%s refuses 0.0.0.0/0, 300.1.1.1 and names, with the fix', (what, build) => {
    expect(() => build(providerStack(), ['0.0.0.0/0'])).toThrow(new RegExp(`platform/X: ${what} ipRules entry '0.0.0.0/0' is invalid: it allows the whole internet.*Give the public ranges of your own networks`));
    expect(() => build(providerStack(), ['300.1.1.1'])).toThrow(/'300.1.1.1' is invalid: it is not an IPv4 address or CIDR range/);
    expect(() => build(providerStack(), ['office'])).toThrow(/'office' is invalid: it is not an IPv4 address/);
    expect(() => build(providerStack(), ['10.0.0.0/8'])).toThrow(/private \(RFC 1918\).*virtualNetworkSubnetIds/);
    const s = providerStack();
    build(s, ['203.0.113.0/24']);
    expectConformant(synthJson(s));
  });

  test('subnet IDs given as names are refused', () => {
    expect(() => new StorageAccount(providerStack(), 'X', { resourceGroup: RG, publicNetworkAccessEnabled: true, virtualNetworkSubnetIds: ['training'] }))
      .toThrow(/virtualNetworkSubnetIds entry 'training' is not a subnet ID: Azure needs the full ARM ID/);
    const ws = Workspace.fromWorkspaceAttributes(providerStack(), 'Ws', { workspaceId: WORKSPACE_ID, location: 'westeurope', managedNetworkIsolation: ManagedNetworkIsolation.DISABLED });
    expect(() => new ComputeInstance(ws, 'Box', { workspace: ws, name: 'box-one', subnetId: 'training' })).toThrow(/subnetId 'training' is not a subnet ID/);
  });
});

describe('regions, tags and GUIDs', () => {
  test('a misspelt or malformed region gets "did you mean"; an empty one is blamed on location, not the resource group', () => {
    expect(() => new StorageAccount(providerStack(), 'X', { resourceGroup: RG, location: 'westeurop' }))
      .toThrow(/platform\/X: location 'westeurop' is not an Azure region name; did you mean 'westeurope'\?/);
    expect(() => new KeyVault(providerStack(), 'X', { resourceGroup: RG, location: 'west-europe' }))
      .toThrow(/location 'west-europe' is not an Azure region name; did you mean 'westeurope'\?/);
    expect(() => new Workspace(providerStack(), 'X', { resourceGroup: RG, location: '' })).toThrow(/platform\/X: location is empty \(''\)/);
    expect(() => new StorageAccount(providerStack(), 'X', { resourceGroup: ResourceGroupRef.fromName('rg', 'westeurop') }))
      .toThrow(/the location of resource group 'rg' 'westeurop' is not an Azure region name; did you mean 'westeurope'/);
    const s = providerStack();
    new StorageAccount(s, 'Display', { resourceGroup: RG, location: 'West Europe' });
    expectConformant(synthJson(s));
  });

  test('tag rules: count, name characters and lengths, empty names', () => {
    const many: { [k: string]: string } = {};
    for (let i = 0; i < 51; i++) many[`t${i}`] = 'v';
    expect(() => new KeyVault(providerStack(), 'X', { resourceGroup: RG, tags: many })).toThrow(/51 tags were given; Azure allows at most 50/);
    expect(() => new KeyVault(providerStack(), 'X', { resourceGroup: RG, tags: { 'cost/center': 'x' } })).toThrow(/tag name 'cost\/center' is invalid: it contains one of/);
    expect(() => new KeyVault(providerStack(), 'X', { resourceGroup: RG, tags: { '': 'x' } })).toThrow(/tag name '' is invalid: it is empty/);
    expect(() => new KeyVault(providerStack(), 'X', { resourceGroup: RG, tags: { owner: 'x'.repeat(257) } })).toThrow(/tag 'owner' has a value of 257 characters/);
    expect(() => new StorageAccount(providerStack(), 'X', { resourceGroup: RG, tags: { ['n'.repeat(129)]: 'x' } })).toThrow(/at most 128/);
  });

  test("object IDs that are not GUIDs, like the README's placeholder, are refused at the grant", () => {
    const s = providerStack();
    const storage = StorageAccount.fromStorageAccountId(s, 'Data', ACCOUNT_ID);
    expect(() => storage.grantBlobDataReader(Principal.group('<object id of the data-science group>')))
      .toThrow(/platform\/Data: the object ID of grantee '<object id of the data-science group>' '<object id of the data-science group>' is not a GUID/);
    expect(() => new KeyVault(providerStack(), 'X', { resourceGroup: RG, tenantId: 'contoso.onmicrosoft.com' })).toThrow(/tenantId 'contoso.onmicrosoft.com' is not a GUID/);
  });
});

describe('imported resources and customer-managed keys', () => {
  test('an azurerm key vault without purge_protection_enabled is judged with the provider default (off)', () => {
    const s = providerStack();
    const l1 = new AzurermKeyVault(s, 'Kv', { name: 'kv-cmk', location: 'westeurope', resourceGroupName: 'rg-ml', tenantId: SUB, skuName: 'premium' });
    const kv = KeyVault.fromResource(s, 'Imported', l1);
    expect(kv.purgeProtectionEnabled).toBe(false);
    const uai = UserAssignedIdentityRef.fromAttributes({ identityId: `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id`, principalId: '11111111-1111-1111-1111-111111111111', key: 'ws' });
    expect(() => new Workspace(s, 'Ws', {
      resourceGroup: RG,
      publicNetworkAccessEnabled: true,
      identity: WorkspaceIdentity.userAssigned(uai),
      encryption: { keyVault: kv, keyId: 'https://kv-cmk.vault.azure.net/keys/cmk/0123456789abcdef' },
    })).toThrow(/has purge protection disabled; Azure ML requires it for CMK encryption/);
  });

  test('a customer-managed key with the system-assigned identity warns with the exact grant', () => {
    const s = providerStack();
    const kv = KeyVault.fromKeyVaultAttributes(s, 'Cmk', { keyVaultId: `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.KeyVault/vaults/kv-cmk`, purgeProtectionEnabled: true });
    const ws = new Workspace(s, 'Ws', { resourceGroup: RG, publicNetworkAccessEnabled: true, encryption: { keyVault: kv, keyId: 'https://kv-cmk.vault.azure.net/keys/cmk/0123456789abcdef' } });
    synthJson(s);
    expect(warningsOf(ws).join('\n')).toMatch(/\[AZML-WS-CMK-001\].*role 'Key Vault Crypto Service Encryption User' \(role definition e147488a-f6f5-4113-8e2d-b22465e65bf6\) on the key vault 'platform\/Cmk'/);
  });
});

describe('asset rules true to the ARM types', () => {
  test('an official Azure ML environment version longer than 30 characters is accepted', () => {
    const s = providerStack();
    const ws = Workspace.fromWorkspaceAttributes(s, 'Ws', { workspaceId: WORKSPACE_ID, location: 'westeurope' });
    new Environment(s, 'Env', { workspace: ws, name: 'openmpi', version: 'openmpi4.1.0-cuda11.1-cudnn8-ubuntu18.04', image: EnvironmentImage.fromUri('mcr.microsoft.com/azureml/openmpi4.1.0-cuda11.1-cudnn8-ubuntu18.04:latest') });
    const json = synthJson(s);
    expect(JSON.stringify(json)).toContain('"name":"openmpi4.1.0-cuda11.1-cudnn8-ubuntu18.04"');
    expectConformant(json);
  });
});

describe('resource IDs are normalised (azurerm parses namespace and type segments case-sensitively)', () => {
  test('Microsoft.insights/Components becomes Microsoft.Insights/components in the synthesized workspace', () => {
    const s = providerStack();
    const rg = `/SUBSCRIPTIONS/${SUB}/resourcegroups/rg-ml`;
    const insights = ApplicationInsights.fromApplicationInsightsId(s, 'Ai', `${rg}/providers/Microsoft.insights/Components/appi-ml`);
    const vault = KeyVault.fromKeyVaultId(s, 'Kv', `${rg}/providers/microsoft.keyvault/Vaults/kv-ml`);
    const storage = StorageAccount.fromStorageAccountId(s, 'St', `${rg}/providers/Microsoft.storage/StorageAccounts/stml`);
    new Workspace(s, 'Ws', { resourceGroup: RG, publicNetworkAccessEnabled: true, applicationInsights: insights, keyVault: vault, storageAccount: storage, containerRegistry: WorkspaceContainerRegistry.none() });
    const json = synthJson(s);
    const ws: any = onlyWorkspace(json).body.properties;
    expect(ws.applicationInsights).toBe(`/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.Insights/components/appi-ml`);
    expect(ws.keyVault).toBe(`/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.KeyVault/vaults/kv-ml`);
    expect(ws.storageAccount).toBe(`/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/stml`);
    expectConformant(json);
  });
});

// Customer-managed keys on StorageAccount and ContainerRegistry, and on the storage account and registry a
// workspace or hub creates (issue 10 step 6): identity blocks, key blocks, the key grant and its ordering.
import { Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import {
  AzureMlSecurityChecks, CheckLevel, ContainerRegistry, ContainerRegistrySku, CustomerManagedKey, Hub, IUserAssignedIdentity,
  KeyVault, ResourceGroupRef, StorageAccount, UserAssignedIdentityRef, Warnings, Workspace, WorkspaceContainerRegistry,
  WorkspaceIdentity, WorkspaceProps,
} from '../src';
import { failingChecks } from './support/security-checks';
import { expectConformant, ofType, only, providerStack, synthJson, warningsOf } from './support/synth';
import { acknowledgementOf } from '../src/core/warnings';

const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-sec/providers';
const VAULT_ID = `${SUB}/Microsoft.KeyVault/vaults/kv-cmk`;
const UAI_ID = `${SUB}/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk`;
const UAI_PRINCIPAL = 'aaaaaaaa-1111-2222-3333-444444444444';
const UAI_CLIENT = 'cccccccc-1111-2222-3333-444444444444';
const VERSIONLESS = 'https://kv-cmk.vault.azure.net/keys/cmk';
const VERSIONED = 'https://kv-cmk.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef';
const CRYPTO_ROLE = 'Key Vault Crypto Service Encryption User';

function identity(withClientId = true): IUserAssignedIdentity {
  return UserAssignedIdentityRef.fromAttributes({ identityId: UAI_ID, principalId: UAI_PRINCIPAL, clientId: withClientId ? UAI_CLIENT : undefined, key: 'cmk-id' });
}

function vault(stack: TerraformStack, purgeProtectionEnabled: boolean | undefined = true, id = 'CmkVault') {
  return KeyVault.fromKeyVaultAttributes(stack, id, { keyVaultId: VAULT_ID, purgeProtectionEnabled });
}

/** A key in a new vault construct `vaultId` (one per call: construct IDs are unique). */
function cmk(stack: TerraformStack, extra: Partial<CustomerManagedKey> = {}, vaultId = 'CmkVault'): CustomerManagedKey {
  return { keyVault: extra.keyVault ?? vault(stack, true, vaultId), keyId: VERSIONLESS, identity: identity(), ...extra };
}

/** The role assignments of a synthesized stack, with their addresses. */
function grants(json: any): { address: string; value: any }[] {
  return Object.entries(ofType(json, 'azurerm_role_assignment')).map(([name, value]) => ({ address: `azurerm_role_assignment.${name}`, value }));
}

function cryptoGrants(json: any) {
  return grants(json).filter(g => g.value.role_definition_name === CRYPTO_ROLE);
}

describe('StorageAccount customerManagedKey', () => {
  const stack = providerStack('st');
  const account = new StorageAccount(stack, 'Storage', { resourceGroup: RG, customerManagedKey: cmk(stack) });
  const json = synthJson(stack);
  const sa = only(json, 'azurerm_storage_account');

  test('a user-assigned identity and the key block', () => {
    expect(sa.identity).toEqual({ type: 'UserAssigned', identity_ids: [UAI_ID] });
    expect(sa.customer_managed_key).toEqual({ key_vault_key_id: VERSIONLESS, user_assigned_identity_id: UAI_ID });
    expectConformant(json);
  });

  test('the identity gets Key Vault Crypto Service Encryption User on the vault, and the account is created after it', () => {
    const keyGrants = cryptoGrants(json);
    expect(keyGrants).toHaveLength(1);
    expect(keyGrants[0].value).toMatchObject({ scope: VAULT_ID, principal_id: UAI_PRINCIPAL, principal_type: 'ServicePrincipal', skip_service_principal_aad_check: true });
    expect(sa.depends_on).toEqual([keyGrants[0].address]);
  });

  test('the CMK checks pass and the library no longer records the CMK exception', () => {
    const failing = failingChecks('azurerm_storage_account', sa);
    expect(failing).not.toContain('CKV2_AZURE_1');
    expect(failing).not.toContain('AZPOL-6fac406b-40ca-413b-bf8e-0bf964659c25');
    expect(acknowledgementOf(account.resource, 'AZML-SEC-029')).toBeUndefined();
  });

  test('without a key the account keeps Microsoft-managed keys and the documented exception', () => {
    const s = providerStack('plain');
    const plainAccount = new StorageAccount(s, 'Storage', { resourceGroup: RG });
    const plain = only(synthJson(s), 'azurerm_storage_account');
    expect(plain.customer_managed_key).toBeUndefined();
    expect(plain.identity).toBeUndefined();
    expect(failingChecks('azurerm_storage_account', plain)).toContain('CKV2_AZURE_1');
    expect(acknowledgementOf(plainAccount.resource, 'AZML-SEC-029')).toMatch(/customer-managed keys are opt-in/);
  });

  test('a versioned key, a Terraform reference, and grantKeyAccess: false (no grant, no ordering)', () => {
    const s = providerStack('ref');
    const a = new StorageAccount(s, 'A', { resourceGroup: RG, customerManagedKey: cmk(s, { keyId: VERSIONED }, 'VaultA') });
    const keyRef = new TerraformVariable(s, 'key', { type: 'string' }).stringValue;
    const b = new StorageAccount(s, 'B', { resourceGroup: RG, customerManagedKey: cmk(s, { keyId: keyRef }, 'VaultB') });
    const c = new StorageAccount(s, 'C', { resourceGroup: RG, customerManagedKey: cmk(s, { grantKeyAccess: false }, 'VaultC') });
    const j = synthJson(s);
    const accounts = ofType(j, 'azurerm_storage_account');
    const byPath = (acct: StorageAccount) => accounts[(acct.resource as any).friendlyUniqueId];
    expect(byPath(a).customer_managed_key.key_vault_key_id).toBe(VERSIONED);
    expect(byPath(b).customer_managed_key.key_vault_key_id).toBe('${var.key}');
    expect(byPath(c).customer_managed_key.key_vault_key_id).toBe(VERSIONLESS);
    expect(byPath(c).depends_on).toBeUndefined();
    // Two grants: one per vault construct granted through (A's and B's); C grants nothing.
    expect(cryptoGrants(j)).toHaveLength(2);
    expectConformant(j);
  });

  test('bad input: a vault without purge protection, a key ID that is not a key URI, no identity', () => {
    const s = providerStack('bad');
    expect(() => new StorageAccount(s, 'NoPurge', { resourceGroup: RG, customerManagedKey: cmk(s, { keyVault: vault(s, false) }) }))
      .toThrow(/bad\/NoPurge: key vault 'bad\/CmkVault' has purge protection disabled, but it holds the customer-managed key of this storage account.*Enable purge protection/);
    expect(() => new StorageAccount(s, 'BadKey', { resourceGroup: RG, customerManagedKey: cmk(s, { keyId: `${SUB}/Microsoft.KeyVault/vaults/kv-cmk/keys/cmk` }, 'V2') }))
      .toThrow(/customer-managed key ID of the storage account '\/subscriptions\/.*' is invalid: it must be a key URI, https:\/\/<vault>.vault.azure.net\/keys\/<name>.*versionless_id/);
    expect(() => new StorageAccount(s, 'NoId', { resourceGroup: RG, customerManagedKey: cmk(s, { identity: undefined as any }, 'V3') }))
      .toThrow(/bad\/NoId: the storage account's customerManagedKey has no identity/);
  });
});

describe('ContainerRegistry customerManagedKey', () => {
  const stack = providerStack('acr');
  new ContainerRegistry(stack, 'Registry', { resourceGroup: RG, customerManagedKey: cmk(stack) });
  const json = synthJson(stack);
  const acr = only(json, 'azurerm_container_registry');

  test('a user-assigned identity and the encryption block with its client ID', () => {
    expect(acr.identity).toEqual({ type: 'UserAssigned', identity_ids: [UAI_ID] });
    expect(acr.encryption).toEqual([{ key_vault_key_id: VERSIONLESS, identity_client_id: UAI_CLIENT }]);
    expect(acr.sku).toBe('Premium');
    expectConformant(json);
  });

  test('the key grant comes first; the CMK check passes', () => {
    const keyGrants = cryptoGrants(json);
    expect(keyGrants).toHaveLength(1);
    expect(keyGrants[0].value).toMatchObject({ scope: VAULT_ID, principal_id: UAI_PRINCIPAL });
    expect(acr.depends_on).toEqual([keyGrants[0].address]);
    expect(failingChecks('azurerm_container_registry', acr)).not.toContain('AZPOL-5b9159ae-1701-4a6f-9a7a-aa9c8ddd0580');
    expect(acr['//']?.acknowledged?.['AZML-SEC-061']).toBeUndefined();
  });

  test('a key in a vault closed to public networks warns (AZML-ACR-CMK-001); an imported vault of unknown state does not', () => {
    expect(warningsOf(stack.node.findChild('Registry'))).toEqual([]);
    const s = providerStack('closed');
    const closed = new KeyVault(s, 'Vault', { resourceGroup: RG });
    const registry = new ContainerRegistry(s, 'Registry', { resourceGroup: RG, customerManagedKey: cmk(s, { keyVault: closed }) });
    const acknowledged = new ContainerRegistry(s, 'Reviewed', { resourceGroup: RG, customerManagedKey: cmk(s, { keyVault: closed }) });
    Warnings.of(acknowledged).acknowledge('AZML-ACR-CMK-001', 'the vault admits the registry subnet');
    expect(warningsOf(registry).join('\n')).toMatch(/\[AZML-ACR-CMK-001\].*key vault 'closed\/Vault', which refuses public networks.*system-assigned identity/);
    expect(warningsOf(acknowledged)).toEqual([]);
    expectConformant(synthJson(s));
  });

  test('bad input: a non-Premium registry, an identity without client ID, a vault without purge protection', () => {
    const s = providerStack('bad');
    expect(() => new ContainerRegistry(s, 'Basic', {
      resourceGroup: RG, sku: ContainerRegistrySku.BASIC, publicNetworkAccessEnabled: true, customerManagedKey: cmk(s, {}, 'V1'),
    })).toThrow(/bad\/Basic: container registry sku 'Basic' does not support a customer-managed key; CMK encryption needs ContainerRegistrySku.PREMIUM/);
    expect(() => new ContainerRegistry(s, 'NoClient', {
      resourceGroup: RG, customerManagedKey: cmk(s, { identity: identity(false) }, 'V2'),
    })).toThrow(/bad\/NoClient: the customer-managed key identity 'cmk-id' has no client ID.*clientId/);
    expect(() => new ContainerRegistry(s, 'NoPurge', {
      resourceGroup: RG, customerManagedKey: cmk(s, { keyVault: vault(s, false, 'V3') }),
    })).toThrow(/key vault 'bad\/V3' has purge protection disabled, but it holds the customer-managed key of this container registry/);
  });
});

describe('workspace encryption covers the storage account and registry it creates', () => {
  function build(props: (s: TerraformStack) => Partial<WorkspaceProps>, id = 'ws') {
    const stack = providerStack(id);
    const ws = new Workspace(stack, 'Ml', { resourceGroup: RG, publicNetworkAccessEnabled: true, ...props(stack) });
    return { stack, ws };
  }

  test('with a user-assigned workspace identity: same key and identity, one grant ordered before both', () => {
    const { stack } = build(s => ({ identity: WorkspaceIdentity.userAssigned(identity()), encryption: { keyVault: vault(s), keyId: VERSIONED } }));
    const json = synthJson(stack);
    const sa = only(json, 'azurerm_storage_account');
    const acr = only(json, 'azurerm_container_registry');
    expect(sa.identity).toEqual({ type: 'UserAssigned', identity_ids: [UAI_ID] });
    expect(sa.customer_managed_key).toEqual({ key_vault_key_id: VERSIONED, user_assigned_identity_id: UAI_ID });
    expect(acr.identity).toEqual({ type: 'UserAssigned', identity_ids: [UAI_ID] });
    expect(acr.encryption).toEqual([{ key_vault_key_id: VERSIONED, identity_client_id: UAI_CLIENT }]);
    // The workspace's key grant and the dependents' are one role assignment.
    const keyGrants = cryptoGrants(json);
    expect(keyGrants).toHaveLength(1);
    expect(keyGrants[0].value).toMatchObject({ scope: VAULT_ID, principal_id: UAI_PRINCIPAL });
    expect(sa.depends_on).toContain(keyGrants[0].address);
    expect(acr.depends_on).toContain(keyGrants[0].address);
    // The workspace's own role assignments on the storage account are ordered after the key grant too (same construct).
    expect(failingChecks('azurerm_storage_account', sa)).not.toContain('CKV2_AZURE_1');
    expect(failingChecks('azurerm_container_registry', acr)).not.toContain('AZPOL-5b9159ae-1701-4a6f-9a7a-aa9c8ddd0580');
    expectConformant(json);
  });

  test('with encryption.userAssignedIdentity on a system-assigned workspace: that identity encrypts them', () => {
    const { stack, ws } = build(s => ({ encryption: { keyVault: vault(s), keyId: VERSIONED, userAssignedIdentity: identity() } }));
    const json = synthJson(stack);
    expect(only(json, 'azurerm_storage_account').customer_managed_key.user_assigned_identity_id).toBe(UAI_ID);
    expect(only(json, 'azurerm_container_registry').encryption[0].identity_client_id).toBe(UAI_CLIENT);
    expect(warningsOf(ws).join('\n')).not.toMatch(/AZML-WS-CMK-00/);
    expectConformant(json);
  });

  test('with the system-assigned identity: Microsoft-managed keys and warning AZML-WS-CMK-002; true is an error; false is quiet', () => {
    const { stack, ws } = build(s => ({ encryption: { keyVault: vault(s), keyId: VERSIONED } }));
    const json = synthJson(stack);
    expect(only(json, 'azurerm_storage_account').customer_managed_key).toBeUndefined();
    expect(only(json, 'azurerm_container_registry').encryption).toBeUndefined();
    expect(warningsOf(ws).join('\n')).toMatch(/\[AZML-WS-CMK-002\] the storage account and container registry the workspace creates must exist before the workspace.*stay encrypted with Microsoft-managed keys.*encryption.userAssignedIdentity.*encryption.dependentResources: false/);
    expectConformant(json);

    expect(() => build(s => ({ encryption: { keyVault: vault(s), keyId: VERSIONED, dependentResources: true } }), 'strict'))
      .toThrow(/strict\/Ml: encryption.dependentResources is true but the key is used through the workspace's system-assigned identity.*Pass encryption.userAssignedIdentity/);

    const quiet = build(s => ({ encryption: { keyVault: vault(s), keyId: VERSIONED, dependentResources: false } }), 'quiet');
    expect(warningsOf(quiet.ws).join('\n')).not.toMatch(/AZML-WS-CMK-002/);
  });

  test('dependentResources: false keeps a user-assigned workspace\'s storage and registry on Microsoft-managed keys', () => {
    const { stack } = build(s => ({
      identity: WorkspaceIdentity.userAssigned(identity()), encryption: { keyVault: vault(s), keyId: VERSIONED, dependentResources: false },
    }));
    const json = synthJson(stack);
    expect(only(json, 'azurerm_storage_account').customer_managed_key).toBeUndefined();
    expect(only(json, 'azurerm_container_registry').encryption).toBeUndefined();
    // The workspace itself still gets its key grant.
    expect(cryptoGrants(json)).toHaveLength(1);
  });

  test('brought dependencies keep their own settings; a created registry is still covered', () => {
    const { stack } = build(s => ({
      identity: WorkspaceIdentity.userAssigned(identity()),
      encryption: { keyVault: vault(s), keyId: VERSIONED },
      storageAccount: StorageAccount.fromStorageAccountId(s, 'Byo', `${SUB}/Microsoft.Storage/storageAccounts/stbyo`),
    }));
    const json = synthJson(stack);
    expect(ofType(json, 'azurerm_storage_account')).toEqual({});
    expect(only(json, 'azurerm_container_registry').encryption).toHaveLength(1);
    expectConformant(json);
  });

  test('a key identity without client ID cannot encrypt the registry the workspace creates: an error naming both fixes', () => {
    expect(() => build(s => ({
      identity: WorkspaceIdentity.userAssigned(identity(false)), encryption: { keyVault: vault(s), keyId: VERSIONED },
    }), 'noclient')).toThrow(/noclient\/Ml: the key identity 'cmk-id' has no client ID, which the container registry the workspace creates needs.*clientId.*dependentResources: false/);
    const { stack } = build(s => ({
      identity: WorkspaceIdentity.userAssigned(identity(false)),
      encryption: { keyVault: vault(s), keyId: VERSIONED },
      containerRegistry: WorkspaceContainerRegistry.none(),
    }), 'storageonly');
    expect(only(synthJson(stack), 'azurerm_storage_account').customer_managed_key.user_assigned_identity_id).toBe(UAI_ID);
  });

  test('the workspace key vault check applies before anything is created', () => {
    expect(() => build(s => ({
      identity: WorkspaceIdentity.userAssigned(identity()),
      encryption: { keyVault: vault(s, false), keyId: VERSIONED },
      containerRegistry: WorkspaceContainerRegistry.none(),
    }), 'nopurge')).toThrow(/nopurge\/Ml: customer-managed key vault 'nopurge\/CmkVault' has purge protection disabled/);
  });

  test('the security checks aspect finds no CMK gap on the created storage and registry (AZML-SEC-029/061 pass unsuppressed)', () => {
    const findings = (cmkOn: boolean) => {
      const { stack, ws } = build(s => ({
        identity: WorkspaceIdentity.userAssigned(identity()),
        encryption: { keyVault: vault(s), keyId: VERSIONED, dependentResources: cmkOn },
      }), cmkOn ? 'on' : 'off');
      Aspects.of(stack).add(new AzureMlSecurityChecks({ level: CheckLevel.WARNING }));
      synthJson(stack);
      const all = ws.node.findAll().flatMap(c => c.node.metadata.map(m => String(m.data)));
      const storage = ws.storageAccount as StorageAccount;
      const registry = ws.containerRegistry as ContainerRegistry;
      // The aspect ran and reports findings here (the public workspace has some): the filter below can see them.
      expect(all.some(m => m.startsWith('[AZML-SEC-'))).toBe(true);
      return {
        messages: all.filter(m => /^\[AZML-SEC-0(29|61)\]/.test(m)),
        storageAck: acknowledgementOf(storage.resource, 'AZML-SEC-029'),
        registryAck: acknowledgementOf(registry.resource, 'AZML-SEC-061'),
      };
    };
    const on = findings(true);
    expect(on).toEqual({ messages: [], storageAck: undefined, registryAck: undefined });
    // Without the key the library records its documented exceptions instead (so there is no finding either).
    const off = findings(false);
    expect(off.messages).toEqual([]);
    expect(off.storageAck).toMatch(/customer-managed keys are opt-in/);
    expect(off.registryAck).toMatch(/customer-managed keys are opt-in/);
  });

  test('a hub encrypts the storage account and registry it creates the same way', () => {
    const stack = providerStack('hub');
    new Hub(stack, 'AiHub', {
      resourceGroup: RG,
      publicNetworkAccessEnabled: true,
      identity: WorkspaceIdentity.userAssigned(identity()),
      encryption: { keyVault: vault(stack), keyId: VERSIONED },
    });
    const json = synthJson(stack);
    const keyGrant = cryptoGrants(json);
    expect(keyGrant).toHaveLength(1);
    expect(only(json, 'azurerm_storage_account').customer_managed_key).toEqual({ key_vault_key_id: VERSIONED, user_assigned_identity_id: UAI_ID });
    expect(only(json, 'azurerm_container_registry').depends_on).toContain(keyGrant[0].address);
    expectConformant(json);
  });
});

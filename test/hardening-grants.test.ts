// Issue 12 item 2: role assignments are keyed on (resource, role, principal); grantee keys never collide
// silently, and two different principals with the same key are an error.
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  ComputeCluster, ManagedNetworkIsolation, Principal, StorageAccount, UserAssignedIdentityRef, Workspace,
} from '../src';
import { expectConformant, ofType, providerStack, synthJson } from './support/synth';

const SUB = '00000000-0000-0000-0000-000000000000';
const ACCOUNT_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/stdata`;
const wsId = (name: string) => `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/${name}`;

/** The role assignments of a synthesized stack: principal and role of each. */
function assignments(s: TerraformStack): Array<{ principal: string; role: string }> {
  const json = synthJson(s);
  expectConformant(json);
  return Object.values(ofType(json, 'azurerm_role_assignment')).map((r: any) => ({ principal: r.principal_id, role: r.role_definition_name }));
}

describe('grantee keys never collide', () => {
  test('two L1 identities called Identity in different scopes each get their role', () => {
    const s = providerStack();
    const rg = new ResourceGroup(s, 'rg', { name: 'rg', location: 'westeurope' });
    const storage = StorageAccount.fromStorageAccountId(s, 'Data', ACCOUNT_ID);
    for (const team of ['TeamA', 'TeamB']) {
      const scope = new Construct(s, team);
      const uai = new UserAssignedIdentity(scope, 'Identity', { name: `id-${team}`, location: rg.location, resourceGroupName: rg.name });
      const grant = storage.grantBlobDataReader(UserAssignedIdentityRef.fromResource(uai));
      expect(grant.node.id).toBe(`Grant-StorageBlobDataReader-${team}_2fIdentity`);
    }
    const principals = assignments(s).map(a => a.principal).sort();
    expect(principals).toHaveLength(2);
    expect(principals[0]).toMatch(/^\$\{azurerm_user_assigned_identity\.TeamA_Identity_\w+\.principal_id\}$/);
    expect(principals[1]).toMatch(/^\$\{azurerm_user_assigned_identity\.TeamB_Identity_\w+\.principal_id\}$/);
  });

  test('computes at Ws-Gpu and Ws/Gpu are two grantees', () => {
    const s = providerStack();
    const storage = StorageAccount.fromStorageAccountId(s, 'Data', ACCOUNT_ID);
    const ws = Workspace.fromWorkspaceAttributes(s, 'Ml', { workspaceId: wsId('mlw'), location: 'westeurope', managedNetworkIsolation: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND });
    const flat = new ComputeCluster(s, 'Ws-Gpu', { workspace: ws, name: 'gpu-flat' });
    const nested = new ComputeCluster(new Construct(s, 'Ws'), 'Gpu', { workspace: ws, name: 'gpu-nested' });
    expect(flat.granteeKey).not.toBe(nested.granteeKey);
    storage.grantBlobDataReader(flat);
    storage.grantBlobDataReader(nested);
    expect(assignments(s)).toHaveLength(2);
  });

  test('principal keys keep their punctuation: ds.team and dsteam are two grantees', () => {
    const s = providerStack();
    const storage = StorageAccount.fromStorageAccountId(s, 'Data', ACCOUNT_ID);
    storage.grantBlobDataReader(Principal.group('11111111-1111-1111-1111-111111111111', { key: 'ds.team' }));
    storage.grantBlobDataReader(Principal.group('22222222-2222-2222-2222-222222222222', { key: 'dsteam' }));
    expect(assignments(s).map(a => a.principal).sort()).toEqual(['11111111-1111-1111-1111-111111111111', '22222222-2222-2222-2222-222222222222']);
  });

  test('imported workspaces with the same id in different scopes have different identity keys', () => {
    const s = providerStack();
    const storage = StorageAccount.fromStorageAccountId(s, 'Data', ACCOUNT_ID);
    for (const [scopeId, principal] of [['A', '33333333-3333-3333-3333-333333333333'], ['B', '44444444-4444-4444-4444-444444444444']]) {
      const ws = Workspace.fromWorkspaceAttributes(new Construct(s, scopeId), 'Ws', { workspaceId: wsId(`mlw-${scopeId}`), systemAssignedPrincipalId: principal });
      storage.grantBlobDataReader(ws.systemAssignedIdentity!);
    }
    expect(assignments(s)).toHaveLength(2);
  });
});

describe('role assignments are keyed on (resource, role, principal)', () => {
  test('two different principals with the same key are an error naming the key and the fix', () => {
    const s = providerStack();
    const storage = StorageAccount.fromStorageAccountId(s, 'Data', ACCOUNT_ID);
    storage.grantBlobDataReader(Principal.group('11111111-1111-1111-1111-111111111111', { key: 'team' }));
    expect(() => storage.grantBlobDataReader(Principal.group('22222222-2222-2222-2222-222222222222', { key: 'team' })))
      .toThrow(/platform\/Data: two different principals would get 'Storage Blob Data Reader' under the same grantee key 'team' .*the principal '22222222-2222-2222-2222-222222222222'.* Give each grantee its own key/);
  });

  test('the same principal under two keys gets one assignment (Azure refuses duplicates)', () => {
    const s = providerStack();
    const storage = StorageAccount.fromStorageAccountId(s, 'Data', ACCOUNT_ID);
    const first = storage.grantBlobDataReader(Principal.group('11111111-1111-1111-1111-111111111111', { key: 'team' }));
    const second = storage.grantBlobDataReader(Principal.group('11111111-1111-1111-1111-111111111111', { key: 'data-scientists' }));
    expect(second).toBe(first);
    expect(assignments(s)).toHaveLength(1);
  });

  test('the same key for the same principal with another role is a second assignment', () => {
    const s = providerStack();
    const storage = StorageAccount.fromStorageAccountId(s, 'Data', ACCOUNT_ID);
    const team = Principal.group('11111111-1111-1111-1111-111111111111', { key: 'team' });
    storage.grantBlobDataReader(team);
    storage.grantBlobDataContributor(team);
    expect(assignments(s).map(a => a.role).sort()).toEqual(['Storage Blob Data Contributor', 'Storage Blob Data Reader']);
  });
});

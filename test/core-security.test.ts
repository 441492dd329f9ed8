import { DataAzurermKeyVaultSecret } from '@cdktf/provider-azurerm/lib/data-azurerm-key-vault-secret';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Fn, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { BuiltInRole, Principal, RemovalPolicy, SecretValue, UserAssignedIdentityRef } from '../src';
import { FIXTURE_SECRETS } from './support/secrets';
import { providerStack, resolveValue, synthJson } from './support/synth';
import { grantRole } from '../src/core/grants';
import { applyRemovalPolicy, addDeleteLock } from '../src/core/removal-policy';

function stack(): TerraformStack {
  return providerStack();
}

describe('SecretValue', () => {
  test('a sensitive variable is used by reference', () => {
    const s = stack();
    const v = new TerraformVariable(s, 'account_key', { type: 'string', sensitive: true });
    expect(resolveValue(s, SecretValue.fromSensitiveVariable(v).resolveFor(s, 'account key'))).toBe('${sensitive(var.account_key)}');
  });

  test('a variable that is not sensitive is rejected with the fix', () => {
    const s = stack();
    const v = new TerraformVariable(s, 'account_key', { type: 'string' });
    expect(() => SecretValue.fromSensitiveVariable(v).resolveFor(s, 'account key'))
      .toThrow("platform: account key: the variable 'account_key' is not sensitive; declare it with `sensitive: true`");
  });

  test('a Key Vault secret data source is used by reference', () => {
    const s = stack();
    const secret = new DataAzurermKeyVaultSecret(s, 'sas', { name: 'sas', keyVaultId: '/subscriptions/x/resourceGroups/r/providers/Microsoft.KeyVault/vaults/v' });
    expect(resolveValue(s, SecretValue.fromKeyVaultSecret(secret).resolveFor(s, 'SAS token'))).toBe('${sensitive(data.azurerm_key_vault_secret.sas.value)}');
  });

  test('a plain string is rejected, and the message does not repeat it', () => {
    const s = stack();
    const literal = 'sv=2024-01-01&sig=FIXTURE-SECRET';
    const attempt = () => SecretValue.fromToken(literal).resolveFor(s, 'SAS token');
    expect(attempt).toThrow(/SAS token: a plain string was given; secrets must not appear in code/);
    expect(attempt).toThrow(/SecretValue.fromSensitiveVariable/);
    try { attempt(); } catch (e) { expect((e as Error).message).not.toContain('FIXTURE-SECRET'); }
  });

  test('a token that only wraps a literal (Fn.sensitive) is rejected; one wrapping a reference is fine', () => {
    const s = stack();
    expect(() => SecretValue.fromToken(Fn.sensitive('FIXTURE-SECRET')).resolveFor(s, 'account key'))
      .toThrow(/account key: the Terraform expression puts a string literal into the secret's value/);
    const v = new TerraformVariable(s, 'key', { type: 'string' });
    expect(resolveValue(s, SecretValue.fromToken(Fn.sensitive(v.stringValue)).resolveFor(s, 'account key'))).toBe('${sensitive(var.key)}');
    const secret = new DataAzurermKeyVaultSecret(s, 'kv', { name: 'sas', keyVaultId: '/subscriptions/x/resourceGroups/r/providers/Microsoft.KeyVault/vaults/v' });
    expect(() => SecretValue.fromToken(Fn.sensitive(secret.value)).resolveFor(s, 'SAS token')).not.toThrow();
  });
});

describe('the fixture-secret scan every test synth runs', () => {
  test('a stack whose JSON carries a fixture secret fails to synthesize in tests, naming where', () => {
    const s = stack();
    new ResourceGroup(s, 'rg', { name: 'rg', location: 'westeurope', tags: { leaked: FIXTURE_SECRETS[0] } });
    expect(() => synthJson(s)).toThrow(/secret leaked into the synthesized JSON of platform:\n\$\.resource\.azurerm_resource_group\.rg\.tags\.leaked contains fixture secret/);
  });
});

describe('grants', () => {
  test('a role assignment names the role, principal and scope; granting twice is idempotent', () => {
    const s = stack();
    const target = new Construct(s, 'Storage');
    const team = Principal.group('11111111-2222-3333-4444-555555555555');
    const first = grantRole(target, team, BuiltInRole.STORAGE_BLOB_DATA_READER, '/subscriptions/x/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/st');
    const again = grantRole(target, team, BuiltInRole.STORAGE_BLOB_DATA_READER, '/subscriptions/x/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/st');
    expect(again).toBe(first);
    const ra = Object.values(synthJson(s).resource.azurerm_role_assignment) as any[];
    expect(ra).toHaveLength(1);
    expect(ra[0]).toMatchObject({
      role_definition_name: 'Storage Blob Data Reader',
      principal_id: '11111111-2222-3333-4444-555555555555',
      principal_type: 'Group',
      scope: '/subscriptions/x/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/st',
    });
    expect(ra[0].skip_service_principal_aad_check).toBeUndefined();
  });

  test('managed identities skip the Entra ID check and are keyed by their construct path below the stack', () => {
    const s = stack();
    const rg = new ResourceGroup(s, 'rg', { name: 'rg', location: 'westeurope' });
    const uai = UserAssignedIdentityRef.fromResource(new UserAssignedIdentity(s, 'TrainingIdentity', { name: 'id-train', location: rg.location, resourceGroupName: rg.name }));
    grantRole(new Construct(s, 'Registry'), uai, BuiltInRole.ACR_PULL, '/subscriptions/x/resourceGroups/r/providers/Microsoft.ContainerRegistry/registries/acr');
    const json = synthJson(s);
    const [address] = Object.keys(json.resource.azurerm_role_assignment);
    expect(address).toContain('Grant-AcrPull-TrainingIdentity');
    expect(json.resource.azurerm_role_assignment[address]).toMatchObject({
      principal_id: '${azurerm_user_assigned_identity.TrainingIdentity.principal_id}',
      principal_type: 'ServicePrincipal',
      skip_service_principal_aad_check: true,
    });
  });

  test('a principal whose object ID is a reference needs a stable key', () => {
    const s = stack();
    const id = new TerraformVariable(s, 'group_id', { type: 'string' }).stringValue;
    // Reported where the grant is made, with that construct's path (a static factory has none).
    const target = new Construct(s, 'Target');
    expect(() => grantRole(target, Principal.group(id), BuiltInRole.READER, '/subscriptions/s/resourceGroups/rg'))
      .toThrow(/^platform\/Target: the Group granted 'Reader' has an object ID from a Terraform reference and no key.*Pass a stable `key`/);
    expect(Principal.group(id, { key: 'data-scientists' }).granteeKey).toBe('data-scientists');
  });

  test('built-in roles hold the role-definition GUID', () => {
    expect(BuiltInRole.AZUREML_DATA_SCIENTIST.roleDefinitionGuid).toBe('f6c7c914-8db3-469d-8ca1-694a8f32e121');
    expect(BuiltInRole.of('Custom Reader', '00000000-0000-0000-0000-000000000001').roleName).toBe('Custom Reader');
  });
});

describe('removal policy and locks', () => {
  test('RETAIN sets prevent_destroy and keeps other lifecycle settings; DESTROY leaves it off', () => {
    const s = stack();
    const kept = new ResourceGroup(s, 'kept', { name: 'a', location: 'westeurope', lifecycle: { ignoreChanges: ['tags'] } });
    const dropped = new ResourceGroup(s, 'dropped', { name: 'b', location: 'westeurope' });
    applyRemovalPolicy(kept, RemovalPolicy.RETAIN);
    applyRemovalPolicy(dropped, RemovalPolicy.DESTROY);
    const rg = synthJson(s).resource.azurerm_resource_group;
    expect(rg.kept.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ['tags'] });
    expect(rg.dropped.lifecycle).toBeUndefined();
  });

  test('a delete lock is CanNotDelete on the resource', () => {
    const s = stack();
    addDeleteLock(s, 'Lock', '/subscriptions/x/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/st', 'storage account');
    const lock = synthJson(s).resource.azurerm_management_lock.Lock;
    expect(lock).toMatchObject({ lock_level: 'CanNotDelete', scope: '/subscriptions/x/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/st' });
  });
});

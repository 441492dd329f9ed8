// Issue 12 item 1: no secret reaches the synthesized JSON, every secret attribute is sensitive, and private
// key material is refused where a public SSH key belongs.
import { Fn, TerraformLocal, TerraformStack, TerraformVariable } from 'cdktf';
import { expectConformant, only, providerStack, resolveValue, synthJson } from './support/synth';
import { ComputeCluster } from '../src/compute/compute-cluster';
import { ComputeInstance } from '../src/compute/compute-instance';
import { SecretValue } from '../src/core/secret';
import { Workspace } from '../src/workspace/workspace';
import { ManagedNetworkIsolation } from '../src/workspace/workspace-ref';

const SECRET = 'FIXTURE-SECRET-Zq8w';
const WORKSPACE_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw';

function resolveSecret(s: TerraformStack, secret: SecretValue): string {
  return resolveValue(s, secret.resolveFor(s, 'account key'));
}

/** The error of resolving the secret; the test fails when it resolves, or when the message repeats the secret. */
function problemOf(s: TerraformStack, secret: () => SecretValue): string {
  try {
    secret().resolveFor(s, 'account key');
  } catch (e) {
    const message = (e as Error).message;
    expect(message).not.toContain(SECRET);
    return message;
  }
  throw new Error('the secret was accepted');
}

describe('SecretValue: literals hidden in expressions are refused', () => {
  test('a sensitive variable whose default is the secret (the default is in the JSON)', () => {
    const s = providerStack();
    const v = new TerraformVariable(s, 'key', { type: 'string', sensitive: true, default: SECRET });
    expect(problemOf(s, () => SecretValue.fromSensitiveVariable(v)))
      .toMatch(/account key: the variable 'key' has a default value, which is written into the synthesized JSON; remove the default and pass the value at apply time \(TF_VAR_key/);
    expect(problemOf(s, () => SecretValue.fromToken(v.stringValue))).toMatch(/has a default value/);
  });

  test('a TerraformLocal holding the literal, directly or through another local', () => {
    const s = providerStack();
    const local = new TerraformLocal(s, 'key', SECRET);
    expect(problemOf(s, () => SecretValue.fromToken(local.asString)))
      .toMatch(/the Terraform expression of local 'key' puts a string literal into the secret's value/);
    const outer = new TerraformLocal(s, 'outer', Fn.sensitive(local.asString));
    expect(problemOf(s, () => SecretValue.fromToken(outer.asString))).toMatch(/of local 'key' puts a string literal/);
  });

  test('Fn.lookup over a literal map, and a literal lookup default', () => {
    const s = providerStack();
    const env = new TerraformVariable(s, 'env', { type: 'string' });
    expect(problemOf(s, () => SecretValue.fromToken(Fn.lookup({ prod: SECRET }, env.stringValue))))
      .toMatch(/puts a string literal into the secret's value/);
    const keys = new TerraformVariable(s, 'keys', { type: 'map(string)', sensitive: true });
    expect(problemOf(s, () => SecretValue.fromToken(Fn.lookup(keys.value, env.stringValue, SECRET))))
      .toMatch(/puts a string literal into the secret's value/);
  });

  test('Fn.join with a literal part, and a template with literal text', () => {
    const s = providerStack();
    const x = new TerraformVariable(s, 'x', { type: 'string', sensitive: true });
    expect(problemOf(s, () => SecretValue.fromToken(Fn.join('', [SECRET, x.stringValue]))))
      .toMatch(/puts a string literal into the secret's value/);
    expect(problemOf(s, () => SecretValue.fromToken(`${SECRET}${x.stringValue}`)))
      .toMatch(/puts a string literal into the secret's value/);
  });

  test('fromToken of a variable that is not sensitive gets the same check as fromSensitiveVariable', () => {
    const s = providerStack();
    const v = new TerraformVariable(s, 'plain', { type: 'string' });
    expect(problemOf(s, () => SecretValue.fromToken(v.stringValue)))
      .toMatch(/the variable 'plain' is not sensitive, so Terraform would print the secret in plans; declare it with `sensitive: true`/);
    // Fn.sensitive marks it: accepted.
    expect(resolveSecret(s, SecretValue.fromToken(Fn.sensitive(v.stringValue)))).toBe('${sensitive(var.plain)}');
  });

  test('nonsensitive() is refused', () => {
    const s = providerStack();
    const v = new TerraformVariable(s, 'k', { type: 'string', sensitive: true });
    expect(problemOf(s, () => SecretValue.fromToken(Fn.nonsensitive(v.stringValue)))).toMatch(/calls nonsensitive\(\)/);
  });

  test('references with literal selectors and separators are fine', () => {
    const s = providerStack();
    const env = new TerraformVariable(s, 'env', { type: 'string', default: 'prod' });
    const keys = new TerraformVariable(s, 'keys', { type: 'map(string)', sensitive: true });
    const a = new TerraformVariable(s, 'a', { type: 'string', sensitive: true });
    const b = new TerraformVariable(s, 'b', { type: 'string', sensitive: true });
    expect(resolveSecret(s, SecretValue.fromToken(Fn.lookup(keys.value, env.stringValue)))).toBe('${sensitive(var.keys[var.env])}');
    expect(resolveSecret(s, SecretValue.fromToken(Fn.lookup(keys.value, 'prod')))).toBe('${sensitive(var.keys.prod)}');
    expect(resolveSecret(s, SecretValue.fromToken(Fn.join('-', [a.stringValue, b.stringValue])))).toBe('${sensitive(join("-", [var.a, var.b]))}');
    const local = new TerraformLocal(s, 'fromVar', a.stringValue);
    expect(resolveSecret(s, SecretValue.fromToken(local.asString))).toBe('${sensitive(local.fromVar)}');
  });
});

describe('secret attributes are sensitive in the synthesized JSON', () => {
  test('the compute cluster SSH password (not sensitive in the azurerm 4.55.0 schema) is wrapped in sensitive()', () => {
    const s = providerStack();
    const ws = Workspace.fromWorkspaceAttributes(s, 'Ml', { workspaceId: WORKSPACE_ID, location: 'westeurope', managedNetworkIsolation: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND });
    const pw = new TerraformVariable(s, 'pw', { type: 'string', sensitive: true });
    new ComputeCluster(s, 'Cluster', { workspace: ws, name: 'ssh-pw', ssh: { adminUsername: 'azureuser', password: SecretValue.fromSensitiveVariable(pw) } });
    const json = synthJson(s);
    expect(only(json, 'azurerm_machine_learning_compute_cluster').ssh.admin_password).toBe('${sensitive(var.pw)}');
    expectConformant(json);
  });

  test('a construct refuses a variable default at synth, so the JSON never carries it', () => {
    const s = providerStack();
    const ws = Workspace.fromWorkspaceAttributes(s, 'Ml', { workspaceId: WORKSPACE_ID, location: 'westeurope', managedNetworkIsolation: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND });
    const pw = new TerraformVariable(s, 'pw', { type: 'string', sensitive: true, default: SECRET });
    expect(() => new ComputeCluster(s, 'Cluster', { workspace: ws, name: 'ssh-pw', ssh: { adminUsername: 'azureuser', password: SecretValue.fromSensitiveVariable(pw) } }))
      .toThrow(/platform\/Cluster: SSH admin password: the variable 'pw' has a default value/);
  });
});

describe('private key material where a public SSH key belongs', () => {
  const PRIVATE = `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA${SECRET}\n-----END OPENSSH PRIVATE KEY-----`;
  function workspace(s: TerraformStack) {
    return Workspace.fromWorkspaceAttributes(s, 'Ml', { workspaceId: WORKSPACE_ID, location: 'westeurope', managedNetworkIsolation: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND });
  }

  test('is refused on a compute cluster and a compute instance, without repeating it', () => {
    const s = providerStack();
    const ws = workspace(s);
    const attempts = [
      () => new ComputeCluster(s, 'Cluster', { workspace: ws, name: 'ssh-one', ssh: { adminUsername: 'azureuser', publicKey: PRIVATE } }),
      () => new ComputeInstance(s, 'Instance', { workspace: ws, name: 'inst-one', sshPublicKey: PRIVATE }),
    ];
    for (const attempt of attempts) {
      let message = '';
      try { attempt(); } catch (e) { message = (e as Error).message; }
      expect(message).toMatch(/(ssh\.publicKey|sshPublicKey) holds private key material .* Pass the public key instead/);
      expect(message).not.toContain(SECRET);
    }
  });

  test('something that is not an OpenSSH public key is refused; a real one is accepted', () => {
    const s = providerStack();
    const ws = workspace(s);
    expect(() => new ComputeCluster(s, 'Bad', { workspace: ws, name: 'ssh-two', ssh: { adminUsername: 'azureuser', publicKey: 'my laptop key' } }))
      .toThrow(/platform\/Bad: ssh.publicKey is not an OpenSSH public key: it must look like 'ssh-rsa AAAA... comment'/);
    new ComputeCluster(s, 'Good', { workspace: ws, name: 'ssh-three', ssh: { adminUsername: 'azureuser', publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHx me@laptop' } });
    expectConformant(synthJson(s));
  });
});

// Issue 12 item 12: every error names the construct path, quotes the value and gives a fix; none prints an
// absolute path of the machine that synthesizes (the repo, the temp folder, the home folder).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack, TerraformVariable } from 'cdktf';
import {
  BuildContext, CodeAsset, Component, CondaFile, ContainerRegistry, ContainerRegistrySku, DataAsset, DataAssetType, DataPath, Environment,
  EnvironmentImage, IWorkspace, KeyVault, MonitorPrivateLinkScope, Principal, PrivateDnsZones, PrivateEndpoint, PrivateEndpointSubResource,
  ResourceGroupRef, StorageAccount, StorageReplication, Subnet, Workspace,
} from '../src';
import { providerStack } from './support/synth';
import { ValidationError } from '../src/core/validation';

const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');
const SUB = '00000000-0000-0000-0000-000000000000';
const WS_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw`;
const SA_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/stmldemo`;
const IMAGE = EnvironmentImage.fromUri('mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest');

function workspaceIn(s: TerraformStack): IWorkspace {
  return Workspace.fromWorkspaceAttributes(s, 'Ws', { workspaceId: WS_ID, location: 'westeurope', storageAccount: StorageAccount.fromStorageAccountId(s, 'St', SA_ID) });
}

function tmp(files: { [rel: string]: string } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msg-test-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** Bad inputs: what is built, and the construct path the error must start with. */
const BAD: Array<[string, (s: TerraformStack) => void, string]> = [
  ['a resource group given by name to fromId', s => new StorageAccount(s, 'X', { resourceGroup: ResourceGroupRef.fromId('rg-ml', 'westeurope') }), 'platform/X'],
  ['an allow-all storage IP rule', s => new StorageAccount(s, 'X', { resourceGroup: RG, publicNetworkAccessEnabled: true, ipRules: ['0.0.0.0/0'] }), 'platform/X'],
  ['a conda path that is a folder', s => new Environment(s, 'E', { workspace: workspaceIn(s), image: IMAGE, condaFile: CondaFile.fromFile(tmp()) }), 'platform/E'],
  ['a conda path that does not exist (absolute)', s => new Environment(s, 'E', { workspace: workspaceIn(s), image: IMAGE, condaFile: CondaFile.fromFile(path.join(tmp(), 'conda.yml')) }), 'platform/E'],
  ['a conda path that does not exist (relative)', s => new Environment(s, 'E', { workspace: workspaceIn(s), image: IMAGE, condaFile: CondaFile.fromFile('env/none.yml') }), 'platform/E'],
  ['a Basic registry with defaults', s => new ContainerRegistry(s, 'X', { resourceGroup: RG, sku: ContainerRegistrySku.BASIC }), 'platform/X'],
  ['a build context without a Dockerfile', s => new Environment(s, 'E', { workspace: workspaceIn(s), buildContext: BuildContext.fromLocalDirectory(tmp({ 'a.txt': '' })) }), 'platform/E'],
  ['a build context that is a file', s => new Environment(s, 'E', { workspace: workspaceIn(s), buildContext: BuildContext.fromLocalDirectory(path.join(tmp({ Dockerfile: '' }), 'Dockerfile')) }), 'platform/E'],
  ['a missing local code folder (absolute)', s => new CodeAsset(s, 'C', { workspace: workspaceIn(s), path: DataPath.fromLocalPath(path.join(process.cwd(), 'no-such-src')) }), 'platform/C'],
  ['a local code folder left empty by .amlignore', s => new CodeAsset(s, 'C', { workspace: workspaceIn(s), path: DataPath.fromLocalPath(tmp({ '.amlignore': '*\n' })) }), 'platform/C'],
  ['a folder for a uri_file data asset', s => new DataAsset(s, 'D', { workspace: workspaceIn(s), type: DataAssetType.URI_FILE, path: DataPath.fromLocalPath(tmp({ 'a.csv': '1' })) }), 'platform/D'],
  ['a missing component file', s => new Component(s, 'K', { workspace: workspaceIn(s), yamlFile: path.join(tmp(), 'component.yml') }), 'platform/K'],
  ['a grant to a principal from a reference without a key', s => {
    const objectId = new TerraformVariable(s, 'oid', { type: 'string' }).stringValue;
    new KeyVault(s, 'Kv', { resourceGroup: RG }).grantSecretsRead(Principal.group(objectId));
  }, 'platform/Kv'],
  ['a replication azurerm refuses', s => new StorageAccount(s, 'X', { resourceGroup: RG, replication: StorageReplication.of('lrs') }), 'platform/X'],
  ['an ftp data URI', s => new DataAsset(s, 'D', { workspace: workspaceIn(s), path: DataPath.fromUri('ftp://example.com/a.csv') }), 'platform/D'],
  ['a resource group given by name to fromId, for a private endpoint', s => new PrivateEndpoint(s, 'Pe', {
    targetResourceId: SA_ID,
    subResource: PrivateEndpointSubResource.BLOB,
    resourceGroup: ResourceGroupRef.fromId('rg-net'),
    subnet: Subnet.fromSubnetId(s, 'Subnet', `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe`, 'westeurope'),
  }), 'platform/Pe'],
  ['a resource group given by name to fromId, for private DNS zones', s => new PrivateDnsZones(s, 'Zones', { resourceGroup: ResourceGroupRef.fromId('rg-dns') }), 'platform/Zones'],
  ['a resource group given by name to fromId, for a monitor private link scope', s => new MonitorPrivateLinkScope(s, 'Ampls', { resourceGroup: ResourceGroupRef.fromId('rg-mon') }), 'platform/Ampls'],
];

/** Absolute folders of this machine that must never appear in a message. */
const MACHINE_PATHS = [process.cwd(), os.tmpdir(), fs.realpathSync(os.tmpdir()), os.homedir()].filter(p => p.length > 1);

describe('error messages of bad inputs', () => {
  test.each(BAD)('%s: construct path first, a quoted value, a fix, no machine path', (_what, build, constructPath) => {
    let error: unknown;
    try {
      build(providerStack());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const message = (error as Error).message;
    expect(message.startsWith(`${constructPath}`)).toBe(true);
    expect(message).toMatch(/'[^']+'/);
    expect(message).toMatch(/\b(pass|use|give|add|remove|set|leave|choose|move|copy|fix|keep|import|declare)\b/i);
    for (const machinePath of MACHINE_PATHS) expect(message).not.toContain(machinePath);
  });

  test('the messages the issue named read as intended', () => {
    const messageOf = (build: (s: TerraformStack) => void) => {
      try { build(providerStack()); } catch (e) { return (e as Error).message; }
      return '';
    };
    expect(messageOf(BAD[0][1])).toMatch(/use ResourceGroupRef.fromName\('rg-ml', location\)/);
    expect(messageOf(BAD[1][1])).toMatch(/Give the public ranges of your own networks/);
    expect(messageOf(BAD[2][1])).toMatch(/conda file '…\/msg-test-\w+' is a folder, not a file; pass the path of a conda YAML file/);
    expect(messageOf(BAD[4][1])).toMatch(/conda file 'env\/none.yml' does not exist/);
    expect(messageOf(BAD[5][1])).toMatch(/these need ContainerRegistrySku.PREMIUM \(the default\): use Premium\. Only if you accept a registry open to all networks/);
  });
});

describe('no plain Error reaches a user from src/', () => {
  test('every `throw new Error(` left in src/ is an internal error, marked as such', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) { walk(full); continue; }
        if (!e.name.endsWith('.ts')) continue;
        fs.readFileSync(full, 'utf8').split('\n').forEach((line, i) => {
          if (/throw new Error\(/.test(line) && !/internal/i.test(line) && !/src[\\/]review[\\/]/.test(full)) {
            offenders.push(`${path.relative(process.cwd(), full)}:${i + 1}`);
          }
        });
      }
    };
    walk(path.join(__dirname, '..', 'src'));
    expect(offenders).toEqual([]);
  });
});

// Project (azurerm_ai_foundry_project): attached to a hub of the same app or imported from another stack,
// its own identity and grants, compute/datastores/connections attached as to a workspace, what changes replace, bad input.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, LocalBackend, TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { describeReplacements, findReplacements } from './support/replacement';
import { expectConformant, ofType, only, providerStack, synthJson } from './support/synth';
import { AzapiProvider } from '../src/azapi/provider';
import { AiServicesConnection } from '../src/connection/azure-connections';
import { ConnectionAuth } from '../src/connection/connection-auth';
import { ConnectionCategory } from '../src/connection/connection-category';
import { Principal } from '../src/core/grants';
import { UserAssignedIdentityRef } from '../src/core/identity';
import { ResourceGroupRef } from '../src/core/resource-group';
import { Hub } from '../src/hub/hub';
import { Project, ProjectOptions } from '../src/hub/project';
import { StorageAccount } from '../src/storage/storage-account';
import { WorkspaceIdentity } from '../src/workspace/workspace-options';
import { ManagedNetworkIsolation } from '../src/workspace/workspace-ref';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const RG_ID = `${SUB}/resourceGroups/rg-ai`;
const RG = ResourceGroupRef.fromName('rg-ai', 'westeurope');
const HUB_ID = `${RG_ID}/providers/Microsoft.MachineLearningServices/workspaces/hub-platform`;
const AI_ID = `${RG_ID}/providers/Microsoft.CognitiveServices/accounts/ai-hub`;
const TEAM = Principal.group('aaaaaaaa-0000-0000-0000-00000000000a', { key: 'team-a' });

function appStack(app: App, id: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new AzapiProvider(stack, 'azapi');
  // A relative state path: the synthesized JSON must not depend on the machine.
  new LocalBackend(stack, { path: `${id}.tfstate` });
  return stack;
}

describe('Project', () => {
  test('a hub in one stack, its projects in another through Hub.fromHubId, with no absolute path in the JSON', () => {
    const app = Testing.app();
    const platform = appStack(app, 'platform');
    const hub = new Hub(platform, 'AiHub', { resourceGroup: RG, publicNetworkAccessEnabled: true });
    new TerraformOutput(platform, 'hub_id', { value: hub.hubId });
    const teams = appStack(app, 'teams');
    const imported = Hub.fromHubId(teams, 'Hub', HUB_ID, 'westeurope');
    const project = new Project(teams, 'TeamA', { hub: imported, friendlyName: 'Team A', description: 'Team A models', tags: { team: 'a' } });
    project.grantAiDeveloper(TEAM);
    project.addComputeCluster('Cpu', { maxNodes: 2, nodePublicIp: true });
    project.addConnection('Feed', { category: ConnectionCategory.PYTHON_FEED, target: 'https://pypi.org/simple', auth: ConnectionAuth.none() });
    const json = synthJson(teams);
    expectConformant(json);
    expect(only(json, 'azurerm_ai_foundry_project')).toMatchObject({
      ai_services_hub_id: HUB_ID,
      location: 'westeurope',
      friendly_name: 'Team A',
      description: 'Team A models',
      tags: { team: 'a' },
      identity: { type: 'SystemAssigned' },
      high_business_impact_enabled: false,
    });
    expect(ofType(json, 'azurerm_ai_foundry')).toEqual({});
    expect(only(json, 'azurerm_role_assignment')).toMatchObject({ role_definition_name: 'Azure AI Developer', principal_id: TEAM.principalId });
    expect(only(json, 'azurerm_machine_learning_compute_cluster').machine_learning_workspace_id).toMatch(/^\$\{azurerm_ai_foundry_project\.\w+\.id\}$/);
    expect(only(json, 'azapi_resource').parent_id).toMatch(/^\$\{azurerm_ai_foundry_project\.\w+\.id\}$/);
    const text = JSON.stringify([json, synthJson(platform)]);
    expect(text).not.toMatch(/"\/(work|home|tmp|Users)\//);
    expect(text).not.toContain(process.cwd());
  });

  test('its own user-assigned identity; HBI; the hub\'s network and storage are the project\'s', () => {
    const stack = providerStack('uai');
    const hub = new Hub(stack, 'AiHub', {
      resourceGroup: RG, publicNetworkAccessEnabled: true, managedNetwork: { isolationMode: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND },
    });
    const uai = UserAssignedIdentityRef.fromAttributes({
      identityId: `${RG_ID}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-team`, principalId: 'bbbbbbbb-0000-0000-0000-000000000002', key: 'team-id',
    });
    const project = hub.addProject('Team', { identity: WorkspaceIdentity.systemAndUserAssigned(uai), highBusinessImpact: true, name: 'proj-team' });
    expect(project.managedNetworkIsolation).toBe(ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND);
    expect(project.storageAccount).toBe(hub.storageAccount);
    expect(project.hub).toBe(hub);
    project.grantDataScientist(TEAM);
    const json = synthJson(stack);
    expectConformant(json);
    expect(only(json, 'azurerm_ai_foundry_project')).toMatchObject({
      name: 'proj-team',
      identity: { type: 'SystemAssigned, UserAssigned', identity_ids: [uai.identityId] },
      primary_user_assigned_identity: uai.identityId,
      high_business_impact_enabled: true,
    });
    const roles = Object.values(ofType(json, 'azurerm_role_assignment')).map((g: any) => `${g.role_definition_name}@${g.scope.split('.')[0]}`).sort();
    expect(roles).toEqual([
      'AzureML Data Scientist@${azurerm_ai_foundry_project',
      'Storage Blob Data Contributor@${azurerm_storage_account',
      'Storage File Data Privileged Contributor@${azurerm_storage_account',
    ]);
  });

  describe('what replaces (azurerm ForceNew: hub name, location, resource_group_name, key_vault_id, storage_account_id, '
    + 'high_business_impact_enabled, encryption; project name, location, ai_services_hub_id, high_business_impact_enabled)', () => {
    function synth(project: ProjectOptions, connection: boolean): any {
      const stack = providerStack('platform');
      const hub = new Hub(stack, 'AiHub', {
        resourceGroup: RG,
        publicNetworkAccessEnabled: true,
        storageAccount: StorageAccount.fromStorageAccountId(stack, 'Storage', `${RG_ID}/providers/Microsoft.Storage/storageAccounts/staihub`),
      });
      hub.addProject('TeamA', project);
      if (connection) new AiServicesConnection(stack, 'AiServices', { workspace: hub, resourceId: AI_ID, endpoint: 'https://ai-hub.cognitiveservices.azure.com/' });
      const json = synthJson(stack);
      expectConformant(json);
      return json;
    }

    test('changing project tags or description, or adding a connection, replaces nothing', () => {
      const before = synth({ tags: { team: 'a' }, description: 'first' }, false);
      const after = synth({ tags: { team: 'a', cost: '42' }, description: 'second', friendlyName: 'Team A' }, true);
      const report = findReplacements(before, after);
      expect(describeReplacements({ ...report, added: [] })).toEqual([]);
      // Only the connection and its role assignments are new.
      expect(report.added.every(a => a.startsWith('azapi_resource.') || a.startsWith('azurerm_role_assignment.'))).toBe(true);
      expect(report.added.some(a => a.startsWith('azapi_resource.'))).toBe(true);
    });

    test('HBI on a project replaces the project only, never the hub', () => {
      const report = findReplacements(synth({}, false), synth({ highBusinessImpact: true }, false));
      expect(report.replaced.map(r => r.address.split('.')[0])).toEqual(['azurerm_ai_foundry_project']);
      expect(report.replaced[0].attributes.map(a => a.path)).toEqual(['high_business_impact_enabled']);
    });
  });

  describe('bad input', () => {
    test('a project without a hub', () => {
      const stack = providerStack('bad');
      expect(() => new Project(stack, 'P', { hub: undefined } as any))
        .toThrow(/bad\/P: a project needs a hub: pass `hub`.*Hub\.fromHubId/);
    });

    test('settings only the hub may have', () => {
      const stack = providerStack('bad');
      const hub = Hub.fromHubId(stack, 'Hub', HUB_ID, 'westeurope');
      for (const key of ['storageAccount', 'keyVault', 'containerRegistry', 'managedNetwork']) {
        expect(() => new Project(stack, `P-${key}`, { hub, [key]: {} } as any))
          .toThrow(new RegExp(`bad/P-${key}: \`${key}\` cannot be set on a project: a project uses its hub's .*Set them on the Hub instead`));
      }
    });

    test('a location other than the hub\'s, an imported hub without location, a bad hub ID and a bad name', () => {
      const stack = providerStack('bad');
      const hub = Hub.fromHubId(stack, 'Hub', HUB_ID, 'westeurope');
      expect(() => new Project(stack, 'A', { hub, location: 'eastus' }))
        .toThrow(/location 'eastus' differs from hub 'bad\/Hub' location 'westeurope'/);
      const noLocation = Hub.fromHubId(stack, 'Hub2', HUB_ID);
      expect(() => new Project(stack, 'B', { hub: noLocation })).toThrow(/the project has no location: hub 'bad\/Hub2' was imported without one/);
      expect(() => Hub.fromHubId(stack, 'Hub3', `${RG_ID}/providers/Microsoft.Storage/storageAccounts/x`))
        .toThrow(/bad\/Hub3: '.*storageAccounts\/x' is not a hub ID; expected .*Microsoft\.MachineLearningServices\/workspaces\/<name>/);
      expect(() => new Project(stack, 'C', { hub, name: 'x' })).toThrow(/AI Foundry project name 'x' is invalid/);
    });
  });
});

// AI Foundry hub with two team projects, in two stacks: the platform stack owns the hub (storage, key vault,
// registry, managed network), its AI Services connection and a compute cluster every project shares; the
// teams stack imports the hub by ID and gives each team a project and the roles on it.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { App, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  AiServicesConnection, AzapiProvider, Hub, ManagedNetworkIsolation, Principal, ResourceGroupRef, VmSize,
} from '../../src';

const subscription = '00000000-0000-0000-0000-000000000000';
const rgId = `/subscriptions/${subscription}/resourceGroups/rg-ai-platform`;
const location = 'westeurope';
/** The hub's name is fixed so the teams stack can import it by ID. */
const hubName = 'hub-ai-platform';
/** An AI Services account the platform team runs (models, speech, vision). */
const aiServicesId = `${rgId}/providers/Microsoft.CognitiveServices/accounts/ai-platform`;

function providers(stack: TerraformStack, id: string): void {
  // A relative state path: cdktf's default local backend writes an absolute path of the machine.
  new LocalBackend(stack, { path: `terraform.${id}.tfstate` });
  new AzurermProvider(stack, 'azurerm', { features: [{}], storageUseAzuread: true });
  new AzapiProvider(stack, 'azapi');
}

/** The platform team's stack: the hub and what every project shares. */
export class AiHubPlatformStack extends TerraformStack {
  /** The hub. */
  public readonly hub: Hub;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    providers(this, id);
    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-ai-platform', location });

    // Storage, key vault, Application Insights + Log Analytics and a registry are created with secure defaults;
    // computes run in the managed network. Public access is on so the AI Foundry portal works without a VPN.
    this.hub = new Hub(this, 'Hub', {
      resourceGroup: ResourceGroupRef.fromResource(rg),
      name: hubName,
      friendlyName: 'AI platform hub',
      publicNetworkAccessEnabled: true,
      managedNetwork: { isolationMode: ManagedNetworkIsolation.ALLOW_INTERNET_OUTBOUND },
      tags: { owner: 'ai-platform' },
    });

    // Shared to every project; Entra ID auth, so no key is stored and the hub identity gets the account roles.
    new AiServicesConnection(this, 'AiServices', {
      workspace: this.hub,
      name: 'ai-services',
      resourceId: aiServicesId,
      endpoint: 'https://ai-platform.cognitiveservices.azure.com/',
    });

    // A cluster on the hub is shared by its projects; it scales to zero when idle.
    this.hub.addComputeCluster('SharedCpu', { name: 'shared-cpu', vmSize: VmSize.STANDARD_DS3_V2, maxNodes: 4 });

    // The platform admins manage the hub, its projects and connections.
    this.hub.grantAiAdministrator(Principal.group('aaaaaaaa-0000-0000-0000-000000000001', { key: 'ai-platform-admins' }));

    new TerraformOutput(this, 'hub_id', { value: this.hub.hubId });
  }
}

/** The teams' stack: one project per team in the imported hub, and each team's roles on its own project. */
export class AiHubTeamsStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    providers(this, id);

    const hub = Hub.fromHubId(this, 'Hub', `${rgId}/providers/Microsoft.MachineLearningServices/workspaces/${hubName}`, location);

    const teams = [
      { id: 'Vision', name: 'proj-vision', friendlyName: 'Vision team', group: 'bbbbbbbb-0000-0000-0000-000000000001' },
      { id: 'Language', name: 'proj-language', friendlyName: 'Language team', group: 'bbbbbbbb-0000-0000-0000-000000000002' },
    ];
    for (const team of teams) {
      const project = hub.addProject(team.id, {
        name: team.name,
        friendlyName: team.friendlyName,
        description: `${team.friendlyName} models and evaluations`,
        tags: { team: team.id.toLowerCase() },
      });
      const members = Principal.group(team.group, { key: `${team.id.toLowerCase()}-members` });
      // Build and deploy in their project, run jobs on the shared compute; nothing on the other team's project.
      project.grantAiDeveloper(members);
      project.grantDataScientist(members);
    }
  }
}

/** Adds the example's stacks to an app (the tests synthesize them too). */
export function build(app: App): TerraformStack[] {
  return [new AiHubPlatformStack(app, 'ai-hub-platform'), new AiHubTeamsStack(app, 'ai-hub-teams')];
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}

// The composition platform repositories use: one platform stack owns the workspace and what it depends on (resource
// group, storage, key vault, monitoring, registry, a shared data lake); each team stack imports the workspace with
// `Workspace.fromWorkspaceAttributes` and adds its own compute, datastores and environments.
//
// The team stacks read the platform's values through cdktf cross-stack references: cdktf adds an output to the
// platform stack and a `terraform_remote_state` data source to each team stack, and orders the stacks
// (`cdktf deploy platform` first). Every stack keeps its state under the project folder with a relative path, so
// the synthesized JSON holds no path of the machine that ran `cdktf synth`. docs/platform.md explains the flow.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  AzapiProvider, BlobContainerTarget, CondaFile, EnvironmentImage, IStorageAccount, ManagedNetworkIsolation, Principal,
  ResourceGroupRef, StorageAccount, VmSize, Workspace,
} from '../../src';

const LOCATION = 'westeurope';
const ISOLATION = ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND;

/**
 * State of stack `id` in the project folder. Terraform runs in cdktf.out/stacks/<id>, so `../../../` is the project
 * root for every stack; the team stacks' remote-state lookups of the platform resolve to the same file.
 */
function useRelativeState(stack: TerraformStack, id: string): void {
  new LocalBackend(stack, { path: `../../../terraform.${id}.tfstate` });
}

/** Each stack declares its providers; the library's constructs never do. */
function useProviders(stack: TerraformStack): void {
  new AzurermProvider(stack, 'azurerm', { features: [{}], storageUseAzuread: true });
  new AzapiProvider(stack, 'azapi');
}

/** The workspace and its dependencies, owned by the platform team. */
export class PlatformStack extends TerraformStack {
  public readonly workspace: Workspace;
  /** Storage for the teams' data (hierarchical namespace), separate from the workspace's own storage. */
  public readonly dataLake: StorageAccount;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    useRelativeState(this, id);
    useProviders(this);

    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-ml-platform', location: LOCATION });
    const resourceGroup = ResourceGroupRef.fromResource(rg);

    // Storage, key vault, Application Insights + Log Analytics and a Premium registry, secure by default.
    this.workspace = new Workspace(this, 'Workspace', {
      resourceGroup,
      friendlyName: 'ML platform',
      managedNetwork: { isolationMode: ISOLATION },
      tags: { owner: 'ml-platform' },
    });
    this.workspace.addFqdnOutboundRule('pypi', 'pypi.org');

    this.dataLake = new StorageAccount(this, 'DataLake', { resourceGroup, hierarchicalNamespace: true });
  }
}

/** What a team stack needs from the platform. */
export interface TeamStackProps {
  readonly platform: PlatformStack;
  /** Short team name: used in compute, datastore and container names. */
  readonly team: string;
  /** Entra ID group of the team's data scientists. */
  readonly groupObjectId: string;
  readonly vmSize: VmSize;
  readonly maxNodes: number;
}

/** A team's compute, data and environments in the platform's workspace. */
export class TeamStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: TeamStackProps) {
    super(scope, id);
    useRelativeState(this, id);
    useProviders(this);
    const { platform, team } = props;

    // Values of the platform stack (cross-stack references) and what both sides agree on as literals: the region
    // and the network isolation let the constructs validate at synth, where references are not known yet.
    const workspace = Workspace.fromWorkspaceAttributes(this, 'Workspace', {
      workspaceId: platform.workspace.workspaceId,
      location: LOCATION,
      managedNetworkIsolation: ISOLATION,
      systemAssignedPrincipalId: platform.workspace.systemAssignedIdentity!.principalId,
    });
    const dataLake: IStorageAccount = StorageAccount.fromStorageAccountAttributes(this, 'DataLake', {
      storageAccountId: platform.dataLake.storageAccountId,
      isHnsEnabled: true,
    });

    // Scales to zero; runs in the workspace's managed network.
    const cluster = workspace.addComputeCluster('Cluster', {
      name: `${team}-cpu`,
      vmSize: props.vmSize,
      maxNodes: props.maxNodes,
    });

    // The team's container in the shared data lake, registered without credentials: the workspace identity
    // reads it, and the cluster's identity is granted access to it directly.
    workspace.addBlobDatastore('Data', {
      name: `${team}_data`,
      container: BlobContainerTarget.create(dataLake, `${team}-data`),
    });
    dataLake.grantBlobDataReader(cluster);

    workspace.addEnvironment('Train', {
      name: `${team}-train`,
      image: EnvironmentImage.fromUri('mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240709.v1'),
      condaFile: CondaFile.fromInline([
        `name: ${team}-train`,
        'channels: [conda-forge]',
        'dependencies:',
        '  - python=3.11',
        '  - pip',
        '  - pip: [mlflow==2.16.2, azureml-mlflow==1.57.0]',
        '',
      ].join('\n')),
    });

    workspace.grantDataScientist(Principal.group(props.groupObjectId, { key: `${team}-scientists` }));
  }
}

/** Adds the platform stack and two team stacks to an app (the tests synthesize them too). */
export function build(app: App): TerraformStack[] {
  const platform = new PlatformStack(app, 'platform');
  return [
    platform,
    new TeamStack(app, 'team-vision', {
      platform, team: 'vision', groupObjectId: '22222222-2222-2222-2222-222222222222', vmSize: VmSize.STANDARD_DS3_V2, maxNodes: 4,
    }),
    new TeamStack(app, 'team-nlp', {
      platform, team: 'nlp', groupObjectId: '33333333-3333-3333-3333-333333333333', vmSize: VmSize.STANDARD_DS3_V2, maxNodes: 2,
    }),
  ];
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}

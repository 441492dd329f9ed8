// Quickstart: a secure-by-default Azure ML workspace with a CPU cluster, a blob datastore and an
// environment, in the resource group and with the providers a platform stack declares itself.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  AzapiProvider, BlobContainerTarget, BlobDatastore, CondaFile, EnvironmentImage, ResourceGroupRef,
  VmSize, Workspace,
} from '../../src';

export class QuickstartStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    // A relative state path: cdktf's default local backend writes an absolute path of the machine.
    new LocalBackend(this, { path: 'terraform.quickstart.tfstate' });

    // Providers belong to the app, never to library constructs.
    new AzurermProvider(this, 'azurerm', {
      storageUseAzuread: true,
      features: [{
        // Feature blocks are lists of one element in the generated provider classes.
        keyVault: [{
          purgeSoftDeleteOnDestroy: false,
          purgeSoftDeletedKeysOnDestroy: false,
          purgeSoftDeletedSecretsOnDestroy: false,
          recoverSoftDeletedKeyVaults: true,
        }],
        machineLearning: [{ purgeSoftDeletedWorkspaceOnDestroy: false }],
        logAnalyticsWorkspace: [{ permanentlyDeleteOnDestroy: false }],
        resourceGroup: [{ preventDeletionIfContainsResources: true }],
      }],
    });
    new AzapiProvider(this, 'azapi');

    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-ml-quickstart', location: 'westeurope' });

    // Creates storage, key vault, Application Insights + Log Analytics and a Premium registry with secure
    // defaults. Public network access stays on (studio must work without private networking): a warning says so.
    const workspace = new Workspace(this, 'Workspace', {
      resourceGroup: ResourceGroupRef.fromResource(rg),
      friendlyName: 'Quickstart workspace',
      tags: { purpose: 'quickstart' },
    });

    // Scales to zero when idle; no local auth, no SSH.
    workspace.addComputeCluster('CpuCluster', {
      vmSize: VmSize.STANDARD_DS3_V2,
      maxNodes: 2,
    });

    // Credential-less datastore on a new private container of the workspace storage; the workspace
    // identity is granted Storage Blob Data Reader on the account.
    new BlobDatastore(this, 'TrainingData', {
      workspace,
      container: BlobContainerTarget.create(workspace.storageAccount!, 'training-data'),
    });

    workspace.addEnvironment('SklearnEnvironment', {
      image: EnvironmentImage.fromUri('mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240709.v1'),
      condaFile: CondaFile.fromInline([
        'name: sklearn',
        'channels: [conda-forge]',
        'dependencies:',
        '  - python=3.10',
        '  - scikit-learn=1.5',
        '',
      ].join('\n')),
    });
  }
}

/** Adds the example's stacks to an app (the tests synthesize them too). */
export function build(app: App): TerraformStack[] {
  return [new QuickstartStack(app, 'quickstart')];
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}

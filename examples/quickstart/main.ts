// Quickstart: a resource group and the providers a platform stack declares itself.
// The constructs of this library are added below as they land.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AzapiProvider, ResourceGroupRef } from '../../src';

export class QuickstartStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    // A relative state path: cdktf's default local backend writes an absolute path of the machine.
    new LocalBackend(this, { path: 'terraform.quickstart.tfstate' });

    // Providers belong to the app, never to library constructs.
    new AzurermProvider(this, 'azurerm', {
      storageUseAzuread: true,
      features: [{
        keyVault: {
          purgeSoftDeleteOnDestroy: false,
          purgeSoftDeletedKeysOnDestroy: false,
          purgeSoftDeletedSecretsOnDestroy: false,
          recoverSoftDeletedKeyVaults: true,
        },
        machineLearning: { purgeSoftDeletedWorkspaceOnDestroy: false },
        logAnalyticsWorkspace: { permanentlyDeleteOnDestroy: false },
        resourceGroup: { preventDeletionIfContainsResources: true },
      }],
    });
    new AzapiProvider(this, 'azapi');

    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-ml-quickstart', location: 'westeurope' });
    ResourceGroupRef.fromResource(rg);
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

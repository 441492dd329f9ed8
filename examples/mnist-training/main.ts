// The infrastructure for the MNIST training flow of the Azure ML course: the data in a blob datastore,
// registered as a data asset, a custom training environment, and a GPU-free CPU cluster that scales
// to zero. A job submitted with the CLI then uses:
//   compute: azureml:cpu-training, environment: azureml:mnist-train:<version>, inputs: azureml:mnist:<version>
// The workspace was created by another stack of the platform repo and is imported by ID.
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  AzapiProvider, BlobContainerTarget, BlobDatastore, CondaFile, DataAsset, DataAssetType, DataPath, Duration, Environment,
  EnvironmentImage, ManagedNetworkIsolation, Principal, StorageAccount, VmPriority, VmSize, Workspace,
} from '../../src';

const subscription = '00000000-0000-0000-0000-000000000000';
const rgId = `/subscriptions/${subscription}/resourceGroups/rg-ml-platform`;

export class MnistTrainingStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: 'terraform.mnist-training.tfstate' });
    new AzurermProvider(this, 'azurerm', { features: [{}], storageUseAzuread: true });
    new AzapiProvider(this, 'azapi');

    // Created by the platform stack; what is known of it lets constructs grant and validate.
    const workspace = Workspace.fromWorkspaceAttributes(this, 'Workspace', {
      workspaceId: `${rgId}/providers/Microsoft.MachineLearningServices/workspaces/mlw-platform`,
      location: 'westeurope',
      systemAssignedPrincipalId: '11111111-1111-1111-1111-111111111111',
      managedNetworkIsolation: ManagedNetworkIsolation.ALLOW_INTERNET_OUTBOUND,
      storageAccount: StorageAccount.fromStorageAccountAttributes(this, 'DataLake', {
        storageAccountId: `${rgId}/providers/Microsoft.Storage/storageAccounts/stmlplatformdata`,
        accountTier: 'Standard',
        accountKind: 'StorageV2',
      }),
    });

    // The cluster runs in the workspace's managed network, so nodes get no public IP.
    const cluster = workspace.addComputeCluster('TrainingCluster', {
      name: 'cpu-training',
      vmSize: VmSize.STANDARD_DS3_V2,
      priority: VmPriority.LOW_PRIORITY,
      maxNodes: 4,
      idleTimeBeforeScaleDown: Duration.minutes(5),
    });

    // The MNIST files live in a private container; the workspace reads them with its identity.
    const datastore = new BlobDatastore(this, 'MnistDatastore', {
      workspace,
      name: 'mnist_data',
      container: BlobContainerTarget.create(workspace.storageAccount!, 'mnist'),
    });
    // The training job reads the data as the cluster's identity.
    workspace.storageAccount!.grantBlobDataReader(cluster);

    const data = new DataAsset(this, 'MnistData', {
      workspace,
      name: 'mnist',
      type: DataAssetType.URI_FOLDER,
      path: DataPath.fromDatastore(datastore.datastoreName, 'raw/'),
      description: 'MNIST handwritten digits (IDX files)',
    });

    const environment = new Environment(this, 'TrainingEnvironment', {
      workspace,
      name: 'mnist-train',
      image: EnvironmentImage.fromUri('mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240709.v1'),
      condaFile: CondaFile.fromFile(path.join(__dirname, 'conda.yml')),
      description: 'scikit-learn and MLflow for the MNIST course',
    });

    // The data-science team may submit jobs.
    workspace.grantDataScientist(Principal.group('22222222-2222-2222-2222-222222222222', { key: 'data-scientists' }));

    new TerraformOutput(this, 'environment', { value: environment.reference });
    new TerraformOutput(this, 'data', { value: data.reference });
    new TerraformOutput(this, 'compute', { value: `azureml:${cluster.computeClusterName}` });
  }
}

/** Adds the example's stacks to an app (the tests synthesize them too). */
export function build(app: App): TerraformStack[] {
  return [new MnistTrainingStack(app, 'mnist-training')];
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}

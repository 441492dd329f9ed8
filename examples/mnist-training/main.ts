// The MNIST loop of the Azure ML course, from training to serving: the data in a blob datastore,
// registered as a data asset, a custom training environment, a CPU cluster that scales to zero, and the
// training component (components/train.yml, its code uploaded as a code asset). A pipeline job submitted
// with the CLI runs the component; its output is registered as a model by job output URI (TRAINED_BY lists
// the jobs), and an online endpoint serves the models: blue (the current one) and green (the new one, on 10%).
// The workspace was created by another stack of the platform repo and is imported by ID.
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  AzapiProvider, BlobContainerTarget, BlobDatastore, CodeAsset, Component, CondaFile, DataAsset, DataAssetType, DataPath, Duration,
  Environment, EnvironmentImage, ManagedNetworkIsolation, Model, ModelType, Principal, StorageAccount, VmPriority, VmSize, Workspace,
} from '../../src';

/** Training jobs whose output models are served: blue runs the first, green the second. Edit after each training run. */
const TRAINED_BY = { blue: 'mnist-train-20261120', green: 'mnist-train-20261130' };

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

    // The training step: a CLI v2 command component; its environment reference resolves to the environment above.
    const train = new Component(this, 'TrainComponent', { workspace, yamlFile: path.join(__dirname, 'components', 'train.yml') });

    // Models registered from the outputs of the training jobs (a new job: a new model version).
    const models = Object.fromEntries(Object.entries(TRAINED_BY).map(([slot, job]) => [slot, new Model(this, `MnistModel-${slot}`, {
      workspace,
      name: 'mnist-classifier',
      type: ModelType.MLFLOW_MODEL,
      path: DataPath.fromUri(`azureml://jobs/${job}/outputs/model/paths/`),
      jobName: job,
    })]));

    // Serving: scoring code and environment, an endpoint with AAD-token auth, blue/green deployments.
    const scoring = new CodeAsset(this, 'ScoringCode', { workspace, name: 'mnist-score', path: DataPath.fromLocalPath(path.join(__dirname, 'score')) });
    const endpoint = workspace.addOnlineEndpoint('Endpoint', {
      name: 'mnist-digits',
      traffic: { blue: 90, green: 10 },
    });
    for (const slot of ['blue', 'green']) {
      endpoint.addDeployment(slot === 'blue' ? 'Blue' : 'Green', {
        name: slot,
        model: models[slot],
        environment,
        code: { code: scoring, scoringScript: 'score.py' },
        instanceType: 'Standard_DS3_v2',
        instanceCount: slot === 'blue' ? 3 : 1,
        livenessProbe: { initialDelay: Duration.seconds(30) },
        requestSettings: { requestTimeout: Duration.seconds(10) },
      });
    }
    // The app team calls the endpoint with Entra tokens.
    endpoint.grantInvoke(Principal.group('33333333-3333-3333-3333-333333333333', { key: 'app-team' }));

    // The data-science team may submit jobs.
    workspace.grantDataScientist(Principal.group('22222222-2222-2222-2222-222222222222', { key: 'data-scientists' }));

    new TerraformOutput(this, 'environment', { value: environment.reference });
    new TerraformOutput(this, 'data', { value: data.reference });
    new TerraformOutput(this, 'compute', { value: `azureml:${cluster.computeClusterName}` });
    new TerraformOutput(this, 'train_component', { value: train.reference });
    new TerraformOutput(this, 'scoring_uri', { value: `https://${endpoint.endpointName}.${endpoint.location}.inference.ml.azure.com/score` });
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

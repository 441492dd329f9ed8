// The benchmark's reference stack, built with the library: a workspace with all its associated
// resources (defaults: storage, key vault, Log Analytics, Application Insights, container registry,
// diagnostic settings, identity-based system datastores), a data-scientist grant, two compute
// clusters, one compute instance, three datastores, two environments and one data asset.
// bench/reference-l1.ts writes the same resources with raw L1 classes.
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  BlobContainerTarget, BlobDatastore, DataLakeGen2Datastore, DataLakeGen2FileSystemTarget, DatastoreCredentials,
  FileShareDatastore, FileShareTarget, Principal, ResourceGroupRef, SecretValue, Workspace,
} from '../src';
import { declareProvidersAndResourceGroup } from './reference-common';
import { DataAsset } from '../src/assets/data-asset';
import { DataPath } from '../src/assets/data-path';
import { ComputeCluster } from '../src/compute/compute-cluster';
import { ComputeInstance } from '../src/compute/compute-instance';
import { VmPriority, VmSize } from '../src/compute/vm-size';
import { CondaFile } from '../src/environment/conda';
import { Environment } from '../src/environment/environment';
import { EnvironmentImage } from '../src/environment/image';

/** Literal IDs of pre-existing data the datastores point at (another team's lake and share). */
export const LAKE_FILESYSTEM_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/'
  + 'Microsoft.Storage/storageAccounts/stdatalake/blobServices/default/containers/curated';
export const SHARE_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/'
  + 'Microsoft.Storage/storageAccounts/stshared/fileServices/default/shares/legacy';
export const DATA_SCIENTISTS_GROUP = '11111111-2222-3333-4444-555555555555';
export const TRAINING_IMAGE = 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20250601.v1';
export const CONDA_FILE = 'name: train\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.11\n  - pip\n  - pip:\n    - scikit-learn==1.5.0\n';

export function createReferenceStack(scope: Construct, id: string, index: number): TerraformStack {
  const stack = new TerraformStack(scope, id);
  const rg = declareProvidersAndResourceGroup(stack, index);

  const workspace = new Workspace(stack, 'Workspace', { resourceGroup: ResourceGroupRef.fromResource(rg) });
  workspace.grantDataScientist(Principal.group(DATA_SCIENTISTS_GROUP, { key: 'data-scientists' }));

  new ComputeCluster(stack, 'CpuCluster', { workspace, vmSize: VmSize.STANDARD_DS3_V2, maxNodes: 4 });
  new ComputeCluster(stack, 'GpuCluster', {
    workspace, vmSize: VmSize.STANDARD_NC6S_V3, priority: VmPriority.LOW_PRIORITY, maxNodes: 2,
  });
  new ComputeInstance(stack, 'Notebook', { workspace, vmSize: VmSize.STANDARD_DS11_V2 });

  const training = new BlobDatastore(stack, 'TrainingData', {
    workspace,
    container: BlobContainerTarget.create(workspace.storageAccount!, 'training-data'),
  });
  new DataLakeGen2Datastore(stack, 'Lake', {
    workspace,
    fileSystem: DataLakeGen2FileSystemTarget.fromFileSystemId(LAKE_FILESYSTEM_ID),
  });
  const sas = new TerraformVariable(stack, 'legacy_share_sas', { type: 'string', sensitive: true });
  new FileShareDatastore(stack, 'LegacyShare', {
    workspace,
    share: FileShareTarget.fromShareId(SHARE_ID),
    credentials: DatastoreCredentials.sasToken(SecretValue.fromSensitiveVariable(sas)),
  });

  new Environment(stack, 'TrainEnv', { workspace, image: EnvironmentImage.fromUri(TRAINING_IMAGE) });
  new Environment(stack, 'CondaEnv', {
    workspace, image: EnvironmentImage.fromUri(TRAINING_IMAGE), condaFile: CondaFile.fromInline(CONDA_FILE),
  });

  new DataAsset(stack, 'RawData', { workspace, path: DataPath.fromDatastore(training.datastoreName, 'raw/') });
  return stack;
}

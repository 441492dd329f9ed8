import { MachineLearningWorkspaceNetworkOutboundRuleFqdn } from '@cdktf/provider-azurerm/lib/machine-learning-workspace-network-outbound-rule-fqdn';
import { MachineLearningWorkspaceNetworkOutboundRuleServiceTag } from '@cdktf/provider-azurerm/lib/machine-learning-workspace-network-outbound-rule-service-tag';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import {
  addFqdnOutboundRule,
  addPrivateEndpointOutboundRule,
  addServiceTagOutboundRule,
} from './outbound-rules';
import { PrivateEndpointOutboundRuleOptions, ServiceTagOutboundRuleOptions } from './workspace-options';
import { IWorkspace, ManagedNetworkIsolation } from './workspace-ref';
import { CodeAsset, CodeAssetOptions } from '../assets/code-asset';
import { DataAsset, DataAssetOptions } from '../assets/data-asset';
import { Model, ModelOptions } from '../assets/model';
import { Component, ComponentOptions } from '../component/component';
import { ComputeCluster, ComputeClusterOptions } from '../compute/compute-cluster';
import { ComputeInstance, ComputeInstanceOptions } from '../compute/compute-instance';
import { WorkspaceConnection, WorkspaceConnectionOptions } from '../connection/workspace-connection';
import { IContainerRegistry } from '../container-registry/container-registry-base';
import { BuiltInRole, grantRole, IGrantee } from '../core/grants';
import { IUserAssignedIdentity } from '../core/identity';
import { BlobDatastore, BlobDatastoreOptions } from '../datastore/blob-datastore';
import { DataLakeGen2Datastore, DataLakeGen2DatastoreOptions } from '../datastore/datalake-gen2-datastore';
import { FileShareDatastore, FileShareDatastoreOptions } from '../datastore/file-share-datastore';
import { BatchEndpoint, BatchEndpointOptions } from '../endpoint/batch-endpoint';
import { OnlineEndpoint, OnlineEndpointOptions } from '../endpoint/online-endpoint';
import { Environment, EnvironmentOptions } from '../environment/environment';
import { IKeyVault } from '../key-vault/key-vault-base';
import { IApplicationInsights } from '../monitoring/application-insights-base';
import { PrivateEndpoint, TargetPrivateEndpointOptions } from '../network/private-endpoint';
import { PrivateEndpointSubResource } from '../network/sub-resource';
import { addPrivateEndpoints } from '../network/target-endpoints';
import { IStorageAccount } from '../storage/storage-account-base';

/** What created and imported workspaces share: grants and attach points. */
export abstract class WorkspaceBase extends Construct implements IWorkspace {
  public abstract readonly workspaceId: string;
  public abstract readonly workspaceName: string;
  public abstract readonly resourceGroupName: string;
  public abstract readonly location?: string;
  public abstract readonly systemAssignedIdentity?: IGrantee;
  public abstract readonly primaryUserAssignedIdentity?: IUserAssignedIdentity;
  public abstract readonly managedNetworkIsolation?: ManagedNetworkIsolation;
  public abstract readonly storageAccount?: IStorageAccount;
  public abstract readonly keyVault?: IKeyVault;
  public abstract readonly applicationInsights?: IApplicationInsights;
  public abstract readonly containerRegistry?: IContainerRegistry;

  public grant(grantee: IGrantee, role: BuiltInRole): RoleAssignment {
    return grantRole(this, grantee, role, this.workspaceId);
  }

  public grantDataScientist(grantee: IGrantee): RoleAssignment {
    return this.grant(grantee, BuiltInRole.AZUREML_DATA_SCIENTIST);
  }

  public grantComputeOperator(grantee: IGrantee): RoleAssignment {
    return this.grant(grantee, BuiltInRole.AZUREML_COMPUTE_OPERATOR);
  }

  public grantReader(grantee: IGrantee): RoleAssignment {
    return this.grant(grantee, BuiltInRole.READER);
  }

  public addComputeCluster(id: string, options: ComputeClusterOptions = {}): ComputeCluster {
    return new ComputeCluster(this, id, { ...options, workspace: this });
  }

  public addComputeInstance(id: string, options: ComputeInstanceOptions = {}): ComputeInstance {
    return new ComputeInstance(this, id, { ...options, workspace: this });
  }

  public addBlobDatastore(id: string, options: BlobDatastoreOptions): BlobDatastore {
    return new BlobDatastore(this, id, { ...options, workspace: this });
  }

  public addDataLakeGen2Datastore(id: string, options: DataLakeGen2DatastoreOptions): DataLakeGen2Datastore {
    return new DataLakeGen2Datastore(this, id, { ...options, workspace: this });
  }

  public addFileShareDatastore(id: string, options: FileShareDatastoreOptions): FileShareDatastore {
    return new FileShareDatastore(this, id, { ...options, workspace: this });
  }

  public addEnvironment(id: string, options: EnvironmentOptions): Environment {
    return new Environment(this, id, { ...options, workspace: this });
  }

  public addDataAsset(id: string, options: DataAssetOptions): DataAsset {
    return new DataAsset(this, id, { ...options, workspace: this });
  }

  public addModel(id: string, options: ModelOptions): Model {
    return new Model(this, id, { ...options, workspace: this });
  }

  /** Allows managed-network computes to reach an FQDN (mode `AllowOnlyApprovedOutbound`). */
  public addFqdnOutboundRule(name: string, destinationFqdn: string): MachineLearningWorkspaceNetworkOutboundRuleFqdn {
    return addFqdnOutboundRule(this, name, destinationFqdn);
  }

  /** Allows managed-network computes to reach an Azure service tag (mode `AllowOnlyApprovedOutbound`). */
  public addServiceTagOutboundRule(name: string, options: ServiceTagOutboundRuleOptions): MachineLearningWorkspaceNetworkOutboundRuleServiceTag {
    return addServiceTagOutboundRule(this, name, options);
  }

  /**
   * Adds a managed private endpoint from the managed network to any Azure resource and sub-resource
   * (AI Search, AI Services / Azure OpenAI, SQL, Cosmos DB, a registry, another workspace, ...).
   * Replace-forcing attributes.
   */
  public addPrivateEndpointOutboundRule(name: string, options: PrivateEndpointOutboundRuleOptions): TerraformResource {
    return addPrivateEndpointOutboundRule(this, name, options);
  }

  public addPrivateEndpoint(options: TargetPrivateEndpointOptions): PrivateEndpoint[] {
    const S = PrivateEndpointSubResource;
    return addPrivateEndpoints(this, { what: 'workspace', resourceId: this.workspaceId, allowed: [S.AML_WORKSPACE], defaults: [S.AML_WORKSPACE] }, options);
  }

  public addConnection(id: string, options: WorkspaceConnectionOptions): WorkspaceConnection {
    return new WorkspaceConnection(this, id, { ...options, workspace: this });
  }

  public addCodeAsset(id: string, options: CodeAssetOptions): CodeAsset {
    return new CodeAsset(this, id, { ...options, workspace: this });
  }

  public addComponent(id: string, options: ComponentOptions): Component {
    return new Component(this, id, { ...options, workspace: this });
  }

  public addOnlineEndpoint(id: string, options: OnlineEndpointOptions = {}): OnlineEndpoint {
    return new OnlineEndpoint(this, id, { ...options, workspace: this });
  }

  public addBatchEndpoint(id: string, options: BatchEndpointOptions = {}): BatchEndpoint {
    return new BatchEndpoint(this, id, { ...options, workspace: this });
  }
}

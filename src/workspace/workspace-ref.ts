import type { MachineLearningWorkspaceNetworkOutboundRuleFqdn } from '@cdktf/provider-azurerm/lib/machine-learning-workspace-network-outbound-rule-fqdn';
import type { MachineLearningWorkspaceNetworkOutboundRuleServiceTag } from '@cdktf/provider-azurerm/lib/machine-learning-workspace-network-outbound-rule-service-tag';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import type { PrivateEndpointOutboundRuleOptions, ServiceTagOutboundRuleOptions } from './workspace-options';
import type { CodeAsset, CodeAssetOptions } from '../assets/code-asset';
import type { DataAsset, DataAssetOptions } from '../assets/data-asset';
import type { Model, ModelOptions } from '../assets/model';
import type { Component, ComponentOptions } from '../component/component';
import type { ComputeCluster, ComputeClusterOptions } from '../compute/compute-cluster';
import type { ComputeInstance, ComputeInstanceOptions } from '../compute/compute-instance';
import type { WorkspaceConnection, WorkspaceConnectionOptions } from '../connection/workspace-connection';
import { IContainerRegistry } from '../container-registry/container-registry-base';
import { BuiltInRole, IGrantee } from '../core/grants';
import { IUserAssignedIdentity } from '../core/identity';
import type { BlobDatastore, BlobDatastoreOptions } from '../datastore/blob-datastore';
import type { DataLakeGen2Datastore, DataLakeGen2DatastoreOptions } from '../datastore/datalake-gen2-datastore';
import type { FileShareDatastore, FileShareDatastoreOptions } from '../datastore/file-share-datastore';
import type { BatchEndpoint, BatchEndpointOptions } from '../endpoint/batch-endpoint';
import type { OnlineEndpoint, OnlineEndpointOptions } from '../endpoint/online-endpoint';
import type { Environment, EnvironmentOptions } from '../environment/environment';
import { IKeyVault } from '../key-vault/key-vault-base';
import { IApplicationInsights } from '../monitoring/application-insights-base';
import type { PrivateEndpoint, TargetPrivateEndpointOptions } from '../network/private-endpoint';
import { IStorageAccount } from '../storage/storage-account-base';

/** Managed network isolation of a workspace. */
export enum ManagedNetworkIsolation {
  /** No managed network: computes use public IPs or a customer subnet. */
  DISABLED = 'Disabled',
  /** Managed network; outbound internet allowed. */
  ALLOW_INTERNET_OUTBOUND = 'AllowInternetOutbound',
  /** Managed network; only approved outbound destinations (may deploy an Azure Firewall). */
  ALLOW_ONLY_APPROVED_OUTBOUND = 'AllowOnlyApprovedOutbound',
}

/**
 * An Azure Machine Learning workspace, created here or imported. Compute, datastores and
 * assets attach to any `IWorkspace`, so a platform repo can create the workspace in one
 * stack and add to it in another.
 */
export interface IWorkspace extends IConstruct {
  /** ARM ID of the workspace. */
  readonly workspaceId: string;
  /** Name of the workspace. */
  readonly workspaceName: string;
  /** Resource group of the workspace. */
  readonly resourceGroupName: string;
  /**
   * Azure region, when known. Constructs that need it and cannot find it ask for `location`.
   */
  readonly location?: string;
  /**
   * Principal of the workspace's system-assigned identity, when it has one and it is known.
   */
  readonly systemAssignedIdentity?: IGrantee;
  /**
   * The primary user-assigned identity, when the workspace uses one; the workspace then reaches
   * data as this identity.
   */
  readonly primaryUserAssignedIdentity?: IUserAssignedIdentity;
  /** Managed network isolation, when known. */
  readonly managedNetworkIsolation?: ManagedNetworkIsolation;
  /** Default storage account, when known. */
  readonly storageAccount?: IStorageAccount;
  /** Key vault, when known. */
  readonly keyVault?: IKeyVault;
  /** Application Insights component, when known. */
  readonly applicationInsights?: IApplicationInsights;
  /** Container registry, when the workspace has one and it is known. */
  readonly containerRegistry?: IContainerRegistry;

  /** Grants a role on the workspace. */
  grant(grantee: IGrantee, role: BuiltInRole): RoleAssignment;
  /** Grants AzureML Data Scientist: run jobs, manage assets; cannot manage compute or the workspace. */
  grantDataScientist(grantee: IGrantee): RoleAssignment;
  /** Grants AzureML Compute Operator: create and manage compute. */
  grantComputeOperator(grantee: IGrantee): RoleAssignment;
  /** Grants Reader. */
  grantReader(grantee: IGrantee): RoleAssignment;
  /** Adds a compute cluster to this workspace, as a child construct of the workspace. */
  addComputeCluster(id: string, options?: ComputeClusterOptions): ComputeCluster;
  /** Adds a compute instance to this workspace, as a child construct of the workspace. */
  addComputeInstance(id: string, options?: ComputeInstanceOptions): ComputeInstance;
  /** Adds a blob-container datastore to this workspace, as a child construct of the workspace. */
  addBlobDatastore(id: string, options: BlobDatastoreOptions): BlobDatastore;
  /** Adds a Data Lake Storage Gen2 datastore to this workspace, as a child construct of the workspace. */
  addDataLakeGen2Datastore(id: string, options: DataLakeGen2DatastoreOptions): DataLakeGen2Datastore;
  /** Adds a file-share datastore to this workspace, as a child construct of the workspace. */
  addFileShareDatastore(id: string, options: FileShareDatastoreOptions): FileShareDatastore;
  /** Registers an environment version in this workspace, as a child construct of the workspace. */
  addEnvironment(id: string, options: EnvironmentOptions): Environment;
  /** Registers a data asset version in this workspace, as a child construct of the workspace. */
  addDataAsset(id: string, options: DataAssetOptions): DataAsset;
  /** Registers a model version in this workspace, as a child construct of the workspace. */
  addModel(id: string, options: ModelOptions): Model;
  /** Allows managed-network computes to reach an FQDN (mode `AllowOnlyApprovedOutbound`). */
  addFqdnOutboundRule(name: string, destinationFqdn: string): MachineLearningWorkspaceNetworkOutboundRuleFqdn;
  /** Allows managed-network computes to reach an Azure service tag (mode `AllowOnlyApprovedOutbound`). */
  addServiceTagOutboundRule(name: string, options: ServiceTagOutboundRuleOptions): MachineLearningWorkspaceNetworkOutboundRuleServiceTag;
  /** Adds a managed private endpoint from the managed network to any Azure resource and sub-resource. */
  addPrivateEndpointOutboundRule(name: string, options: PrivateEndpointOutboundRuleOptions): TerraformResource;
  /**
   * Adds private endpoints to this workspace, one per sub-resource (`amlworkspace`, registered in both the `api` and `notebooks` zones), with their private DNS.
   * Construct IDs are `PrivateEndpoint-<sub-resource>` under this construct.
   */
  addPrivateEndpoint(options: TargetPrivateEndpointOptions): PrivateEndpoint[];
  /**
   * Adds a connection of any category to this workspace, as a child construct of the workspace. The typed
   * connections (`new AiServicesConnection(scope, id, { workspace, ... })`) also grant what identity-based auth needs.
   */
  addConnection(id: string, options: WorkspaceConnectionOptions): WorkspaceConnection;
  /** Registers a code asset version in this workspace, as a child construct of the workspace. */
  addCodeAsset(id: string, options: CodeAssetOptions): CodeAsset;
  /** Registers a command component version in this workspace, as a child construct of the workspace. */
  addComponent(id: string, options: ComponentOptions): Component;
  /** Adds a managed online endpoint to this workspace, as a child construct of the workspace. */
  addOnlineEndpoint(id: string, options?: OnlineEndpointOptions): OnlineEndpoint;
  /** Adds a batch endpoint to this workspace, as a child construct of the workspace. */
  addBatchEndpoint(id: string, options?: BatchEndpointOptions): BatchEndpoint;
}

import { Construct } from 'constructs';
import { ConnectionAuth } from './connection-auth';
import { ConnectionCategory } from './connection-category';
import { checkResourceId } from './connection-checks';
import { ConnectionCommonOptions, WorkspaceConnection } from './workspace-connection';
import { childResourceId, parseResourceId } from '../core/arm-id';
import { BuiltInRole } from '../core/grants';
import { DatastoreAccess } from '../datastore/credentials';
import type { IWorkspace } from '../workspace/workspace-ref';

/** Options of a connection to an Azure AI Services, Azure OpenAI or Azure AI Search resource. */
export interface AzureServiceConnectionOptions extends ConnectionCommonOptions {
  /** ARM ID of the target resource. */
  readonly resourceId: string;
  /** Endpoint of the target, e.g. `https://my-ai.cognitiveservices.azure.com/`. */
  readonly endpoint: string;
  /**
   * How the connection authenticates.
   * @default ConnectionAuth.aad() - Entra ID; the workspace identity is granted the roles it needs on the target
   */
  readonly auth?: ConnectionAuth;
  /**
   * With Entra ID auth, grant the workspace's managed identity the roles it needs on the target.
   * @default true
   */
  readonly grantWorkspaceIdentity?: boolean;
  /**
   * API version clients use (`ApiVersion` metadata).
   * @default - none
   */
  readonly apiVersion?: string;
}

/** Properties of an Azure AI Services, Azure OpenAI or Azure AI Search connection. */
export interface AzureServiceConnectionProps extends AzureServiceConnectionOptions {
  /** The workspace, hub or project the connection belongs to. */
  readonly workspace: IWorkspace;
}

function serviceMetadata(props: AzureServiceConnectionOptions): { [key: string]: string } {
  return { ApiType: 'Azure', ResourceId: props.resourceId, ...(props.apiVersion ? { ApiVersion: props.apiVersion } : {}) };
}

/**
 * A connection to an Azure AI Services account (models, speech, vision). With Entra ID auth (the
 * default) the workspace identity gets Cognitive Services User and Cognitive Services OpenAI User on the account.
 */
export class AiServicesConnection extends WorkspaceConnection {
  constructor(scope: Construct, id: string, props: AzureServiceConnectionProps) {
    super(scope, id, {
      ...props,
      category: ConnectionCategory.AI_SERVICES,
      target: props.endpoint,
      auth: props.auth ?? ConnectionAuth.aad(),
      metadata: serviceMetadata(props),
    });
    checkResourceId(this, 'AI Services resourceId', props.resourceId, 'Microsoft.CognitiveServices/accounts');
    this.grantWorkspaceIdentityOnTarget(props.resourceId,
      [BuiltInRole.COGNITIVE_SERVICES_USER, BuiltInRole.COGNITIVE_SERVICES_OPENAI_USER],
      props.grantWorkspaceIdentity !== false);
  }
}

/** A connection to an Azure OpenAI account. With Entra ID auth the workspace identity gets Cognitive Services OpenAI User. */
export class AzureOpenAiConnection extends WorkspaceConnection {
  constructor(scope: Construct, id: string, props: AzureServiceConnectionProps) {
    super(scope, id, {
      ...props,
      category: ConnectionCategory.AZURE_OPENAI,
      target: props.endpoint,
      auth: props.auth ?? ConnectionAuth.aad(),
      metadata: serviceMetadata(props),
    });
    checkResourceId(this, 'Azure OpenAI resourceId', props.resourceId, 'Microsoft.CognitiveServices/accounts');
    this.grantWorkspaceIdentityOnTarget(props.resourceId, [BuiltInRole.COGNITIVE_SERVICES_OPENAI_USER],
      props.grantWorkspaceIdentity !== false);
  }
}

/**
 * A connection to an Azure AI Search service. With Entra ID auth the workspace identity gets Search Index
 * Data Reader and Search Service Contributor on the service.
 */
export class AiSearchConnection extends WorkspaceConnection {
  constructor(scope: Construct, id: string, props: AzureServiceConnectionProps) {
    super(scope, id, {
      ...props,
      category: ConnectionCategory.AI_SEARCH,
      target: props.endpoint,
      auth: props.auth ?? ConnectionAuth.aad(),
      metadata: serviceMetadata(props),
    });
    checkResourceId(this, 'AI Search resourceId', props.resourceId, 'Microsoft.Search/searchServices');
    this.grantWorkspaceIdentityOnTarget(props.resourceId,
      [BuiltInRole.SEARCH_INDEX_DATA_READER, BuiltInRole.SEARCH_SERVICE_CONTRIBUTOR],
      props.grantWorkspaceIdentity !== false);
  }
}

/** Options of a connection to Azure Storage (a blob container or a Data Lake Gen2 file system). */
export interface StorageConnectionOptions extends ConnectionCommonOptions {
  /** ARM ID of the storage account. */
  readonly storageAccountId: string;
  /** Blob container (blob connections) or file system (Data Lake Gen2 connections). */
  readonly containerName: string;
  /**
   * How the connection authenticates: `aad()` (default), `accountKey()` or `sas()` for blob;
   * `aad()` or `servicePrincipal()` for Data Lake Gen2.
   * @default ConnectionAuth.aad()
   */
  readonly auth?: ConnectionAuth;
  /**
   * With Entra ID auth, what the workspace identity may do with the data.
   * @default DatastoreAccess.READ
   */
  readonly access?: DatastoreAccess;
  /**
   * With Entra ID auth, grant the workspace's managed identity the storage role.
   * @default true
   */
  readonly grantWorkspaceIdentity?: boolean;
}

/** Properties of a storage connection. */
export interface StorageConnectionProps extends StorageConnectionOptions {
  /** The workspace, hub or project the connection belongs to. */
  readonly workspace: IWorkspace;
}

/** The container (file system) the connection reaches: its role assignments go there, not on the whole account. */
function containerScope(props: StorageConnectionProps): string {
  return childResourceId(childResourceId(props.storageAccountId, 'blobServices', 'default'), 'containers', props.containerName);
}

function storageRole(access: DatastoreAccess | undefined): BuiltInRole {
  return access === DatastoreAccess.READ_WRITE ? BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR : BuiltInRole.STORAGE_BLOB_DATA_READER;
}

/** A connection to an Azure Blob Storage container. */
export class BlobStorageConnection extends WorkspaceConnection {
  constructor(scope: Construct, id: string, props: StorageConnectionProps) {
    const account = parseResourceId(props.storageAccountId)?.name ?? props.storageAccountId;
    super(scope, id, {
      ...props,
      category: ConnectionCategory.AZURE_BLOB,
      target: `https://${account}.blob.core.windows.net/${props.containerName}`,
      auth: props.auth ?? ConnectionAuth.aad(),
      metadata: { AccountName: account, ContainerName: props.containerName, ResourceId: props.storageAccountId },
    });
    checkResourceId(this, 'storageAccountId', props.storageAccountId, 'Microsoft.Storage/storageAccounts');
    this.grantWorkspaceIdentityOnTarget(containerScope(props), [storageRole(props.access)],
      props.grantWorkspaceIdentity !== false);
  }
}

/** A connection to an Azure Data Lake Storage Gen2 file system. */
export class DataLakeGen2Connection extends WorkspaceConnection {
  constructor(scope: Construct, id: string, props: StorageConnectionProps) {
    const account = parseResourceId(props.storageAccountId)?.name ?? props.storageAccountId;
    super(scope, id, {
      ...props,
      category: ConnectionCategory.ADLS_GEN2,
      target: `https://${account}.dfs.core.windows.net/${props.containerName}`,
      auth: props.auth ?? ConnectionAuth.aad(),
      metadata: { AccountName: account, FileSystemName: props.containerName, ResourceId: props.storageAccountId },
    });
    checkResourceId(this, 'storageAccountId', props.storageAccountId, 'Microsoft.Storage/storageAccounts');
    this.grantWorkspaceIdentityOnTarget(containerScope(props), [storageRole(props.access)],
      props.grantWorkspaceIdentity !== false);
  }
}

import { MachineLearningDatastoreBlobstorage } from '@cdktf/provider-azurerm/lib/machine-learning-datastore-blobstorage';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct, IConstruct } from 'constructs';
import { DatastoreAccess, DatastoreCredentials } from './credentials';
import { DatastoreBase, DatastoreCommonOptions } from './datastore-base';
import { claimDatastoreName, CredentialKind, datastoreName } from './internal';
import { BlobContainerTarget } from './targets';
import { grantWorkspaceIdentityAccess, serviceDataIdentity } from './workspace-identity-access';
import { addDependencies } from '../core/dependencies';
import { ValidationError } from '../core/validation';
import { IWorkspace } from '../workspace/workspace-ref';

/** Protocol Azure ML uses to reach a blob container. */
export enum BlobProtocol {
  /** HTTPS: what azurerm 4.55.0 always configures. */
  HTTPS = 'https',
  /**
   * `wasbs` (Hadoop's TLS blob driver). Not expressible with azurerm 4.55.0, which has no
   * protocol argument: asking for it is a synth-time error that says so.
   */
  WASBS = 'wasbs',
}

/** Options of a blob datastore (everything but the workspace). */
export interface BlobDatastoreOptions extends DatastoreCommonOptions {
  /** The container: existing (by ID, resource or name) or created by the datastore. */
  readonly container: BlobContainerTarget;
  /**
   * How Azure ML reaches the container: workspace identity, account key or SAS token.
   * (azurerm 4.55.0 blob datastores take no service principal, and no `none()`.)
   * @default DatastoreCredentials.workspaceIdentity() - no secret stored; the workspace identity is granted a storage role
   */
  readonly credentials?: DatastoreCredentials;
  /**
   * With workspace-identity credentials: the storage role granted to the workspace identity.
   * @default DatastoreAccess.READ - Storage Blob Data Reader (least privilege)
   */
  readonly dataAccess?: DatastoreAccess;
  /**
   * With workspace-identity credentials: whether to grant the workspace identity its storage
   * role. Turn it off when the role is granted elsewhere (e.g. by a platform team).
   * @default true
   */
  readonly grantWorkspaceIdentity?: boolean;
  /**
   * Whether this is the workspace's default datastore. The Azure API only honours `true` on an
   * update, so a new datastore becomes the default on the second `apply` (the first one's
   * read-back shows the change still pending).
   * @default - not set: the workspace keeps its default datastore (`workspaceblobstore`)
   */
  readonly isDefault?: boolean;
  /**
   * Protocol. Only HTTPS is expressible with azurerm 4.55.0.
   * @default BlobProtocol.HTTPS
   */
  readonly protocol?: BlobProtocol;
}

/** Properties of a blob datastore. */
export interface BlobDatastoreProps extends BlobDatastoreOptions {
  /** The workspace to add the datastore to. */
  readonly workspace: IWorkspace;
}

/**
 * A datastore for an Azure Blob Storage container (`azurerm_machine_learning_datastore_blobstorage`),
 * identity-based by default.
 */
export class BlobDatastore extends DatastoreBase {
  // L1 attributes are read on first use and kept: every read of one makes a new token
  // (with a captured stack trace), and most are never read.
  public get datastoreId(): string {
    return (this._datastoreId ??= this.resource.id);
  }
  private _datastoreId?: string;
  public readonly datastoreName: string;
  public readonly workspace: IWorkspace;
  /** ARM ID of the container the datastore points at. */
  public readonly containerId: string;
  /** The underlying azurerm resource (escape hatch). */
  public readonly resource: MachineLearningDatastoreBlobstorage;
  /** The role assignment made for the workspace identity, if any. */
  public readonly dataAccessGrant?: RoleAssignment;

  constructor(scope: Construct, id: string, props: BlobDatastoreProps) {
    super(scope, id);
    this.workspace = props.workspace;
    this.datastoreName = datastoreName(this, props.name);
    const credentials = props.credentials ?? DatastoreCredentials.workspaceIdentity();

    if (props.protocol === BlobProtocol.WASBS) {
      throw new ValidationError(this, 'protocol \'wasbs\' is not expressible with azurerm 4.55.0: '
        + 'azurerm_machine_learning_datastore_blobstorage has no protocol argument and always uses https. '
        + 'Leave `protocol` out; jobs can still read the data (azureml://datastores/<name>/paths/... URIs), and Spark code '
        + 'can build wasbs:// URIs from the account and container names itself.');
    }

    switch (credentials._kind) {
      case CredentialKind.NONE:
        throw new ValidationError(this, 'DatastoreCredentials.none() is not possible for a blob datastore with azurerm 4.55.0: '
          + 'with service_data_auth_identity "None" it requires an account key or SAS token. Use '
          + 'DatastoreCredentials.workspaceIdentity() (also credential-less; add `grantWorkspaceIdentity: false` to grant nothing).');
      case CredentialKind.SERVICE_PRINCIPAL:
        throw new ValidationError(this, 'a blob datastore takes no service principal in azurerm 4.55.0 '
          + '(azurerm_machine_learning_datastore_blobstorage has no tenant_id/client_id/client_secret). Use '
          + 'DatastoreCredentials.workspaceIdentity(), accountKey() or sasToken(); for a hierarchical-namespace account '
          + 'a DataLakeGen2Datastore accepts a service principal.');
      default:
        break;
    }
    const serviceIdentity = serviceDataIdentity(this.workspace, credentials);
    const secrets = credentials._resolve(this);
    const target = props.container._bind(this);
    this.containerId = target.resourceId;

    this.resource = new MachineLearningDatastoreBlobstorage(this, 'Resource', {
      name: this.datastoreName,
      workspaceId: this.workspace.workspaceId,
      storageContainerId: target.resourceId,
      serviceDataAuthIdentity: serviceIdentity,
      accountKey: secrets.accountKey,
      sharedAccessSignature: secrets.sasToken,
      description: props.description,
      isDefault: props.isDefault,
      tags: props.tags,
    });
    claimDatastoreName(this, props.workspace, this.datastoreName);
    this.node.defaultChild = this.resource;

    this.dataAccessGrant = grantWorkspaceIdentityAccess(this, this.workspace, credentials, target, props);
  }

  /**
   * Orders this construct after other resources: every Terraform resource it emits (including ones added to it
   * later) gets `depends_on` on each dependable. Use it when Terraform cannot see the order from references, e.g. a
   * role assignment or a private endpoint that must exist first. Data sources are not delayed.
   * @param dependables Terraform resources, data sources or modules, or constructs (then every resource they emit),
   * in the same stack
   */
  public addDependency(...dependables: IConstruct[]): void {
    addDependencies(this, dependables);
  }
}

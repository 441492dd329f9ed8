import { MachineLearningDatastoreDatalakeGen2 } from '@cdktf/provider-azurerm/lib/machine-learning-datastore-datalake-gen2';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct, IConstruct } from 'constructs';
import { DatastoreAccess, DatastoreCredentials } from './credentials';
import { DatastoreBase, DatastoreCommonOptions } from './datastore-base';
import { claimDatastoreName, CredentialKind, datastoreName } from './internal';
import { DataLakeGen2FileSystemTarget } from './targets';
import { grantWorkspaceIdentityAccess, serviceDataIdentity } from './workspace-identity-access';
import { addDependencies } from '../core/dependencies';
import { ValidationError } from '../core/validation';
import { IWorkspace } from '../workspace/workspace-ref';

/** Options of a Data Lake Storage Gen2 datastore (everything but the workspace). */
export interface DataLakeGen2DatastoreOptions extends DatastoreCommonOptions {
  /** The file system: existing (by ID, resource or name) or created by the datastore. */
  readonly fileSystem: DataLakeGen2FileSystemTarget;
  /**
   * How Azure ML reaches the file system: workspace identity, none (caller's identity only) or
   * a service principal. (azurerm 4.55.0 Data Lake Gen2 datastores take no account key or SAS.)
   * @default DatastoreCredentials.workspaceIdentity() - no secret stored; the workspace identity is granted a storage role
   */
  readonly credentials?: DatastoreCredentials;
  /**
   * With workspace-identity credentials: the storage role granted to the workspace identity.
   * @default DatastoreAccess.READ - Storage Blob Data Reader (least privilege)
   */
  readonly dataAccess?: DatastoreAccess;
  /**
   * With workspace-identity credentials: whether to grant the workspace identity its storage role.
   * @default true
   */
  readonly grantWorkspaceIdentity?: boolean;
}

/** Properties of a Data Lake Storage Gen2 datastore. */
export interface DataLakeGen2DatastoreProps extends DataLakeGen2DatastoreOptions {
  /** The workspace to add the datastore to. */
  readonly workspace: IWorkspace;
}

/**
 * A datastore for an Azure Data Lake Storage Gen2 file system
 * (`azurerm_machine_learning_datastore_datalake_gen2`), identity-based by default.
 * azurerm 4.55.0 cannot make it the workspace's default datastore (`is_default` is read-only).
 */
export class DataLakeGen2Datastore extends DatastoreBase {
  // L1 attributes are read on first use and kept: every read of one makes a new token
  // (with a captured stack trace), and most are never read.
  public get datastoreId(): string {
    return (this._datastoreId ??= this.resource.id);
  }
  private _datastoreId?: string;
  public readonly datastoreName: string;
  public readonly workspace: IWorkspace;
  /** ARM ID of the file system (its blob container ID). */
  public readonly fileSystemId: string;
  /** The underlying azurerm resource (escape hatch). */
  public readonly resource: MachineLearningDatastoreDatalakeGen2;
  /** The role assignment made for the workspace identity, if any. */
  public readonly dataAccessGrant?: RoleAssignment;

  constructor(scope: Construct, id: string, props: DataLakeGen2DatastoreProps) {
    super(scope, id);
    this.workspace = props.workspace;
    this.datastoreName = datastoreName(this, props.name);
    const credentials = props.credentials ?? DatastoreCredentials.workspaceIdentity();

    switch (credentials._kind) {
      case CredentialKind.ACCOUNT_KEY:
      case CredentialKind.SAS_TOKEN:
        throw new ValidationError(this, `a Data Lake Gen2 datastore takes no ${credentials.description} in azurerm 4.55.0 `
          + '(azurerm_machine_learning_datastore_datalake_gen2 accepts only a service principal or identity-based access). '
          + 'Use DatastoreCredentials.workspaceIdentity() (recommended) or servicePrincipal(); to use a key or SAS, '
          + 'point a BlobDatastore at the same container instead.');
      default:
        break;
    }
    const serviceIdentity = serviceDataIdentity(this.workspace, credentials);
    const secrets = credentials._resolve(this);
    const target = props.fileSystem._bind(this);
    this.fileSystemId = target.resourceId;

    this.resource = new MachineLearningDatastoreDatalakeGen2(this, 'Resource', {
      name: this.datastoreName,
      workspaceId: this.workspace.workspaceId,
      storageContainerId: target.resourceId,
      serviceDataIdentity: serviceIdentity,
      tenantId: secrets.tenantId,
      clientId: secrets.clientId,
      clientSecret: secrets.clientSecret,
      authorityUrl: secrets.authorityUrl,
      description: props.description,
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

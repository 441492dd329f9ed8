import { MachineLearningDatastoreFileshare } from '@cdktf/provider-azurerm/lib/machine-learning-datastore-fileshare';
import { Construct, IConstruct } from 'constructs';
import { DatastoreCredentials } from './credentials';
import { DatastoreBase, DatastoreCommonOptions } from './datastore-base';
import { claimDatastoreName, CredentialKind, datastoreName } from './internal';
import { FileShareTarget } from './targets';
import { addDependencies } from '../core/dependencies';
import { ValidationError } from '../core/validation';
import { IWorkspace } from '../workspace/workspace-ref';

/** Options of a file-share datastore (everything but the workspace). */
export interface FileShareDatastoreOptions extends DatastoreCommonOptions {
  /** The share: existing (by ID, resource or name) or created by the datastore. */
  readonly share: FileShareTarget;
  /**
   * `DatastoreCredentials.accountKey(...)` or `DatastoreCredentials.sasToken(...)`. Required:
   * azurerm 4.55.0 cannot create identity-based file-share datastores.
   */
  readonly credentials: DatastoreCredentials;
}

/** Properties of a file-share datastore. */
export interface FileShareDatastoreProps extends FileShareDatastoreOptions {
  /** The workspace to add the datastore to. */
  readonly workspace: IWorkspace;
}

/**
 * A datastore for an Azure Files share (`azurerm_machine_learning_datastore_fileshare`).
 * azurerm 4.55.0 requires an account key or SAS token for it; prefer a `BlobDatastore` with
 * workspace identity for new data.
 */
export class FileShareDatastore extends DatastoreBase {
  // L1 attributes are read on first use and kept: every read of one makes a new token
  // (with a captured stack trace), and most are never read.
  public get datastoreId(): string {
    return (this._datastoreId ??= this.resource.id);
  }
  private _datastoreId?: string;
  public readonly datastoreName: string;
  public readonly workspace: IWorkspace;
  /** ARM ID of the share the datastore points at. */
  public readonly shareId: string;
  /** The underlying azurerm resource (escape hatch). */
  public readonly resource: MachineLearningDatastoreFileshare;

  constructor(scope: Construct, id: string, props: FileShareDatastoreProps) {
    super(scope, id);
    this.workspace = props.workspace;
    this.datastoreName = datastoreName(this, props.name);
    const credentials = props.credentials;
    if (credentials === undefined) {
      throw new ValidationError(this, 'a file-share datastore needs `credentials`: azurerm 4.55.0 requires an account key or a '
        + 'SAS token. Pass DatastoreCredentials.accountKey(SecretValue.fromSensitiveVariable(v)) or DatastoreCredentials.sasToken(...).');
    }
    if (credentials._kind !== CredentialKind.ACCOUNT_KEY && credentials._kind !== CredentialKind.SAS_TOKEN) {
      throw new ValidationError(this, `a file-share datastore cannot use ${credentials.description}: azurerm 4.55.0 requires an `
        + 'account key or a SAS token for azurerm_machine_learning_datastore_fileshare (exactly one of account_key, '
        + 'shared_access_signature), so identity-based file-share datastores are not possible. Pass '
        + 'DatastoreCredentials.accountKey(SecretValue.fromSensitiveVariable(v)) or DatastoreCredentials.sasToken(...), '
        + 'or keep the data in a blob container and use a BlobDatastore with workspace identity.');
    }
    const secrets = credentials._resolve(this);
    const target = props.share._bind(this);
    this.shareId = target.resourceId;

    this.resource = new MachineLearningDatastoreFileshare(this, 'Resource', {
      name: this.datastoreName,
      workspaceId: this.workspace.workspaceId,
      storageFileshareId: target.resourceId,
      serviceDataIdentity: 'None',
      accountKey: secrets.accountKey,
      sharedAccessSignature: secrets.sasToken,
      description: props.description,
      tags: props.tags,
    });
    claimDatastoreName(this, props.workspace, this.datastoreName);
    this.node.defaultChild = this.resource;
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

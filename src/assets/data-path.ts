import { IConstruct } from 'constructs';
import { NAME_RULES } from '../core/naming';
import { checkPattern, isResolved, ValidationError } from '../core/validation';

/**
 * Where the files of a data asset or model are: a path in a workspace datastore
 * (`azureml://datastores/<name>/paths/<path>`) or any URI Azure ML reads (`https://`, `abfss://`,
 * `wasbs://`, `azureml://`).
 */
export class DataPath {
  /**
   * A path inside a workspace datastore, e.g. `DataPath.fromDatastore('workspaceblobstore', 'mnist/train/')`.
   * Pass `datastore.datastoreName` for a datastore created with this library.
   */
  public static fromDatastore(datastoreName: string, path: string): DataPath {
    const clean = (path ?? '').replace(/^\/+/, '');
    return new DataPath(`azureml://datastores/${datastoreName}/paths/${clean}`, datastoreName, clean);
  }

  /** A URI, e.g. `https://account.blob.core.windows.net/container/file.csv` or `azureml://...`. */
  public static fromUri(uri: string): DataPath {
    return new DataPath(uri ?? '', undefined, uri ?? '');
  }

  /** The URI sent to Azure as `dataUri` / `modelUri`. */
  public readonly uri: string;
  /** The datastore, for a datastore path. */
  public readonly datastoreName?: string;
  private readonly pathPart: string;

  private constructor(uri: string, datastoreName: string | undefined, pathPart: string) {
    this.uri = uri;
    this.datastoreName = datastoreName;
    this.pathPart = pathPart;
  }

  /**
   * Checks the path for the asset at `scope`; returns the URI.
   * @internal
   */
  public _bind(scope: IConstruct, what: string): string {
    if (this.datastoreName !== undefined) {
      checkPattern(scope, `${what} datastore name`, this.datastoreName, NAME_RULES.datastore.pattern,
        `it must be ${NAME_RULES.datastore.description}`, 'Pass the name of a datastore of the workspace, e.g. workspaceblobstore.');
      if (isResolved(this.pathPart) && this.pathPart.trim() === '') {
        throw new ValidationError(scope, `${what} has no path in datastore '${this.datastoreName}'; `
          + 'pass the file or folder inside the datastore, e.g. DataPath.fromDatastore(\'workspaceblobstore\', \'mnist/train/\').');
      }
      return this.uri;
    }
    if (!isResolved(this.uri)) return this.uri;
    if (this.uri.trim() === '') {
      throw new ValidationError(scope, `${what} has no path; pass DataPath.fromDatastore(datastoreName, path) or DataPath.fromUri(uri).`);
    }
    if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^\s]+$/.test(this.uri)) {
      throw new ValidationError(scope, `${what} path '${this.uri}' is not a URI: it must be scheme://... without spaces `
        + '(https://, abfss://, wasbs://, azureml://). Use DataPath.fromDatastore for a datastore path.');
    }
    return this.uri;
  }
}

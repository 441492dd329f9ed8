import { Construct } from 'constructs';
import { BoundDataPath, LocalPathTarget, readLocalContent, uploadLocalContent } from './local-upload';
import { LocalUploadOptions } from './local-upload-options';
import { displayPath } from '../core/local-path';
import { NAME_RULES } from '../core/naming';
import { checkPattern, isResolved, ValidationError } from '../core/validation';

/** Options of a local file or folder uploaded at deploy time. */
export interface LocalPathOptions extends LocalUploadOptions {
}

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

  /**
   * A local file or folder (relative paths from the app's working directory), uploaded as
   * content-addressed blobs to the workspace's storage account at `<kind>/<asset name>/<content hash>/`,
   * one `azurerm_storage_blob` per file, the same way local build contexts are. For a folder, the
   * `.amlignore` (or else `.gitignore`) of each folder applies, as with the Azure ML CLI, and `.git` is
   * skipped. A change to any file changes the URI and so the asset version. E.g.
   * `DataPath.fromLocalPath('./outputs')` for a model, or `'./src'` for code.
   */
  public static fromLocalPath(localPath: string, options: LocalPathOptions = {}): DataPath {
    return new DataPath('', undefined, localPath ?? '', localPath ?? '', options);
  }

  /** The URI sent to Azure as `dataUri` / `modelUri` (empty for a local path: the URI is known when it is bound). */
  public readonly uri: string;
  /** The datastore, for a datastore path. */
  public readonly datastoreName?: string;
  /** The local file or folder, for `fromLocalPath`. */
  public readonly localPath?: string;
  private readonly pathPart: string;
  private readonly uploadOptions: LocalUploadOptions;

  private constructor(uri: string, datastoreName: string | undefined, pathPart: string, localPath?: string,
    uploadOptions: LocalUploadOptions = {}) {
    this.uri = uri;
    this.datastoreName = datastoreName;
    this.pathPart = pathPart;
    this.localPath = localPath;
    this.uploadOptions = uploadOptions;
  }

  /**
   * Checks the path for the asset at `scope`; uploads a local path (blobs below `scope`).
   * @internal
   */
  public _bindFor(scope: Construct, what: string, target: LocalPathTarget): BoundDataPath {
    if (this.localPath === undefined) return { uri: this._bind(scope, what, target.code), blobs: [] };
    if (!target.workspace) {
      throw new ValidationError(scope, `${what} from local path '${displayPath(this.localPath)}' cannot be uploaded here: local files are uploaded `
        + 'to a workspace\'s storage account. Register the asset in a workspace, or upload the files yourself and use DataPath.fromUri.');
    }
    const content = readLocalContent(scope, `${what} local path`, this.localPath, true, false,
      'pass an existing file or folder.');
    const upload = uploadLocalContent(scope, 'Upload', what, content, target.prefix, target.workspace, this.uploadOptions);
    return { uri: upload.uri, localFolder: content.isDirectory, blobs: upload.blobs };
  }

  /**
   * Checks the path for the asset at `scope` (`code`: a code path, which may also be a Git repository); returns the URI.
   * @internal
   */
  public _bind(scope: Construct, what: string, code = false): string {
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
    // A string holding a Terraform interpolation (`https://${var.account}...`) is a reference: not judged.
    if (this.uri.includes('${')) return this.uri;
    if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^\s]+$/.test(this.uri)) {
      throw new ValidationError(scope, `${what} path '${this.uri}' is not a URI: it must be scheme://... without spaces `
        + `(${schemeList(code)}). Use DataPath.fromDatastore for a datastore path, or DataPath.fromLocalPath for local files.`);
    }
    checkDataUriScheme(scope, what, this.uri, code);
    return this.uri;
  }
}

/**
 * URI schemes Azure ML reads data, models and code from ("Supported paths" of the Azure ML data documentation,
 * https://learn.microsoft.com/azure/machine-learning/how-to-read-write-data-v2#paths): `azureml://` (datastores,
 * job outputs, registries), `https://` (blob URLs, public web files), `abfss://` (ADLS Gen2) and `wasbs://` (blob),
 * all over TLS. Code may also come from a Git repository (`git+https://`, as the Azure ML CLI writes it).
 */
const DATA_URI_SCHEMES = ['azureml', 'https', 'abfss', 'wasbs'];
const CODE_URI_SCHEMES = [...DATA_URI_SCHEMES, 'git+https'];

/** Why a known scheme is refused, and what to use instead. */
const REFUSED_SCHEMES: { [scheme: string]: string } = {
  'http': 'plain http:// is not encrypted; use https:// (Azure storage and most web servers serve it)',
  'wasb': 'wasb:// is the unencrypted form of the blob driver; use wasbs://',
  'abfs': 'abfs:// is the unencrypted form of the ADLS Gen2 driver; use abfss://',
  'adl': 'adl:// is Data Lake Storage Gen1, retired in February 2024; move the data to ADLS Gen2 and use abfss://',
  'git+http': 'plain git+http:// is not encrypted; use git+https://',
};

function schemeList(code: boolean): string {
  return (code ? CODE_URI_SCHEMES : DATA_URI_SCHEMES).map(s => `${s}://`).join(', ');
}

/** Refuses URI schemes Azure ML does not read (`ftp://`, `s3://`) and unencrypted ones (`http://`). */
function checkDataUriScheme(scope: Construct, what: string, uri: string, code: boolean): void {
  const scheme = uri.slice(0, uri.indexOf('://')).toLowerCase();
  const allowed = code ? CODE_URI_SCHEMES : DATA_URI_SCHEMES;
  if (allowed.includes(scheme)) return;
  const why = REFUSED_SCHEMES[scheme] ?? `Azure ML does not read ${scheme}:// URIs; copy the files to Azure storage (or register `
    + 'a datastore for them) and use its azureml:// or https:// path, or upload local files with DataPath.fromLocalPath';
  throw new ValidationError(scope, `${what} path '${uri}' has an unsupported scheme '${scheme}://': Azure ML reads ${schemeList(code)}. `
    + `Fix: ${why}.`);
}

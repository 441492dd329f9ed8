import { StorageBlob } from '@cdktf/provider-azurerm/lib/storage-blob';
import { Construct } from 'constructs';
import { readLocalContent, uploadLocalContent } from '../assets/local-upload';
import { LocalUploadOptions } from '../assets/local-upload-options';
import { displayPath } from '../core/local-path';
import { checkPattern, isResolved, ValidationError } from '../core/validation';
import { IWorkspace } from '../workspace/workspace-ref';

/** Options of any Docker build context. */
export interface BuildContextOptions {
  /**
   * Path of the Dockerfile inside the context, with `/` separators.
   * @default 'Dockerfile'
   */
  readonly dockerfilePath?: string;
}

/** Options of a build context uploaded from a local folder. */
export interface LocalBuildContextOptions extends BuildContextOptions, LocalUploadOptions {
}

/** What a bound build context gives the environment. Internal. */
export interface BoundBuildContext {
  readonly contextUri: string;
  readonly dockerfilePath: string;
  /** Blobs the environment version must wait for. */
  readonly blobs: StorageBlob[];
}

/** A Docker build context: a folder with a Dockerfile that Azure ML builds the image from. */
export class BuildContext {
  /**
   * A build context already in storage Azure ML can read, e.g. a blob folder URL
   * `https://<account>.blob.core.windows.net/<container>/<folder>/`. The version only changes when
   * the URI or the Dockerfile path changes: if the files behind the URI change, change the URI too.
   */
  public static fromUri(uri: string, options: BuildContextOptions = {}): BuildContext {
    return new BuildContext(uri, undefined, options);
  }

  /**
   * A local folder, uploaded to blob storage at `environments/<environment>/<content hash>/` (one
   * `azurerm_storage_blob` per file). Only what `docker build` would send is uploaded: the `.dockerignore` at the
   * root of the folder applies (Docker's rules: `**`, `!` exceptions), so does any `.amlignore`, `.git` is never
   * uploaded, and the Dockerfile always is. Files that look like secrets (`.env`, `*.pem`, `*.key`, `id_rsa`,
   * credentials, ...) are warned about (`AZML-UPLOAD-001`): add them to `.dockerignore`. The files are copied into the stack's Terraform directory at synth
   * (`assets/...`, as cdktf's `TerraformAsset` does), so the JSON holds only relative paths and
   * `terraform plan` works from the stack directory. Relative paths are relative to the app's working directory.
   */
  public static fromLocalDirectory(directory: string, options: LocalBuildContextOptions = {}): BuildContext {
    return new BuildContext(undefined, directory, options);
  }

  private readonly uri?: string;
  private readonly directory?: string;
  private readonly options: LocalBuildContextOptions;

  private constructor(uri: string | undefined, directory: string | undefined, options: LocalBuildContextOptions) {
    this.uri = uri;
    this.directory = directory;
    this.options = options;
  }

  /**
   * Validates the context; for a local folder, creates the asset and the blobs under `scope`.
   * @internal
   */
  public _bind(scope: Construct, environmentName: string, workspace: IWorkspace | undefined): BoundBuildContext {
    const dockerfilePath = this.options.dockerfilePath ?? 'Dockerfile';
    checkPattern(scope, 'dockerfilePath', dockerfilePath, /^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[^\\]+$/,
      'it must be a relative path inside the build context with "/" separators and no "." or ".." segments',
      'e.g. \'Dockerfile\' or \'docker/Dockerfile.gpu\'.');
    if (this.uri !== undefined) {
      if (isResolved(this.uri) && !/^(https|azureml):\/\/\S+$/.test(this.uri)) {
        throw new ValidationError(scope, `build context URI '${this.uri}' is invalid: it must be an https:// blob folder URL `
          + '(or azureml://) that Azure ML can read.');
      }
      return { contextUri: this.uri, dockerfilePath, blobs: [] };
    }
    if (!workspace) {
      throw new ValidationError(scope, `local build context '${displayPath(this.directory ?? '')}' cannot be uploaded for a registry environment: local files go to a `
        + 'workspace\'s storage account. Use BuildContext.fromUri with a context Azure ML can read, or register the environment in a workspace.');
    }
    return this.bindLocal(scope, environmentName, workspace, dockerfilePath);
  }

  private bindLocal(scope: Construct, environmentName: string, workspace: IWorkspace, dockerfilePath: string): BoundBuildContext {
    const given = this.directory ?? '';
    // As `docker build` sends it: .dockerignore (and .amlignore) honoured, .git left out, the Dockerfile always kept.
    const content = readLocalContent(scope, 'build context folder', given, 'docker', true, 'pass the folder that holds the Dockerfile.',
      [dockerfilePath]);
    const files = content.files;
    if (!files.some(f => f.relPath === dockerfilePath)) {
      throw new ValidationError(scope, `build context folder '${displayPath(given)}' has no Dockerfile at '${dockerfilePath}'`
        + ` (it holds: ${files.slice(0, 10).map(f => f.relPath).join(', ')}${files.length > 10 ? ', ...' : ''}); `
        + 'add the Dockerfile or set `dockerfilePath` to its path inside the folder.');
    }
    const upload = uploadLocalContent(scope, 'BuildContext', 'build context', content, `environments/${environmentName}`, workspace, this.options);
    return { contextUri: upload.uri, dockerfilePath, blobs: upload.blobs };
  }
}

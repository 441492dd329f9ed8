import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { StorageBlob } from '@cdktf/provider-azurerm/lib/storage-blob';
import { AssetType, TerraformAsset, Token } from 'cdktf';
import { Construct } from 'constructs';
import { NAME_RULES } from '../core/naming';
import { checkPattern, isResolved, ValidationError } from '../core/validation';
import { IStorageAccount } from '../storage/storage-account-base';
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
export interface LocalBuildContextOptions extends BuildContextOptions {
  /**
   * Storage account the files are uploaded to.
   * @default - the workspace's default storage account (`workspace.storageAccount`), which Azure ML reads
   */
  readonly storageAccount?: IStorageAccount;
  /**
   * Existing blob container the files are uploaded to.
   * @default 'azureml' (the container Azure ML keeps in its default storage account)
   */
  readonly containerName?: string;
}

/** What a bound build context gives the environment. Internal. */
export interface BoundBuildContext {
  readonly contextUri: string;
  readonly dockerfilePath: string;
  /** Blobs the environment version must wait for. */
  readonly blobs: StorageBlob[];
}

/** One file of a local build context. */
interface ContextFile {
  /** Path relative to the folder, `/`-separated. */
  readonly relPath: string;
  readonly md5: string;
  readonly sha256: string;
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
   * `azurerm_storage_blob` per file). The files are copied into the stack's Terraform directory at synth
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
  public _bind(scope: Construct, environmentName: string, workspace: IWorkspace): BoundBuildContext {
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
    return this.bindLocal(scope, environmentName, workspace, dockerfilePath);
  }

  private bindLocal(scope: Construct, environmentName: string, workspace: IWorkspace, dockerfilePath: string): BoundBuildContext {
    const given = this.directory ?? '';
    const abs = path.resolve(given);
    if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) {
      throw new ValidationError(scope, `build context folder '${given}' does not exist (resolved from the working directory `
        + `to ${abs}); pass the folder that holds the Dockerfile.`);
    }
    const files = listFiles(abs);
    if (!files.some(f => f.relPath === dockerfilePath)) {
      throw new ValidationError(scope, `build context folder '${given}' has no Dockerfile at '${dockerfilePath}'`
        + `${files.length ? ` (it holds: ${files.slice(0, 10).map(f => f.relPath).join(', ')}${files.length > 10 ? ', ...' : ''})` : ' (it is empty)'}; `
        + 'add the Dockerfile or set `dockerfilePath` to its path inside the folder.');
    }
    const storage = this.options.storageAccount ?? workspace.storageAccount;
    if (!storage) {
      throw new ValidationError(scope, 'a local build context is uploaded to the workspace\'s storage account, which is unknown for this '
        + 'workspace; import it with Workspace.fromWorkspaceAttributes({ ..., storageAccount }) or pass `storageAccount` to '
        + 'BuildContext.fromLocalDirectory.');
    }
    const containerName = this.options.containerName ?? 'azureml';
    checkPattern(scope, 'build context container name', containerName, /^(?!.*--)(?:\$root|[a-z0-9][a-z0-9-]{1,61}[a-z0-9])$/,
      `it must be ${NAME_RULES.storageContainer.description}`);

    const hash = createHash('sha256');
    for (const f of files) hash.update(`${f.relPath}\0${f.sha256}\n`);
    const contextHash = hash.digest('hex').slice(0, 16);
    const prefix = `environments/${environmentName}/${contextHash}`;

    const holder = new Construct(scope, 'BuildContext');
    const asset = new TerraformAsset(holder, 'Files', { path: abs, type: AssetType.DIRECTORY, assetHash: contextHash });
    const ids = new Set<string>();
    const blobs = files.map(f => {
      const id = `File-${f.relPath.replace(/\//g, '--')}`;
      if (ids.has(id)) {
        throw new ValidationError(scope, `build context files '${f.relPath}' and another file map to the same construct ID '${id}'; rename one.`);
      }
      ids.add(id);
      return new StorageBlob(holder, id, {
        name: `${prefix}/${f.relPath}`,
        storageAccountName: storage.storageAccountName,
        storageContainerName: containerName,
        type: 'Block',
        source: `${asset.path}/${f.relPath}`,
        contentMd5: f.md5,
        lifecycle: { createBeforeDestroy: true },
      });
    });

    // Azure ML reads the context with the workspace identity; the default storage is readable already.
    if (this.options.storageAccount && workspace.systemAssignedIdentity) {
      this.options.storageAccount.grantBlobDataReader(workspace.systemAssignedIdentity);
    }
    const endpoint = storage.primaryBlobEndpoint;
    const base = Token.isUnresolved(endpoint) || endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
    return { contextUri: `${base}${containerName}/${prefix}/`, dockerfilePath, blobs };
  }
}

/** Every regular file below `root`, sorted by relative path (deterministic across machines). */
function listFiles(root: string): ContextFile[] {
  const out: ContextFile[] = [];
  const walk = (dir: string, rel: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        walk(full, relPath);
      } else if (entry.isFile()) {
        const data = fs.readFileSync(full);
        out.push({
          relPath,
          md5: createHash('md5').update(data).digest('hex'),
          sha256: createHash('sha256').update(data).digest('hex'),
        });
      }
    }
  };
  walk(root, '');
  return out.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}

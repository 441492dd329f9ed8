import * as fs from 'fs';
import * as path from 'path';
import { StorageBlob } from '@cdktf/provider-azurerm/lib/storage-blob';
import { AssetType, TerraformAsset, Token } from 'cdktf';
import { Construct } from 'constructs';
import { filesHash, hashFile, listLocalFiles, LocalFile } from './local-files';
import { LocalUploadOptions } from './local-upload-options';
import { NAME_RULES } from '../core/naming';
import { checkPattern, ValidationError } from '../core/validation';
import { IWorkspace } from '../workspace/workspace-ref';

/** A local file or folder read at synth: its files and their hash. Internal. */
export interface LocalContent {
  /** Absolute path. */
  readonly absPath: string;
  readonly isDirectory: boolean;
  /** For a folder, every file (after ignore files); for a file, the file by its base name. */
  readonly files: LocalFile[];
  /** 16 hex characters of the SHA-256 over paths and contents. */
  readonly hash: string;
}

/** What `uploadLocalContent` created. Internal. */
export interface UploadedContent {
  /** `https://<account>.blob.../<container>/<prefix>/<hash>/`, or that plus the file name for a single file. */
  readonly uri: string;
  /** The blobs, for `depends_on`. */
  readonly blobs: StorageBlob[];
}

/**
 * Reads a local file or folder (relative paths from the working directory). `what` names it in errors,
 * e.g. `build context folder`. Throws when it is missing, or (for `folderOnly`) not a folder.
 */
export function readLocalContent(scope: Construct, what: string, given: string, honourIgnoreFiles: boolean, folderOnly: boolean,
  hint: string): LocalContent {
  const absPath = path.resolve(given ?? '');
  const exists = fs.existsSync(absPath);
  const isDirectory = exists && fs.statSync(absPath).isDirectory();
  if (!exists || (folderOnly && !isDirectory)) {
    throw new ValidationError(scope, `${what} '${given}' does not exist (resolved from the working directory `
      + `to ${absPath}); ${hint}`);
  }
  const files = isDirectory ? listLocalFiles(absPath, honourIgnoreFiles) : [hashFile(absPath, path.basename(absPath))];
  if (files.length === 0) {
    throw new ValidationError(scope, `${what} '${given}' has no files to upload${honourIgnoreFiles ? ' (after .amlignore/.gitignore)' : ''}; ${hint}`);
  }
  return { absPath, isDirectory, files, hash: filesHash(files) };
}

/**
 * Uploads local content as content-addressed blobs: one `azurerm_storage_blob` per file at
 * `<prefix>/<hash>/<path>` (created before the old ones are deleted), from a `TerraformAsset` copy of the
 * content in the stack's Terraform directory, so the JSON holds only relative paths. Constructs are
 * created below `scope` in a construct with ID `holderId`. With its own storage account, the workspace
 * identity is granted Storage Blob Data Reader on it.
 */
export function uploadLocalContent(scope: Construct, holderId: string, what: string, content: LocalContent, prefix: string,
  workspace: IWorkspace, options: LocalUploadOptions): UploadedContent {
  const storage = options.storageAccount ?? workspace.storageAccount;
  if (!storage) {
    throw new ValidationError(scope, `a local ${what} is uploaded to the workspace's storage account, which is unknown for this `
      + 'workspace; import it with Workspace.fromWorkspaceAttributes({ ..., storageAccount }) or pass `storageAccount` '
      + 'with the local path.');
  }
  const containerName = options.containerName ?? 'azureml';
  checkPattern(scope, `${what} container name`, containerName, /^(?!.*--)(?:\$root|[a-z0-9][a-z0-9-]{1,61}[a-z0-9])$/,
    `it must be ${NAME_RULES.storageContainer.description}`);
  const folder = `${prefix}/${content.hash}`;

  const holder = new Construct(scope, holderId);
  const asset = new TerraformAsset(holder, 'Files', {
    path: content.absPath,
    type: content.isDirectory ? AssetType.DIRECTORY : AssetType.FILE,
    assetHash: content.hash,
  });
  const ids = new Set<string>();
  const blobs = content.files.map(f => {
    const id = `File-${f.relPath.replace(/\//g, '--')}`;
    if (ids.has(id)) {
      throw new ValidationError(scope, `${what} files '${f.relPath}' and another file map to the same construct ID '${id}'; rename one.`);
    }
    ids.add(id);
    return new StorageBlob(holder, id, {
      name: `${folder}/${f.relPath}`,
      storageAccountName: storage.storageAccountName,
      storageContainerName: containerName,
      type: 'Block',
      source: content.isDirectory ? `${asset.path}/${f.relPath}` : asset.path,
      contentMd5: f.md5,
      lifecycle: { createBeforeDestroy: true },
    });
  });

  // Azure ML reads the files with the workspace identity; the default storage is readable already.
  if (options.storageAccount && workspace.systemAssignedIdentity) {
    options.storageAccount.grantBlobDataReader(workspace.systemAssignedIdentity);
  }
  const endpoint = storage.primaryBlobEndpoint;
  const base = Token.isUnresolved(endpoint) || endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  const folderUri = `${base}${containerName}/${folder}/`;
  return { uri: content.isDirectory ? folderUri : `${folderUri}${content.files[0].relPath}`, blobs };
}

/** Where a local path is uploaded for one asset. Internal. */
export interface LocalPathTarget {
  readonly workspace?: IWorkspace;
  /** Blob folder below the container, e.g. `models/<name>`; the content hash is appended. */
  readonly prefix: string;
  /** Whether the path is code (which may also come from a Git repository, `git+https://`). */
  readonly code?: boolean;
}

/** A bound path: the URI sent to Azure and the blobs the asset version waits for. Internal. */
export interface BoundDataPath {
  readonly uri: string;
  /** Whether the path is a local folder (for local paths; otherwise unknown). */
  readonly localFolder?: boolean;
  readonly blobs: StorageBlob[];
}

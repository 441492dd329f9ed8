import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { StorageBlob } from '@cdktf/provider-azurerm/lib/storage-blob';
import { AssetType, TerraformAsset, Token } from 'cdktf';
import { Construct } from 'constructs';
import { filesHash, hashFile, IgnoreMode, listLocalFiles, LocalFile, secretLookingFiles } from './local-files';
import { LocalUploadOptions } from './local-upload-options';
import { displayPath } from '../core/local-path';
import { NAME_RULES } from '../core/naming';
import { checkPattern, ValidationError } from '../core/validation';
import { Warnings } from '../core/warnings';
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
export function readLocalContent(scope: Construct, what: string, given: string, mode: IgnoreMode | boolean, folderOnly: boolean,
  hint: string, keep: readonly string[] = []): LocalContent {
  const ignoreMode: IgnoreMode = mode === true ? 'aml' : mode === false ? 'none' : mode;
  const absPath = path.resolve(given ?? '');
  const shown = displayPath(given);
  const exists = fs.existsSync(absPath);
  const isDirectory = exists && fs.statSync(absPath).isDirectory();
  // Messages quote the path as given: an absolute path of the synthesizing machine never appears in them.
  if (!exists) {
    throw new ValidationError(scope, `${what} '${shown}' does not exist (relative paths start at the app's working directory); ${hint}`);
  }
  if (folderOnly && !isDirectory) {
    throw new ValidationError(scope, `${what} '${shown}' is a file, not a folder; ${hint}`);
  }
  const files = isDirectory ? listLocalFiles(absPath, ignoreMode, keep) : [hashFile(absPath, path.basename(absPath))];
  const ignoreFiles = IGNORE_FILES_OF[ignoreMode];
  if (files.length === 0) {
    throw new ValidationError(scope, `${what} '${shown}' has no files to upload${ignoreFiles ? ` (after ${ignoreFiles})` : ''}; ${hint}`);
  }
  const secrets = secretLookingFiles(files);
  if (secrets.length > 0) {
    const listed = secrets.slice(0, 10).join(', ') + (secrets.length > 10 ? `, and ${secrets.length - 10} more` : '');
    Warnings.of(scope).add(SECRET_FILES_WARNING, `The ${what} '${shown}' would upload ${secrets.length} file(s) that look like `
      + `secrets: ${listed}. Uploaded files are copied into the synthesized output and readable by everyone with access to the `
      + `storage account and the workspace. Add them to ${ignoreFiles ? ignoreFiles.split(' or ')[0] : 'an ignore file'} `
      + `(or move them out of the folder)${ignoreMode === 'none' ? ', or upload a folder without them' : ''}; if they hold no `
      + `secrets, acknowledge with Warnings.of(construct).acknowledge('${SECRET_FILES_WARNING}', '<why>').`);
  }
  return { absPath, isDirectory, files, hash: filesHash(files) };
}

/** ID of the warning about files that look like secrets in a local upload. */
export const SECRET_FILES_WARNING = 'AZML-UPLOAD-001';

/** The ignore files of each mode, for messages. */
const IGNORE_FILES_OF: { [mode: string]: string | undefined } = {
  none: undefined,
  aml: '.amlignore or .gitignore',
  docker: '.dockerignore or .amlignore',
};

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
    path: content.isDirectory ? stageFiles(content) : content.absPath,
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

/**
 * A copy of the folder holding only the files to upload, for `TerraformAsset` (which copies a whole folder
 * into the synthesized output): files left out by ignore files (`.env`, `.git`, keys) never reach `cdktf.out`.
 * The copy is named by the content hash, so synthesizing again reuses it instead of leaving another copy behind.
 */
function stageFiles(content: LocalContent): string {
  const root = path.join(os.tmpdir(), 'cdktf-azureml-upload');
  const stage = path.join(root, content.hash);
  if (fs.existsSync(stage)) return stage;
  fs.mkdirSync(root, { recursive: true });
  // Written aside and renamed, so a copy cut short by a crash is never taken for a complete one.
  const partial = fs.mkdtempSync(path.join(root, `${content.hash}.partial-`));
  for (const f of content.files) {
    const target = path.join(partial, ...f.relPath.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(content.absPath, ...f.relPath.split('/')), target);
  }
  try {
    fs.renameSync(partial, stage);
  } catch (e) {
    // Another synthesis staged the same content first: keep its copy.
    fs.rmSync(partial, { recursive: true, force: true });
    if (!fs.existsSync(stage)) throw e;
  }
  return stage;
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

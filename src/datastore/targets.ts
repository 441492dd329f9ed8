import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { StorageDataLakeGen2Filesystem } from '@cdktf/provider-azurerm/lib/storage-data-lake-gen2-filesystem';
import { StorageShare } from '@cdktf/provider-azurerm/lib/storage-share';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { BoundStorageTarget, rejectGen1 } from './internal';
import { childResourceId, isResourceIdOfType } from '../core/arm-id';
import { NAME_RULES, NameRule } from '../core/naming';
import { applyRemovalPolicy, RemovalPolicy } from '../core/removal-policy';
import { checkPattern, checkRange, isResolved, ValidationError } from '../core/validation';
import { Warnings } from '../core/warnings';
import { IStorageAccount } from '../storage/storage-account-base';

/** Options for a blob container or Data Lake Gen2 file system that the datastore creates. */
export interface StorageContainerCreateOptions {
  /**
   * What happens to the container (and its data) when the datastore leaves the configuration.
   * @default RemovalPolicy.RETAIN - `prevent_destroy`: Terraform refuses to delete the data
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** Options for a file share that the datastore creates. */
export interface FileShareCreateOptions {
  /**
   * Maximum size of the share in GiB (1-102400; Premium shares bill for it and need at least 100).
   * @default 100
   */
  readonly quotaGiB?: number;
  /**
   * What happens to the share (and its data) when the datastore leaves the configuration.
   * @default RemovalPolicy.RETAIN - `prevent_destroy`: Terraform refuses to delete the data
   */
  readonly removalPolicy?: RemovalPolicy;
}

function checkChildId(scope: Construct, id: string, type: string, serviceSegment: string, what: string, example: string, fix: string): void {
  if (!isResolved(id)) return;
  rejectGen1(scope, id);
  const segments = id.split('/');
  const service = segments.findIndex(s => s.toLowerCase() === serviceSegment.toLowerCase());
  if (isResourceIdOfType(id, type) && segments[service + 1]?.toLowerCase() === 'default') return;
  const dataPlane = /^https?:\/\//i.test(id) ? ' It looks like a data-plane URL; the datastore needs the Azure Resource Manager ID.' : '';
  throw new ValidationError(scope, `'${id}' is not a ${what} ARM ID; expected ${example}.${dataPlane} ${fix}`);
}

const CONTAINER_ID_EXAMPLE = '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<account>/blobServices/default/containers/<name>';
const SHARE_ID_EXAMPLE = '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<account>/fileServices/default/shares/<name>';

function checkName(scope: Construct, rule: NameRule, name: string, what: string): void {
  checkPattern(scope, what, name, rule.pattern, `it must be ${rule.description}`,
    `Use the exact name of the ${rule.resourceType} in the storage account.`);
}

/** The ARM ID of a container resource: `id` when it is managed through ARM, else `resource_manager_id`. */
function containerArmId(container: StorageContainer | StorageShare): string {
  // Created with storage_account_id, the id is the ARM ID; with the deprecated storage_account_name
  // it is a data-plane URL and only resource_manager_id is the ARM ID.
  return container.storageAccountIdInput !== undefined ? container.id : container.resourceManagerId;
}

enum Source { ID, CONTAINER, FILESYSTEM, NAME, CREATE }

/** Binds any container-like target (blob container or ADLS Gen2 file system). */
function bindContainer(
  scope: Construct,
  what: string,
  constructId: string,
  fix: string,
  source: Source,
  value: string | undefined,
  l1: StorageContainer | StorageDataLakeGen2Filesystem | undefined,
  storageAccount: IStorageAccount | undefined,
  createOptions: StorageContainerCreateOptions | undefined,
): BoundStorageTarget {
  switch (source) {
    case Source.ID:
      checkChildId(scope, value!, 'Microsoft.Storage/storageAccounts/blobServices/containers', 'blobServices', what, CONTAINER_ID_EXAMPLE, fix);
      return { resourceId: value!, description: isResolved(value) ? `the ${what} '${value}'` : `the ${what}` };
    case Source.CONTAINER: {
      const container = l1 as StorageContainer;
      const access = container.containerAccessTypeInput;
      if (access !== undefined && isResolved(access) && access !== 'private') {
        Warnings.of(scope).add('AZML-DS-001', `The ${what} '${container.node.path}' has container_access_type '${access}': `
          + 'anyone on the internet can read it. Set container_access_type = "private" on the container.');
      }
      return { resourceId: containerArmId(container), description: `the ${what} ${container.node.path}` };
    }
    case Source.FILESYSTEM: {
      const fs = l1 as StorageDataLakeGen2Filesystem;
      // The data-plane resource's id is a URL; the ARM ID of a file system is its container ID.
      return {
        resourceId: childResourceId(childResourceId(fs.storageAccountId, 'blobServices', 'default'), 'containers', fs.name),
        description: `the ${what} ${fs.node.path}`,
      };
    }
    case Source.NAME:
    case Source.CREATE: {
      const account = storageAccount!;
      checkName(scope, NAME_RULES.storageContainer, value!, `${what} name`);
      let resourceId = childResourceId(childResourceId(account.storageAccountId, 'blobServices', 'default'), 'containers', value!);
      if (source === Source.CREATE) {
        const created = new StorageContainer(scope, constructId, {
          name: value!,
          storageAccountId: account.storageAccountId,
          containerAccessType: 'private',
        });
        applyRemovalPolicy(created, createOptions?.removalPolicy ?? RemovalPolicy.RETAIN);
        resourceId = created.id;
      }
      return { resourceId, storageAccount: account, description: `the ${what}${isResolved(value) ? ` '${value}'` : ''} of the storage account ${account.node.path}` };
    }
  }
}

/**
 * The blob container a `BlobDatastore` points at: an existing one, or one the datastore creates
 * through Azure Resource Manager (so Terraform needs no storage data-plane access).
 */
export class BlobContainerTarget {
  /**
   * An existing container by ARM ID
   * (`/subscriptions/.../storageAccounts/<account>/blobServices/default/containers/<name>`).
   * The workspace identity's role is then granted on the container itself.
   */
  public static fromContainerId(containerId: string): BlobContainerTarget {
    return new BlobContainerTarget(Source.ID, containerId);
  }

  /** An `azurerm_storage_container` managed in this app. Roles are granted on the container. */
  public static fromContainer(container: StorageContainer): BlobContainerTarget {
    return new BlobContainerTarget(Source.CONTAINER, undefined, container);
  }

  /** An existing container in a storage account, by name. Roles are granted on the account. */
  public static fromContainerName(storageAccount: IStorageAccount, containerName: string): BlobContainerTarget {
    return new BlobContainerTarget(Source.NAME, containerName, undefined, storageAccount);
  }

  /**
   * A new private container in the storage account (`azurerm_storage_container` with
   * `storage_account_id`, created through ARM). Roles are granted on the account.
   */
  public static create(storageAccount: IStorageAccount, containerName: string, options: StorageContainerCreateOptions = {}): BlobContainerTarget {
    return new BlobContainerTarget(Source.CREATE, containerName, undefined, storageAccount, options);
  }

  private constructor(
    private readonly source: Source,
    private readonly value?: string,
    private readonly container?: StorageContainer,
    private readonly storageAccount?: IStorageAccount,
    private readonly createOptions?: StorageContainerCreateOptions,
  ) {}

  /** @internal */
  public _bind(scope: Construct): BoundStorageTarget {
    return bindContainer(scope, 'blob container', 'Container',
      'Pass the container\'s ARM ID, or use BlobContainerTarget.fromContainerName(storageAccount, \'<name>\').',
      this.source, this.value, this.container, this.storageAccount, this.createOptions);
  }
}

/**
 * The file system a `DataLakeGen2Datastore` points at: an existing one, or one the datastore
 * creates through Azure Resource Manager. On an account with hierarchical namespace a blob
 * container is a file system, so file systems are addressed by their container ARM ID.
 */
export class DataLakeGen2FileSystemTarget {
  /**
   * An existing file system by ARM ID
   * (`/subscriptions/.../storageAccounts/<account>/blobServices/default/containers/<name>`).
   * The workspace identity's role is then granted on the file system itself.
   */
  public static fromFileSystemId(fileSystemId: string): DataLakeGen2FileSystemTarget {
    return new DataLakeGen2FileSystemTarget(Source.ID, fileSystemId);
  }

  /** An `azurerm_storage_container` (on an account with hierarchical namespace) managed in this app. */
  public static fromContainer(container: StorageContainer): DataLakeGen2FileSystemTarget {
    return new DataLakeGen2FileSystemTarget(Source.CONTAINER, undefined, container);
  }

  /**
   * An `azurerm_storage_data_lake_gen2_filesystem` managed in this app. (That resource works
   * through the storage data plane; prefer `create()`, which uses ARM.)
   */
  public static fromFileSystem(fileSystem: StorageDataLakeGen2Filesystem): DataLakeGen2FileSystemTarget {
    return new DataLakeGen2FileSystemTarget(Source.FILESYSTEM, undefined, fileSystem);
  }

  /** An existing file system in a storage account, by name. Roles are granted on the account. */
  public static fromFileSystemName(storageAccount: IStorageAccount, fileSystemName: string): DataLakeGen2FileSystemTarget {
    return new DataLakeGen2FileSystemTarget(Source.NAME, fileSystemName, undefined, storageAccount);
  }

  /**
   * A new file system in the storage account (a private `azurerm_storage_container` with
   * `storage_account_id`, created through ARM). Roles are granted on the account.
   */
  public static create(
    storageAccount: IStorageAccount,
    fileSystemName: string,
    options: StorageContainerCreateOptions = {},
  ): DataLakeGen2FileSystemTarget {
    return new DataLakeGen2FileSystemTarget(Source.CREATE, fileSystemName, undefined, storageAccount, options);
  }

  private constructor(
    private readonly source: Source,
    private readonly value?: string,
    private readonly l1?: StorageContainer | StorageDataLakeGen2Filesystem,
    private readonly storageAccount?: IStorageAccount,
    private readonly createOptions?: StorageContainerCreateOptions,
  ) {}

  /** @internal */
  public _bind(scope: Construct): BoundStorageTarget {
    if (this.storageAccount?.isHnsEnabled === false) {
      throw new ValidationError(scope, `the storage account ${this.storageAccount.node.path} `
        + `('${Token.isUnresolved(this.storageAccount.storageAccountName) ? '<name>' : this.storageAccount.storageAccountName}') `
        + 'has no hierarchical namespace (isHnsEnabled is false), so it is not a Data Lake Storage Gen2 account. '
        + 'Use a BlobDatastore for this account, or point at an account created with is_hns_enabled = true '
        + '(hierarchical namespace can only be chosen when the account is created).');
    }
    return bindContainer(scope, 'Data Lake Gen2 file system', 'FileSystem',
      'Pass the file system\'s container ARM ID, or use DataLakeGen2FileSystemTarget.fromFileSystemName(storageAccount, \'<name>\').',
      this.source, this.value, this.l1, this.storageAccount, this.createOptions);
  }
}

/**
 * The file share a `FileShareDatastore` points at: an existing one, or one the datastore creates
 * through Azure Resource Manager.
 */
export class FileShareTarget {
  /**
   * An existing share by ARM ID
   * (`/subscriptions/.../storageAccounts/<account>/fileServices/default/shares/<name>`).
   */
  public static fromShareId(shareId: string): FileShareTarget {
    return new FileShareTarget(Source.ID, shareId);
  }

  /** An `azurerm_storage_share` managed in this app. */
  public static fromShare(share: StorageShare): FileShareTarget {
    return new FileShareTarget(Source.CONTAINER, undefined, share);
  }

  /** An existing share in a storage account, by name. */
  public static fromShareName(storageAccount: IStorageAccount, shareName: string): FileShareTarget {
    return new FileShareTarget(Source.NAME, shareName, undefined, storageAccount);
  }

  /** A new SMB share in the storage account (`azurerm_storage_share` with `storage_account_id`, created through ARM). */
  public static create(storageAccount: IStorageAccount, shareName: string, options: FileShareCreateOptions = {}): FileShareTarget {
    return new FileShareTarget(Source.CREATE, shareName, undefined, storageAccount, options);
  }

  private constructor(
    private readonly source: Source,
    private readonly value?: string,
    private readonly share?: StorageShare,
    private readonly storageAccount?: IStorageAccount,
    private readonly createOptions?: FileShareCreateOptions,
  ) {}

  /** @internal */
  public _bind(scope: Construct): BoundStorageTarget {
    const account = this.storageAccount;
    if (account?.accountKind !== undefined && isResolved(account.accountKind)
      && ['BlobStorage', 'BlockBlobStorage'].includes(account.accountKind)) {
      throw new ValidationError(scope, `the storage account ${account.node.path} is of kind '${account.accountKind}', `
        + 'which has no file service. File shares need a StorageV2 (or FileStorage) account.');
    }
    switch (this.source) {
      case Source.ID:
        checkChildId(scope, this.value!, 'Microsoft.Storage/storageAccounts/fileServices/shares', 'fileServices', 'file share', SHARE_ID_EXAMPLE,
          'Pass the share\'s ARM ID (azurerm_storage_share.resource_manager_id), or use FileShareTarget.fromShareName(storageAccount, \'<name>\').');
        return { resourceId: this.value!, description: `the file share '${this.value}'` };
      case Source.CONTAINER:
        return { resourceId: containerArmId(this.share!), description: `the file share ${this.share!.node.path}` };
      default: {
        checkName(scope, NAME_RULES.storageShare, this.value!, 'file share name');
        if (this.source === Source.NAME) {
          return {
            resourceId: childResourceId(childResourceId(account!.storageAccountId, 'fileServices', 'default'), 'shares', this.value!),
            storageAccount: account,
            description: `the file share '${this.value}'`,
          };
        }
        const quota = this.createOptions?.quotaGiB ?? 100;
        checkRange(scope, 'file share quotaGiB', quota, 1, 102400, 'Pass a quota in GiB; Premium shares need at least 100.');
        const share = new StorageShare(scope, 'Share', {
          name: this.value!,
          storageAccountId: account!.storageAccountId,
          quota,
        });
        applyRemovalPolicy(share, this.createOptions?.removalPolicy ?? RemovalPolicy.RETAIN);
        return { resourceId: share.id, storageAccount: account, description: `the file share '${this.value}'` };
      }
    }
  }
}

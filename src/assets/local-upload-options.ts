import { IStorageAccount } from '../storage/storage-account-base';

/** Where local files are uploaded to. */
export interface LocalUploadOptions {
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

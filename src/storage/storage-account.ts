import { Construct } from 'constructs';
import { ImportedStorageAccount, IStorageAccount, StorageAccountAttributes } from './storage-account-base';

/** A storage account with secure defaults. (Constructor filled in by the Workspace issue.) */
export class StorageAccount {
  /** An existing storage account by ARM ID. */
  public static fromStorageAccountId(scope: Construct, id: string, storageAccountId: string): IStorageAccount {
    return new ImportedStorageAccount(scope, id, { storageAccountId });
  }

  /** An existing storage account with what is known of it (tier, kind, hierarchical namespace). */
  public static fromStorageAccountAttributes(scope: Construct, id: string, attrs: StorageAccountAttributes): IStorageAccount {
    return new ImportedStorageAccount(scope, id, attrs);
  }
}

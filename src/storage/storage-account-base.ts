import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct, IConstruct } from 'constructs';
import { normalizeResourceId } from '../core/arm-id';
import { BuiltInRole, grantRole, IGrantee } from '../core/grants';
import { importedName } from '../core/imported-name';
import { PrivateEndpoint, TargetPrivateEndpointOptions } from '../network/private-endpoint';
import { PrivateEndpointSubResource } from '../network/sub-resource';
import { addPrivateEndpoints } from '../network/target-endpoints';

/** A storage account: created by this library or an existing one. */
export interface IStorageAccount extends IConstruct {
  /** ARM ID of the account. */
  readonly storageAccountId: string;
  /** Name of the account. */
  readonly storageAccountName: string;
  /** Blob endpoint, e.g. `https://<name>.blob.core.windows.net/`. */
  readonly primaryBlobEndpoint: string;
  /** `Standard` or `Premium`, when known at synth time. */
  readonly accountTier?: string;
  /** Account kind (`StorageV2`, `BlobStorage`, ...), when known at synth time. */
  readonly accountKind?: string;
  /** Whether hierarchical namespace (ADLS Gen2) is on, when known at synth time. */
  readonly isHnsEnabled?: boolean;
  /**
   * Whether it accepts traffic from every network (public access on, firewall default action Allow),
   * when known at synth time. A private workspace refuses dependencies known to be open.
   */
  readonly openToAllNetworks?: boolean;
  /** Grants a role on this account. */
  grant(grantee: IGrantee, role: BuiltInRole): RoleAssignment;
  /** Grants Storage Blob Data Reader. */
  grantBlobDataReader(grantee: IGrantee): RoleAssignment;
  /** Grants Storage Blob Data Contributor. */
  grantBlobDataContributor(grantee: IGrantee): RoleAssignment;
  /** Grants Storage File Data Privileged Contributor. */
  grantFileDataPrivilegedContributor(grantee: IGrantee): RoleAssignment;
  /**
   * Adds private endpoints to this storage account, one per sub-resource (default `blob` and `file`; `dfs`, `queue`, `table`, `web` on request), with their private DNS.
   * Construct IDs are `PrivateEndpoint-<sub-resource>` under this construct.
   */
  addPrivateEndpoint(options: TargetPrivateEndpointOptions): PrivateEndpoint[];
}

/** Grant methods shared by created and imported storage accounts. */
export abstract class StorageAccountBase extends Construct implements IStorageAccount {
  public abstract readonly storageAccountId: string;
  public abstract readonly storageAccountName: string;
  public abstract readonly primaryBlobEndpoint: string;
  public abstract readonly accountTier?: string;
  public abstract readonly accountKind?: string;
  public abstract readonly isHnsEnabled?: boolean;
  public abstract readonly openToAllNetworks?: boolean;

  public grant(grantee: IGrantee, role: BuiltInRole): RoleAssignment {
    return grantRole(this, grantee, role, this.storageAccountId);
  }

  public grantBlobDataReader(grantee: IGrantee): RoleAssignment {
    return this.grant(grantee, BuiltInRole.STORAGE_BLOB_DATA_READER);
  }

  public grantBlobDataContributor(grantee: IGrantee): RoleAssignment {
    return this.grant(grantee, BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR);
  }

  public grantFileDataPrivilegedContributor(grantee: IGrantee): RoleAssignment {
    return this.grant(grantee, BuiltInRole.STORAGE_FILE_DATA_PRIVILEGED_CONTRIBUTOR);
  }

  public addPrivateEndpoint(options: TargetPrivateEndpointOptions): PrivateEndpoint[] {
    const S = PrivateEndpointSubResource;
    return addPrivateEndpoints(this, {
      what: 'storage account',
      resourceId: this.storageAccountId,
      allowed: [S.BLOB, S.FILE, S.DFS, S.QUEUE, S.TABLE, S.WEB],
      defaults: [S.BLOB, S.FILE],
    }, options);
  }
}

/** What is known of an existing storage account. */
export interface StorageAccountAttributes {
  /** ARM ID of the account. */
  readonly storageAccountId: string;
  /** `Standard` or `Premium`. @default - unknown: bring-your-own checks are skipped */
  readonly accountTier?: string;
  /** Account kind. @default - unknown */
  readonly accountKind?: string;
  /** Whether hierarchical namespace is on. @default - unknown */
  readonly isHnsEnabled?: boolean;
  /** Blob endpoint. @default - `https://<name>.blob.core.windows.net/` (Azure public cloud) */
  readonly primaryBlobEndpoint?: string;
  /**
   * Whether it accepts traffic from every network (public access on, firewall default action Allow).
   * @default - unknown: a private workspace cannot check it
   */
  readonly openToAllNetworks?: boolean;
}

/** A storage account created elsewhere. Internal: use `StorageAccount.fromStorageAccountId`. */
export class ImportedStorageAccount extends StorageAccountBase {
  public readonly storageAccountId: string;
  public readonly storageAccountName: string;
  public readonly primaryBlobEndpoint: string;
  public readonly accountTier?: string;
  public readonly accountKind?: string;
  public readonly isHnsEnabled?: boolean;
  public readonly openToAllNetworks?: boolean;

  constructor(scope: Construct, id: string, attrs: StorageAccountAttributes, storageAccountName?: string) {
    super(scope, id);
    this.openToAllNetworks = attrs.openToAllNetworks;
    const name = storageAccountName
      ?? importedName(this, attrs.storageAccountId, 'Microsoft.Storage/storageAccounts', 'storage account');
    this.storageAccountId = normalizeResourceId(attrs.storageAccountId, 'Microsoft.Storage/storageAccounts');
    this.storageAccountName = name;
    this.primaryBlobEndpoint = attrs.primaryBlobEndpoint ?? `https://${name}.blob.core.windows.net/`;
    this.accountTier = attrs.accountTier;
    this.accountKind = attrs.accountKind;
    this.isHnsEnabled = attrs.isHnsEnabled;
  }
}

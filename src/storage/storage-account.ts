import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import {
  StorageAccount as AzurermStorageAccount,
  StorageAccountBlobPropertiesCorsRule,
} from '@cdktf/provider-azurerm/lib/storage-account';
import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { warnUnlessProviderUsesAzureAd } from './provider-azuread';
import { ImportedStorageAccount, IStorageAccount, StorageAccountAttributes, StorageAccountBase } from './storage-account-base';
import { acceptLibraryExceptions } from '../checks/library-exceptions';
import { childResourceId } from '../core/arm-id';
import { addDependencies } from '../core/dependencies';
import { Duration } from '../core/duration';
import { NAME_RULES } from '../core/naming';
import { STORAGE_IP_RULES } from '../core/network-rules';
import { l1OpenToAllNetworks, protectResource, resolveFirewall, resolveLocationAndName, wholeDays } from '../core/resource-props';
import { FirewallRulesProps, StatefulResourceProps } from '../core/stateful-resource-props';
import { checkAllowedValue, ValidationError } from '../core/validation';
import { CustomerManagedKey } from '../key-vault/customer-managed-key';
import { applyCustomerManagedKey } from '../key-vault/customer-managed-key-grant';
import { addDiagnosticSetting } from '../monitoring/diagnostic-setting';
import { ILogAnalyticsWorkspace } from '../monitoring/log-analytics-workspace-base';

/**
 * How a storage account replicates its data (`account_replication_type`).
 *
 * Moving between the locally/geo family {LRS, GRS, RAGRS} and the zone family {ZRS, GZRS, RAGZRS}
 * REPLACES the account (and deletes its data); moves within a family are in place. Decide at creation.
 */
export class StorageReplication {
  /** Three copies in one datacenter. Fails the geo-redundancy checks. */
  public static readonly LRS = new StorageReplication('LRS');
  /** Three copies across availability zones in one region. Fails the geo-redundancy checks. */
  public static readonly ZRS = new StorageReplication('ZRS');
  /** LRS plus an asynchronous copy in the paired region. */
  public static readonly GRS = new StorageReplication('GRS');
  /** GRS with read access to the secondary region. */
  public static readonly RAGRS = new StorageReplication('RAGRS');
  /** ZRS plus an asynchronous copy in the paired region: zone- and geo-redundant. Needs a region with zones. */
  public static readonly GZRS = new StorageReplication('GZRS');
  /** GZRS with read access to the secondary region. */
  public static readonly RAGZRS = new StorageReplication('RAGZRS');

  /**
   * A value of `account_replication_type` by name. azurerm 4.55.0 accepts exactly the six constants above
   * (case-sensitive), so any other value fails synthesis with the list of allowed ones.
   */
  public static of(value: string): StorageReplication {
    return new StorageReplication(value);
  }

  private constructor(
    /** The `account_replication_type` value. */
    public readonly value: string,
  ) {}
}

/** The `account_replication_type` values azurerm 4.55.0 accepts (`validation.StringInSlice`, case-sensitive). */
export const STORAGE_REPLICATION_VALUES = ['LRS', 'ZRS', 'GRS', 'RAGRS', 'GZRS', 'RAGZRS'];

/**
 * Properties of a StorageAccount. `name`: 3-24 lowercase letters and digits, unique across Azure.
 * `ipRules` take public addresses only: no /31 or /32 prefix, private (RFC 1918) range or 0.0.0.0/0.
 */
export interface StorageAccountProps extends StatefulResourceProps, FirewallRulesProps {
  /**
   * Replication. `GZRS` is zone-redundant and passes the geo-redundancy checks (CKV_AZURE_206,
   * AVD-AZU-0058); in a region without availability zones use `RAGRS`. Switching between
   * {LRS, GRS, RAGRS} and {ZRS, GZRS, RAGZRS} replaces the account.
   * @default StorageReplication.GZRS
   */
  readonly replication?: StorageReplication;
  /**
   * Accept traffic from public networks. When `false`, only private endpoints get through; clients
   * (SDK uploads, studio data preview) then need a private endpoint in their network.
   * @default false
   */
  readonly publicNetworkAccessEnabled?: boolean;
  /**
   * Allow account-key (shared key) and SAS authorization. Azure ML's default datastores use the
   * account key unless the workspace uses identity-based system datastores. When `true`, a
   * `sas_policy` limits SAS tokens to 4 hours (expiration action `Log`).
   * @default false
   */
  readonly sharedAccessKeyEnabled?: boolean;
  /**
   * Hierarchical namespace (ADLS Gen2). ForceNew. Not allowed for a workspace's default storage.
   * @default false
   */
  readonly hierarchicalNamespace?: boolean;
  /**
   * Emit the CORS rules Azure ML writes on the blob and file services (for studio), so Terraform
   * plans do not show drift after the workspace is created. Set by `Workspace` for its storage.
   * @default false
   */
  readonly azureMlCorsRules?: boolean;
  /**
   * Soft-delete retention for blobs, containers and file shares: whole days from 1 to 365.
   * @default Duration.days(30)
   */
  readonly blobSoftDeleteRetention?: Duration;
  /**
   * Blob versioning (every overwrite keeps the previous version; costs storage). Not available
   * with hierarchical namespace.
   * @default false
   */
  readonly versioning?: boolean;
  /**
   * Encrypt the account with a customer-managed key (`customer_managed_key`) reached through a user-assigned
   * identity (attached as `identity { type = "UserAssigned" }`). The identity is granted Key Vault Crypto
   * Service Encryption User on the vault before the account is created. Can be added to an existing account
   * in place. Covers blobs and files; queues and tables keep Microsoft-managed keys.
   * @default - Microsoft-managed keys
   */
  readonly customerManagedKey?: CustomerManagedKey;
}

/** Origins of Azure ML studio and AI Foundry. */
const AZURE_ML_CORS_RULE: StorageAccountBlobPropertiesCorsRule = {
  allowedHeaders: ['*'],
  allowedMethods: ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'POST', 'PATCH'],
  allowedOrigins: ['https://mlworkspace.azure.ai', 'https://ml.azure.com', 'https://*.ml.azure.com', 'https://ai.azure.com', 'https://*.ai.azure.com'],
  exposedHeaders: ['*'],
  maxAgeInSeconds: 1800,
};

/**
 * A general-purpose v2 storage account (`azurerm_storage_account`) with secure defaults:
 * no public network access, Entra ID only (no shared key), TLS 1.2, infrastructure encryption,
 * GZRS, 30-day soft delete for blobs, containers and file shares.
 */
export class StorageAccount extends StorageAccountBase {
  /** An existing storage account by ARM ID. */
  public static fromStorageAccountId(scope: Construct, id: string, storageAccountId: string): IStorageAccount {
    return new ImportedStorageAccount(scope, id, { storageAccountId });
  }

  /** An existing storage account with what is known of it (tier, kind, hierarchical namespace). */
  public static fromStorageAccountAttributes(scope: Construct, id: string, attrs: StorageAccountAttributes): IStorageAccount {
    return new ImportedStorageAccount(scope, id, attrs);
  }

  /** An `azurerm_storage_account` managed elsewhere in this app; its tier, kind and namespace are read from its configuration. */
  public static fromResource(scope: Construct, id: string, resource: AzurermStorageAccount): IStorageAccount {
    const known = <T>(v: T | undefined): T | undefined => (v === undefined || Token.isUnresolved(v) ? undefined : v);
    const hns = resource.isHnsEnabledInput;
    return new ImportedStorageAccount(scope, id, {
      storageAccountId: resource.id,
      accountTier: known(resource.accountTierInput),
      // Provider defaults: account_kind StorageV2, is_hns_enabled false.
      accountKind: resource.accountKindInput === undefined ? 'StorageV2' : known(resource.accountKindInput),
      isHnsEnabled: hns === undefined ? false : (typeof hns === 'boolean' ? hns : undefined),
      primaryBlobEndpoint: resource.primaryBlobEndpoint,
      openToAllNetworks: l1OpenToAllNetworks(resource.publicNetworkAccessEnabledInput, resource.networkRulesInput),
    }, resource.name);
  }

  // L1 attributes are read on first use and kept: every read of one makes a new token
  // (with a captured stack trace), and most are never read.
  public get storageAccountId(): string {
    return (this._storageAccountId ??= this.resource.id);
  }
  private _storageAccountId?: string;
  public get storageAccountName(): string {
    return (this._storageAccountName ??= this.resource.name);
  }
  private _storageAccountName?: string;
  public get primaryBlobEndpoint(): string {
    return (this._primaryBlobEndpoint ??= this.resource.primaryBlobEndpoint);
  }
  private _primaryBlobEndpoint?: string;
  public readonly accountTier?: string;
  public readonly accountKind?: string;
  public readonly isHnsEnabled?: boolean;
  /** The `azurerm_storage_account` resource (escape hatch). */
  public readonly openToAllNetworks?: boolean;
  public readonly resource: AzurermStorageAccount;

  constructor(scope: Construct, id: string, props: StorageAccountProps) {
    super(scope, id);
    const { location, name } = resolveLocationAndName(this, props, NAME_RULES.storageAccount);
    const replication = (props.replication ?? StorageReplication.GZRS).value;
    checkAllowedValue(this, 'storage replication', replication, STORAGE_REPLICATION_VALUES,
      'azurerm 4.55.0 (account_replication_type)', 'Use a StorageReplication constant, e.g. StorageReplication.GZRS.');
    const retentionDays = wholeDays(this, 'blobSoftDeleteRetention', props.blobSoftDeleteRetention ?? Duration.days(30), 1, 365);
    const hns = props.hierarchicalNamespace ?? false;
    const versioning = props.versioning ?? false;
    if (hns && versioning) {
      throw new ValidationError(this, 'versioning cannot be enabled on an account with hierarchicalNamespace (Azure does not '
        + 'support blob versioning with ADLS Gen2). Drop one of the two.');
    }

    const publicAccess = props.publicNetworkAccessEnabled ?? false;
    const firewall = resolveFirewall(this, publicAccess, props, {
      rulesName: 'ipRules/virtualNetworkSubnetIds',
      openWarningId: 'AZML-ST-001',
      ipRulePolicy: STORAGE_IP_RULES,
      openWarning: 'The storage account accepts traffic from any network (network_rules default_action '
        + 'Allow; Entra ID authorization still applies). To close it, pass ipRules or virtualNetworkSubnetIds, or set '
        + 'publicNetworkAccessEnabled: false and add private endpoints for blob and file.',
    });
    this.openToAllNetworks = publicAccess && firewall.defaultAction === 'Allow';

    const sharedKey = props.sharedAccessKeyEnabled ?? false;
    const cmk = props.customerManagedKey;
    if (cmk) applyCustomerManagedKey(this, cmk, 'storage account');
    const cors = props.azureMlCorsRules ? [AZURE_ML_CORS_RULE] : undefined;

    this.resource = new AzurermStorageAccount(this, 'Resource', {
      name,
      location,
      resourceGroupName: props.resourceGroup.name,
      accountKind: 'StorageV2',
      accountTier: 'Standard',
      accountReplicationType: replication,
      accessTier: 'Hot',
      isHnsEnabled: hns,
      nfsv3Enabled: false,
      sftpEnabled: false,
      localUserEnabled: false,
      httpsTrafficOnlyEnabled: true,
      minTlsVersion: 'TLS1_2',
      allowNestedItemsToBePublic: false,
      publicNetworkAccessEnabled: publicAccess,
      sharedAccessKeyEnabled: sharedKey,
      // A 4-hour SAS expiration policy as the compensating control when keys stay enabled (CKV2_AZURE_41).
      sasPolicy: sharedKey ? { expirationPeriod: '00.04:00:00', expirationAction: 'Log' } : undefined,
      defaultToOauthAuthentication: true,
      crossTenantReplicationEnabled: false,
      // ForceNew: flipping it later destroys the account, so it is always emitted.
      infrastructureEncryptionEnabled: true,
      networkRules: {
        defaultAction: firewall.defaultAction,
        bypass: ['AzureServices'],
        ipRules: firewall.ipRules,
        virtualNetworkSubnetIds: firewall.virtualNetworkSubnetIds,
      },
      blobProperties: {
        versioningEnabled: versioning,
        deleteRetentionPolicy: { days: retentionDays },
        containerDeleteRetentionPolicy: { days: retentionDays },
        corsRule: cors,
      },
      // Emitted always: a share_properties block without retention_policy would turn file-share soft delete off.
      shareProperties: {
        retentionPolicy: { days: retentionDays },
        corsRule: cors,
      },
      identity: cmk ? { type: 'UserAssigned', identityIds: [cmk.identity.identityId] } : undefined,
      customerManagedKey: cmk ? { keyVaultKeyId: cmk.keyId, userAssignedIdentityId: cmk.identity.identityId } : undefined,
      tags: props.tags,
    });
    protectResource(this, this.resource, props, NAME_RULES.storageAccount);
    acceptLibraryExceptions(this, ...(cmk ? [] : ['AZML-SEC-029']), 'AZML-SEC-033', ...(versioning ? [] : ['AZML-SEC-035']));
    if (!sharedKey) warnUnlessProviderUsesAzureAd(this, this.resource);

    this.accountTier = 'Standard';
    this.accountKind = 'StorageV2';
    this.isHnsEnabled = hns;
  }

  /**
   * Orders this construct after other resources: every Terraform resource it emits (including ones added to it
   * later) gets `depends_on` on each dependable. Use it when Terraform cannot see the order from references, e.g. a
   * role assignment or a private endpoint that must exist first. Data sources are not delayed.
   * @param dependables Terraform resources, data sources or modules, or constructs (then every resource they emit),
   * in the same stack
   */
  public addDependency(...dependables: IConstruct[]): void {
    addDependencies(this, dependables);
  }

  /**
   * Sends metrics of the account and logs (`allLogs`) and metrics of its blob, file, queue and
   * table services to a Log Analytics workspace. This replaces the data-plane `queue_properties.logging`
   * (CKV_AZURE_33 / AVD-AZU-0057). Call it once per account.
   */
  public addDiagnosticSettings(logAnalytics: ILogAnalyticsWorkspace): MonitorDiagnosticSetting[] {
    if (this.node.tryFindChild('Diagnostics')) {
      throw new ValidationError(this, 'addDiagnosticSettings() was already called for this storage account; call it once.');
    }
    const law = logAnalytics.logAnalyticsWorkspaceId;
    // The account itself has no log categories; its logs live on the service sub-resources.
    const settings = [addDiagnosticSetting(this, 'Diagnostics', this.storageAccountId, law, { logs: false, metricCategory: 'Transaction' })];
    for (const [service, idPart] of [['Blob', 'blobServices'], ['File', 'fileServices'], ['Queue', 'queueServices'], ['Table', 'tableServices']]) {
      settings.push(addDiagnosticSetting(this, `${service}Diagnostics`, childResourceId(this.storageAccountId, idPart, 'default'), law,
        { metricCategory: 'Transaction' }));
    }
    return settings;
  }
}

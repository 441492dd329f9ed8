import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { KeyVault as AzurermKeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { ImportedKeyVault, IKeyVault, KeyVaultAttributes, KeyVaultBase } from './key-vault-base';
import { Duration } from '../core/duration';
import { resolvePhysicalName, NAME_RULES } from '../core/naming';
import { addDeleteLock, applyRemovalPolicy, RemovalPolicy } from '../core/removal-policy';
import { IResourceGroup } from '../core/resource-group';
import { resolveLocation, wholeDays } from '../core/resource-props';
import { ValidationError } from '../core/validation';
import { addDiagnosticSetting } from '../monitoring/diagnostic-setting';
import { ILogAnalyticsWorkspace } from '../monitoring/log-analytics-workspace-base';

/** Pricing tier of a key vault. */
export enum KeyVaultSku {
  /** Software-protected keys. Enough for secrets and RSA/EC keys. */
  STANDARD = 'standard',
  /** Adds HSM-protected keys (`RSA-HSM`, `EC-HSM`), e.g. for customer-managed keys under CKV_AZURE_112. */
  PREMIUM = 'premium',
}

/** Properties of a KeyVault. */
export interface KeyVaultProps {
  /** Resource group to deploy into. */
  readonly resourceGroup: IResourceGroup;
  /**
   * Azure region.
   * @default - the resource group's location; a ValidationError asks for `location` when it is unknown
   */
  readonly location?: string;
  /**
   * Name: 3-24 letters, digits and hyphens, starting with a letter, ending with a letter or digit,
   * no `--`; unique across Azure. ForceNew; with purge protection a deleted vault keeps its name
   * reserved for the soft-delete retention period.
   * @default - generated from the construct path
   */
  readonly name?: string;
  /**
   * Tags.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * Entra ID tenant that authenticates requests to the vault.
   * @default - the tenant of the credentials Terraform runs with (an `azurerm_client_config` data source, child `ClientConfig`)
   */
  readonly tenantId?: string;
  /**
   * Pricing tier.
   * @default KeyVaultSku.STANDARD
   */
  readonly sku?: KeyVaultSku;
  /**
   * Accept data-plane traffic from public networks. When `false`, only private endpoints and
   * trusted Microsoft services get through (ARM: "all traffic except private endpoint traffic and
   * that that originates from trusted services will be blocked"). Azure ML reaches its vault as a
   * trusted service, so even a workspace with public access works with a closed vault; people and
   * CI runners that read secrets directly need a private endpoint, or `true` with `ipRules`.
   * @default false
   */
  readonly publicNetworkAccessEnabled?: boolean;
  /**
   * Public IPv4 addresses or CIDR ranges allowed through the firewall. Requires
   * `publicNetworkAccessEnabled: true` (with public access disabled, Azure ignores them).
   * @default - none
   */
  readonly ipRules?: string[];
  /**
   * Subnets (service endpoint `Microsoft.KeyVault`) allowed through the firewall. Requires
   * `publicNetworkAccessEnabled: true`.
   * @default - none
   */
  readonly virtualNetworkSubnetIds?: string[];
  /**
   * How long deleted vaults, keys and secrets stay recoverable: whole days from 7 to 90.
   * It cannot be changed after the vault is created.
   * @default Duration.days(90)
   */
  readonly softDeleteRetention?: Duration;
  /**
   * `RETAIN` sets `prevent_destroy`, so Terraform refuses to delete the vault.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Add a `CanNotDelete` management lock (holds also outside Terraform).
   * @default false
   */
  readonly deleteLock?: boolean;
}

/**
 * A key vault (`azurerm_key_vault`) with secure defaults: RBAC authorization, purge protection,
 * 90-day soft delete, firewall closed to public networks except trusted Azure services (Azure ML).
 */
export class KeyVault extends KeyVaultBase {
  /** An existing vault by ARM ID. */
  public static fromKeyVaultId(scope: Construct, id: string, keyVaultId: string): IKeyVault {
    return new ImportedKeyVault(scope, id, { keyVaultId });
  }

  /** An existing vault with what is known of it (purge protection). */
  public static fromKeyVaultAttributes(scope: Construct, id: string, attrs: KeyVaultAttributes): IKeyVault {
    return new ImportedKeyVault(scope, id, attrs);
  }

  /** An `azurerm_key_vault` managed elsewhere in this app. */
  public static fromResource(scope: Construct, id: string, resource: AzurermKeyVault): IKeyVault {
    const purge = resource.purgeProtectionEnabledInput;
    return new ImportedKeyVault(scope, id, {
      keyVaultId: resource.id,
      purgeProtectionEnabled: typeof purge === 'boolean' ? purge : undefined,
    }, resource.name);
  }

  public readonly keyVaultId: string;
  public readonly keyVaultName: string;
  /** Always true: purge protection is on and cannot be turned off. */
  public readonly purgeProtectionEnabled?: boolean;
  /** The `azurerm_key_vault` resource (escape hatch). */
  public readonly resource: AzurermKeyVault;

  constructor(scope: Construct, id: string, props: KeyVaultProps) {
    super(scope, id);
    const location = resolveLocation(this, props.resourceGroup, props.location, 'key vault');
    const name = resolvePhysicalName(this, NAME_RULES.keyVault, props.name);
    const retentionDays = wholeDays(this, 'key vault soft-delete retention', props.softDeleteRetention ?? Duration.days(90), 7, 90);
    const publicAccess = props.publicNetworkAccessEnabled ?? false;
    const ipRules = props.ipRules ?? [];
    const subnetIds = props.virtualNetworkSubnetIds ?? [];
    const hasRules = ipRules.length > 0 || subnetIds.length > 0;
    if (hasRules && !publicAccess) {
      throw new ValidationError(this, 'ipRules/virtualNetworkSubnetIds were given but public network access is disabled, '
        + 'so Azure would ignore them. Pass publicNetworkAccessEnabled: true to allow only those networks, or drop the rules '
        + 'and use a private endpoint.');
    }
    if (publicAccess && !hasRules) {
      Annotations.of(this).addWarning('The key vault accepts data-plane traffic from any network (network_acls default_action '
        + 'Allow). To close it, pass ipRules or virtualNetworkSubnetIds, or set publicNetworkAccessEnabled: false and use a '
        + 'private endpoint (Azure ML still gets through as a trusted service).');
    }

    const tenantId = props.tenantId ?? new DataAzurermClientConfig(this, 'ClientConfig').tenantId;

    this.resource = new AzurermKeyVault(this, 'Resource', {
      name,
      location,
      resourceGroupName: props.resourceGroup.name,
      tenantId,
      skuName: props.sku ?? KeyVaultSku.STANDARD,
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: retentionDays,
      publicNetworkAccessEnabled: publicAccess,
      networkAcls: {
        defaultAction: publicAccess && !hasRules ? 'Allow' : 'Deny',
        bypass: 'AzureServices',
        ipRules,
        virtualNetworkSubnetIds: subnetIds,
      },
      enabledForDeployment: false,
      enabledForDiskEncryption: false,
      enabledForTemplateDeployment: false,
      tags: props.tags,
    });
    applyRemovalPolicy(this.resource, props.removalPolicy);
    if (props.deleteLock) addDeleteLock(this, 'DeleteLock', this.resource.id, 'key vault');
    this.node.defaultChild = this.resource;

    this.keyVaultId = this.resource.id;
    this.keyVaultName = this.resource.name;
    this.purgeProtectionEnabled = true;
  }

  /**
   * Sends the vault's audit logs (category group `allLogs`) and metrics to a Log Analytics
   * workspace (Azure Policy cf820ca0). Call it once per vault.
   */
  public addDiagnosticSettings(logAnalytics: ILogAnalyticsWorkspace): MonitorDiagnosticSetting {
    if (this.node.tryFindChild('Diagnostics')) {
      throw new ValidationError(this, 'addDiagnosticSettings() was already called for this key vault; call it once.');
    }
    return addDiagnosticSetting(this, 'Diagnostics', this.keyVaultId, logAnalytics.logAnalyticsWorkspaceId);
  }
}

import { KeyVault as AzurermKeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { Construct, IConstruct } from 'constructs';
import { ImportedKeyVault, IKeyVault, KeyVaultAttributes, KeyVaultBase } from './key-vault-base';
import { clientConfigOf } from '../core/client-config';
import { addDependencies } from '../core/dependencies';
import { Duration } from '../core/duration';
import { NAME_RULES } from '../core/naming';
import { KEY_VAULT_IP_RULES } from '../core/network-rules';
import { l1OpenToAllNetworks, protectResource, resolveFirewall, resolveLocationAndName, wholeDays } from '../core/resource-props';
import { FirewallRulesProps, StatefulResourceProps } from '../core/stateful-resource-props';
import { checkAllowedValue, checkGuid, ValidationError } from '../core/validation';
import { addDiagnosticSetting } from '../monitoring/diagnostic-setting';
import { ILogAnalyticsWorkspace } from '../monitoring/log-analytics-workspace-base';

/** Pricing tier of a key vault. */
export enum KeyVaultSku {
  /** Software-protected keys. Enough for secrets and RSA/EC keys. */
  STANDARD = 'standard',
  /** Adds HSM-protected keys (`RSA-HSM`, `EC-HSM`), e.g. for customer-managed keys under CKV_AZURE_112. */
  PREMIUM = 'premium',
}

/**
 * Properties of a KeyVault. `name`: 3-24 letters, digits and hyphens, starting with a letter, ending
 * with a letter or digit, no `--`; unique across Azure. With purge protection a deleted vault keeps
 * its name reserved for the soft-delete retention period.
 */
export interface KeyVaultProps extends StatefulResourceProps, FirewallRulesProps {
  /**
   * Entra ID tenant that authenticates requests to the vault.
   * @default - the tenant of the credentials Terraform runs with (the stack's `azurerm_client_config` data source)
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
   * How long deleted vaults, keys and secrets stay recoverable: whole days from 7 to 90.
   * It cannot be changed after the vault is created: Azure refuses the in-place update, so a later change fails at apply.
   * @default Duration.days(90)
   */
  readonly softDeleteRetention?: Duration;
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
      // Judged with the provider's default: an L1 without purge_protection_enabled has it off.
      purgeProtectionEnabled: purge === undefined ? false : (typeof purge === 'boolean' ? purge : undefined),
      openToAllNetworks: l1OpenToAllNetworks(resource.publicNetworkAccessEnabledInput, resource.networkAclsInput),
    }, resource.name);
  }

  // L1 attributes are read on first use and kept: every read of one makes a new token
  // (with a captured stack trace), and most are never read.
  public get keyVaultId(): string {
    return (this._keyVaultId ??= this.resource.id);
  }
  private _keyVaultId?: string;
  public get keyVaultName(): string {
    return (this._keyVaultName ??= this.resource.name);
  }
  private _keyVaultName?: string;
  /** Always true: purge protection is on and cannot be turned off. */
  public readonly purgeProtectionEnabled?: boolean;
  /** The `azurerm_key_vault` resource (escape hatch). */
  public readonly openToAllNetworks?: boolean;
  public readonly resource: AzurermKeyVault;

  constructor(scope: Construct, id: string, props: KeyVaultProps) {
    super(scope, id);
    const { location, name } = resolveLocationAndName(this, props, NAME_RULES.keyVault);
    const retentionDays = wholeDays(this, 'key vault soft-delete retention', props.softDeleteRetention ?? Duration.days(90), 7, 90,
      'It cannot be changed after the vault is created (Azure refuses the in-place update), so choose it now.');
    const publicAccess = props.publicNetworkAccessEnabled ?? false;
    const firewall = resolveFirewall(this, publicAccess, props, {
      rulesName: 'ipRules/virtualNetworkSubnetIds',
      openWarningId: 'AZML-KV-001',
      ipRulePolicy: KEY_VAULT_IP_RULES,
      openWarning: 'The key vault accepts data-plane traffic from any network (network_acls default_action '
        + 'Allow). To close it, pass ipRules or virtualNetworkSubnetIds, or set publicNetworkAccessEnabled: false and use a '
        + 'private endpoint (Azure ML still gets through as a trusted service).',
    });
    this.openToAllNetworks = publicAccess && firewall.defaultAction === 'Allow';

    checkGuid(this, 'tenantId', props.tenantId, 'Pass the Entra ID tenant ID (az account show --query tenantId), or leave it out to use the deployer\'s tenant.');
    const tenantId = props.tenantId ?? clientConfigOf(this).tenantId;

    this.resource = new AzurermKeyVault(this, 'Resource', {
      name,
      location,
      resourceGroupName: props.resourceGroup.name,
      tenantId,
      skuName: this.checkedSku(props.sku ?? KeyVaultSku.STANDARD),
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: retentionDays,
      publicNetworkAccessEnabled: publicAccess,
      networkAcls: {
        defaultAction: firewall.defaultAction,
        bypass: 'AzureServices',
        ipRules: firewall.ipRules,
        virtualNetworkSubnetIds: firewall.virtualNetworkSubnetIds,
      },
      enabledForDeployment: false,
      enabledForDiskEncryption: false,
      enabledForTemplateDeployment: false,
      tags: props.tags,
    });
    protectResource(this, this.resource, props, NAME_RULES.keyVault);

    this.purgeProtectionEnabled = true;
  }

  private checkedSku(sku: KeyVaultSku): string {
    checkAllowedValue(this, 'sku', sku, Object.values(KeyVaultSku), 'azurerm 4.55.0 (sku_name)', 'Use KeyVaultSku.STANDARD or KeyVaultSku.PREMIUM.');
    return sku;
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

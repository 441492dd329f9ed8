import { ContainerRegistry as AzurermContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { Fn, Op, TerraformIterator, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ContainerRegistryAttributes, ContainerRegistryBase, IContainerRegistry, ImportedContainerRegistry } from './container-registry-base';
import { acceptLibraryExceptions } from '../checks/library-exceptions';
import { addDependencies } from '../core/dependencies';
import { Duration } from '../core/duration';
import { NAME_RULES } from '../core/naming';
import { CONTAINER_REGISTRY_IP_RULES } from '../core/network-rules';
import { l1OpenToAllNetworks, protectResource, resolveFirewall, resolveLocationAndName, wholeDays } from '../core/resource-props';
import { StatefulResourceProps } from '../core/stateful-resource-props';
import { checkAllowedValue, isResolved, ValidationError } from '../core/validation';
import { Warnings } from '../core/warnings';
import { CustomerManagedKey } from '../key-vault/customer-managed-key';
import { applyCustomerManagedKey } from '../key-vault/customer-managed-key-grant';
import { addDiagnosticSetting } from '../monitoring/diagnostic-setting';
import { ILogAnalyticsWorkspace } from '../monitoring/log-analytics-workspace-base';

/** Service tier of a container registry. */
export class ContainerRegistrySku {
  /** Basic: no network restrictions, retention or zone redundancy. Public access must stay on. */
  public static readonly BASIC = new ContainerRegistrySku('Basic');
  /** Standard: like Basic with more storage and throughput. Public access must stay on. */
  public static readonly STANDARD = new ContainerRegistrySku('Standard');
  /** Premium: private endpoints, firewall rules, export policy, retention, zone redundancy. */
  public static readonly PREMIUM = new ContainerRegistrySku('Premium');

  /** A `sku` value by name; azurerm 4.55.0 accepts only `Basic`, `Standard` and `Premium` (case-sensitive). */
  public static of(value: string): ContainerRegistrySku {
    return new ContainerRegistrySku(value);
  }

  private constructor(
    /** The `sku` value. */
    public readonly value: string,
  ) {}
}

/** Properties of a ContainerRegistry. `name`: 5-50 letters and digits, unique across Azure. */
export interface ContainerRegistryProps extends StatefulResourceProps {
  /**
   * Service tier. Only Premium can disable public access, so other tiers need
   * `publicNetworkAccessEnabled: true`.
   * @default ContainerRegistrySku.PREMIUM
   */
  readonly sku?: ContainerRegistrySku;
  /**
   * Accept traffic from public networks. When `false`, only private endpoints and trusted Azure
   * services (Azure ML among them) get through, and image export is disabled.
   * @default false
   */
  readonly publicNetworkAccessEnabled?: boolean;
  /**
   * Public IPv4 addresses or CIDR ranges allowed through the registry firewall (Premium). Requires
   * `publicNetworkAccessEnabled: true`.
   * @default - none
   */
  readonly ipRules?: string[];
  /**
   * Zone redundancy (Premium). ForceNew: it can only be chosen when the registry is created, and
   * only in regions with availability zones, so it is opt-in (CKV_AZURE_233 then passes).
   * @default false
   */
  readonly zoneRedundancy?: boolean;
  /**
   * How long untagged manifests are kept before they are deleted (Premium): whole days from 0
   * (delete at once) to 365.
   * @default Duration.days(7)
   */
  readonly retention?: Duration;
  /**
   * Encrypt the registry with a customer-managed key (`encryption`, Premium only) reached through a
   * user-assigned identity (attached as `identity { type = "UserAssigned" }`; it needs a known `clientId`).
   * The identity is granted Key Vault Crypto Service Encryption User on the vault before the registry is
   * created. Decide at creation: Azure can enable it only when the registry is created (adding it later fails
   * at apply) and never disable it. At creation the vault must let the registry's identity through (a Key
   * Vault firewall admits the registry only through its system-assigned identity as a trusted service).
   * @default - Microsoft-managed keys
   */
  readonly customerManagedKey?: CustomerManagedKey;
}

/**
 * A container registry (`azurerm_container_registry`) for Azure ML environment images: Premium,
 * no admin user, no anonymous pull, no public network access, export disabled.
 */
export class ContainerRegistry extends ContainerRegistryBase {
  /** An existing registry by ARM ID. */
  public static fromContainerRegistryId(scope: Construct, id: string, containerRegistryId: string): IContainerRegistry {
    return new ImportedContainerRegistry(scope, id, { containerRegistryId });
  }

  /** An existing registry with its login server. */
  public static fromContainerRegistryAttributes(scope: Construct, id: string, attrs: ContainerRegistryAttributes): IContainerRegistry {
    return new ImportedContainerRegistry(scope, id, attrs);
  }

  /** An `azurerm_container_registry` managed elsewhere in this app. */
  public static fromResource(scope: Construct, id: string, resource: AzurermContainerRegistry): IContainerRegistry {
    return new ImportedContainerRegistry(scope, id, {
      containerRegistryId: resource.id,
      loginServer: resource.loginServer,
      openToAllNetworks: l1OpenToAllNetworks(resource.publicNetworkAccessEnabledInput, resource.networkRuleSetInput),
      sku: resource.skuInput,
    }, resource.name);
  }

  // L1 attributes are read on first use and kept: every read of one makes a new token
  // (with a captured stack trace), and most are never read.
  public get containerRegistryId(): string {
    return (this._containerRegistryId ??= this.resource.id);
  }
  private _containerRegistryId?: string;
  public get containerRegistryName(): string {
    return (this._containerRegistryName ??= this.resource.name);
  }
  private _containerRegistryName?: string;
  public get loginServer(): string {
    return (this._loginServer ??= this.resource.loginServer);
  }
  private _loginServer?: string;
  /** The `azurerm_container_registry` resource (escape hatch). */
  public readonly openToAllNetworks?: boolean;
  public readonly sku?: string;
  public readonly resource: AzurermContainerRegistry;

  constructor(scope: Construct, id: string, props: ContainerRegistryProps) {
    super(scope, id);
    const { location, name } = resolveLocationAndName(this, props, NAME_RULES.containerRegistry);
    const sku = (props.sku ?? ContainerRegistrySku.PREMIUM).value;
    // A sku from a Terraform reference is not guessed at: the Premium-only settings become conditionals.
    const skuKnown = isResolved(sku);
    const premium = sku === 'Premium';
    this.sku = sku;
    const publicAccess = props.publicNetworkAccessEnabled ?? false;
    const zoneRedundancy = props.zoneRedundancy ?? false;
    checkAllowedValue(this, 'container registry sku', sku, ['Basic', 'Standard', 'Premium'], 'azurerm 4.55.0 (sku)',
      'Use a ContainerRegistrySku constant, e.g. ContainerRegistrySku.PREMIUM.');

    if (skuKnown && !premium) {
      const premiumOnly = [
        (props.ipRules ?? []).length > 0 ? 'ipRules' : undefined,
        zoneRedundancy ? 'zoneRedundancy' : undefined,
        props.retention ? 'retention' : undefined,
        !publicAccess ? 'disabling public network access (the default)' : undefined,
      ].filter(x => x !== undefined);
      if (premiumOnly.length > 0) {
        throw new ValidationError(this, `container registry sku '${sku}' does not support ${premiumOnly.join(', ')}; `
          + 'these need ContainerRegistrySku.PREMIUM (the default): use Premium. Only if you accept a registry open to all '
          + 'networks, keep this sku and pass publicNetworkAccessEnabled: true without ipRules.');
      }
    }
    const cmk = props.customerManagedKey;
    if (cmk) this.useCustomerManagedKey(cmk, skuKnown && !premium ? sku : undefined);
    const firewall = resolveFirewall(this, publicAccess, { ipRules: props.ipRules }, {
      rulesName: 'ipRules',
      openWarningId: 'AZML-ACR-001',
      ipRulePolicy: CONTAINER_REGISTRY_IP_RULES,
      openWarning: 'The container registry accepts traffic from any network (Entra ID authentication still '
        + 'applies) and allows image export. To close it, pass ipRules (Premium), or set publicNetworkAccessEnabled: false and '
        + 'add a private endpoint (Azure ML still gets through as a trusted service).',
    });
    this.openToAllNetworks = publicAccess && firewall.defaultAction === 'Allow';
    const retentionDays = premium || !skuKnown
      ? wholeDays(this, 'container registry retention', props.retention ?? Duration.days(7), 0, 365) : undefined;
    // A list of rules from a Terraform reference becomes a `for` expression.
    const ipRule = Token.isUnresolved(firewall.ipRules)
      ? TerraformIterator.fromList(firewall.ipRules).forExpressionForList('{ action = "Allow", ip_range = val }')
      : firewall.ipRules.map(ipRange => ({ action: 'Allow', ipRange }));
    const networkRuleSet: any = skuKnown
      ? [{ defaultAction: firewall.defaultAction, ipRule }]
      // Inside a Terraform conditional the L1 does not rename keys: snake_case as in the provider schema.
      : [{ default_action: firewall.defaultAction, ip_rule: Token.isUnresolved(ipRule) ? ipRule : firewall.ipRules.map(r => ({ action: 'Allow', ip_range: r })) }];
    const whenPremium = <T>(value: T, otherwise: T | undefined): any => (skuKnown
      ? (premium ? value : otherwise)
      : Fn.conditional(Op.eq(sku, 'Premium'), value, otherwise ?? null));

    this.resource = new AzurermContainerRegistry(this, 'Resource', {
      name,
      location,
      resourceGroupName: props.resourceGroup.name,
      sku,
      adminEnabled: false,
      anonymousPullEnabled: false,
      publicNetworkAccessEnabled: publicAccess,
      networkRuleBypassOption: 'AzureServices',
      // Premium only; the firewall applies to public traffic.
      networkRuleSet: whenPremium(networkRuleSet, undefined),
      // The provider accepts export_policy_enabled = false only with public access disabled (and Premium).
      exportPolicyEnabled: publicAccess ? true : whenPremium(false, true),
      retentionPolicyInDays: retentionDays === undefined ? undefined : whenPremium(retentionDays, undefined),
      zoneRedundancyEnabled: zoneRedundancy,
      dataEndpointEnabled: whenPremium(true, false),
      // Quarantine would block Azure ML from pulling the images it builds until an external scanner
      // releases them (baseline §d-5); Docker Content Trust is deprecated (removed 2028-03-31) and not
      // supported with customer-managed keys (§d-6). Both stay off on purpose (CKV_AZURE_166/164 suppressed).
      quarantinePolicyEnabled: false,
      trustPolicyEnabled: false,
      identity: cmk ? { type: 'UserAssigned', identityIds: [cmk.identity.identityId] } : undefined,
      encryption: cmk ? [{ keyVaultKeyId: cmk.keyId, identityClientId: cmk.identity.clientId }] : undefined,
      tags: props.tags,
    });
    protectResource(this, this.resource, props, NAME_RULES.containerRegistry);
    acceptLibraryExceptions(this, 'AZML-SEC-055', 'AZML-SEC-056', 'AZML-SEC-057', ...(cmk ? [] : ['AZML-SEC-061']),
      ...(zoneRedundancy ? [] : ['AZML-SEC-059']));

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

  private useCustomerManagedKey(cmk: CustomerManagedKey, nonPremiumSku: string | undefined): void {
    if (nonPremiumSku !== undefined) {
      throw new ValidationError(this, `container registry sku '${nonPremiumSku}' does not support a customer-managed key; `
        + 'CMK encryption needs ContainerRegistrySku.PREMIUM (the default). Use Premium, or remove customerManagedKey.');
    }
    applyCustomerManagedKey(this, cmk, 'container registry');
    const clientId = cmk.identity.clientId;
    if (clientId === undefined || (isResolved(clientId) && clientId === '')) {
      throw new ValidationError(this, `the customer-managed key identity '${cmk.identity.granteeKey}' has no client ID, which `
        + 'the registry needs (encryption.identity_client_id). Use UserAssignedIdentityRef.fromResource(...), or pass '
        + '`clientId` to UserAssignedIdentityRef.fromAttributes(...).');
    }
    if (cmk.keyVault.openToAllNetworks === false) {
      Warnings.of(this).add('AZML-ACR-CMK-001', `the customer-managed key is in key vault '${cmk.keyVault.node.path}', which `
        + 'refuses public networks. A registry reaches a vault behind its firewall only as a trusted service with its '
        + 'system-assigned identity, not with the user-assigned identity CMK is enabled with, so creating the registry can fail. '
        + 'Keep the key in a vault the registry can reach at creation (then follow Microsoft\'s "Key Vault firewall" steps for '
        + 'container registry CMK), or acknowledge this warning if the vault admits the registry otherwise.');
    }
  }

  /** Sends the registry's logs (`allLogs`) and metrics to a Log Analytics workspace. Call it once per registry. */
  public addDiagnosticSettings(logAnalytics: ILogAnalyticsWorkspace): MonitorDiagnosticSetting {
    if (this.node.tryFindChild('Diagnostics')) {
      throw new ValidationError(this, 'addDiagnosticSettings() was already called for this container registry; call it once.');
    }
    return addDiagnosticSetting(this, 'Diagnostics', this.containerRegistryId, logAnalytics.logAnalyticsWorkspaceId);
  }
}

import { ApplicationInsights as AzurermApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { Construct, IConstruct } from 'constructs';
import { ApplicationInsightsAttributes, ApplicationInsightsBase, IApplicationInsights, ImportedApplicationInsights } from './application-insights-base';
import { LogAnalyticsWorkspace } from './log-analytics-workspace';
import { ILogAnalyticsWorkspace } from './log-analytics-workspace-base';
import { addDependencies } from '../core/dependencies';
import { Duration } from '../core/duration';
import { NAME_RULES } from '../core/naming';
import { protectResource, resolveLocationAndName } from '../core/resource-props';
import { StatefulResourceProps } from '../core/stateful-resource-props';
import { ValidationError } from '../core/validation';
import { Warnings } from '../core/warnings';

/** Retention periods (days) Application Insights accepts. */
const RETENTION_DAYS = [30, 60, 90, 120, 180, 270, 365, 550, 730];

/**
 * Properties of an ApplicationInsights component. `name`: 1-255 characters, none of `% & \ ? /`.
 * `removalPolicy` applies to the component and to the Log Analytics workspace it creates;
 * `deleteLock` locks the component only.
 */
export interface ApplicationInsightsProps extends StatefulResourceProps {
  /**
   * Log Analytics workspace that stores the telemetry (workspace-based Application Insights;
   * classic components are retired). It cannot be removed once set.
   * @default - a new LogAnalyticsWorkspace, child `LogAnalytics`, with the same resource group,
   * location, tags, removal policy and network settings
   */
  readonly logAnalyticsWorkspace?: ILogAnalyticsWorkspace;
  /**
   * How long telemetry is kept: 30, 60, 90, 120, 180, 270, 365, 550 or 730 days.
   * @default Duration.days(90)
   */
  readonly retention?: Duration;
  /**
   * Accept telemetry sent with the instrumentation key / connection string alone
   * (`local_authentication_disabled = false`). Azure ML's SDK logging and online-endpoint
   * telemetry send with the connection string, and Entra-only ingestion is not verified for
   * Azure ML (security baseline §d-14), so local auth stays on by default with a warning. Pass
   * `false` once every sender authenticates with Entra ID (needs Monitoring Metrics Publisher).
   * @default true (with a warning)
   */
  readonly localAuthenticationEnabled?: boolean;
  /**
   * Accept ingestion from public networks. Closing it requires an Azure Monitor Private Link
   * Scope (AMPLS, ingestion access mode `Open` for Azure ML), which this library does not create.
   * @default true (with a warning)
   */
  readonly internetIngestionEnabled?: boolean;
  /**
   * Accept queries from public networks. Same AMPLS requirement as `internetIngestionEnabled`.
   * @default true (with a warning)
   */
  readonly internetQueryEnabled?: boolean;
}

/**
 * A workspace-based Application Insights component (`azurerm_application_insights`, type `web`)
 * for an Azure ML workspace, backed by a Log Analytics workspace.
 */
export class ApplicationInsights extends ApplicationInsightsBase {
  /** An existing component by ARM ID. */
  public static fromApplicationInsightsId(scope: Construct, id: string, applicationInsightsId: string): IApplicationInsights {
    return new ImportedApplicationInsights(scope, id, applicationInsightsId);
  }

  /** An existing component by its attributes (its ID and, when known, whether it is open to public networks). */
  public static fromApplicationInsightsAttributes(scope: Construct, id: string, attrs: ApplicationInsightsAttributes): IApplicationInsights {
    return new ImportedApplicationInsights(scope, id, attrs.applicationInsightsId, undefined, attrs.openToAllNetworks);
  }

  /**
   * An `azurerm_application_insights` managed elsewhere in this app. Its network state is judged with the provider's
   * defaults: ingestion and queries from public networks stay on unless set to `false`.
   */
  public static fromResource(scope: Construct, id: string, resource: AzurermApplicationInsights): IApplicationInsights {
    const ingestion = resource.internetIngestionEnabledInput;
    const query = resource.internetQueryEnabledInput;
    const known = [ingestion, query].every(v => v === undefined || typeof v === 'boolean');
    const open = known ? (ingestion ?? true) === true || (query ?? true) === true : undefined;
    return new ImportedApplicationInsights(scope, id, resource.id, resource.name, open);
  }

  // L1 attributes are read on first use and kept: every read of one makes a new token
  // (with a captured stack trace), and most are never read.
  public get applicationInsightsId(): string {
    return (this._applicationInsightsId ??= this.resource.id);
  }
  private _applicationInsightsId?: string;
  public get applicationInsightsName(): string {
    return (this._applicationInsightsName ??= this.resource.name);
  }
  private _applicationInsightsName?: string;
  /** The Log Analytics workspace holding the telemetry. */
  public readonly logAnalyticsWorkspace: ILogAnalyticsWorkspace;
  public readonly openToAllNetworks?: boolean;
  /** The `azurerm_application_insights` resource (escape hatch). */
  public readonly resource: AzurermApplicationInsights;

  constructor(scope: Construct, id: string, props: ApplicationInsightsProps) {
    super(scope, id);
    const { location, name } = resolveLocationAndName(this, props, NAME_RULES.applicationInsights);
    const retention = props.retention ?? Duration.days(90);
    const retentionDays = retention.toDays();
    if (!retention.isUnresolved() && !RETENTION_DAYS.includes(retentionDays)) {
      throw new ValidationError(this, `Application Insights retention ${retention.toIsoString()} is not supported; `
        + `use Duration.days(n) with n one of ${RETENTION_DAYS.join(', ')}.`);
    }

    this.logAnalyticsWorkspace = props.logAnalyticsWorkspace ?? new LogAnalyticsWorkspace(this, 'LogAnalytics', {
      resourceGroup: props.resourceGroup,
      location,
      tags: props.tags,
      removalPolicy: props.removalPolicy,
      // Explicit values: this component's own warning already covers the open network settings.
      internetIngestionEnabled: props.internetIngestionEnabled ?? true,
      internetQueryEnabled: props.internetQueryEnabled ?? true,
    });

    const open: string[] = [];
    if (props.localAuthenticationEnabled === undefined) open.push('accepts telemetry sent with the instrumentation key alone (local authentication)');
    if (props.internetIngestionEnabled === undefined || props.internetQueryEnabled === undefined) {
      open.push('accepts ingestion and queries from public networks (no Azure Monitor Private Link Scope)');
    }
    if (open.length > 0) {
      Warnings.of(this).add('AZML-AI-001', `The Application Insights component ${open.join(' and ')}, because Azure ML telemetry `
        + 'needs it unless every sender uses Entra ID and an AMPLS is deployed. To close it, pass localAuthenticationEnabled: false '
        + '(senders then need Monitoring Metrics Publisher) and, with an AMPLS, internetIngestionEnabled: false and '
        + 'internetQueryEnabled: false; pass true explicitly to keep it open without this warning.');
    }

    this.resource = new AzurermApplicationInsights(this, 'Resource', {
      name,
      location,
      resourceGroupName: props.resourceGroup.name,
      applicationType: 'web',
      workspaceId: this.logAnalyticsWorkspace.logAnalyticsWorkspaceId,
      retentionInDays: retentionDays,
      localAuthenticationDisabled: !(props.localAuthenticationEnabled ?? true),
      internetIngestionEnabled: props.internetIngestionEnabled ?? true,
      internetQueryEnabled: props.internetQueryEnabled ?? true,
      disableIpMasking: false,
      tags: props.tags,
    });
    protectResource(this, this.resource, props, NAME_RULES.applicationInsights);
    const settings = [props.internetIngestionEnabled ?? true, props.internetQueryEnabled ?? true];
    // A setting from a Terraform reference leaves the state unknown.
    this.openToAllNetworks = settings.every(v => typeof v === 'boolean') ? settings.includes(true) : undefined;

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
}

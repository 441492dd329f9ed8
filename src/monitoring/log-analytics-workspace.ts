import { LogAnalyticsWorkspace as AzurermLogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { Construct, IConstruct } from 'constructs';
import { ILogAnalyticsWorkspace, ImportedLogAnalyticsWorkspace, LogAnalyticsWorkspaceBase } from './log-analytics-workspace-base';
import { addDependencies } from '../core/dependencies';
import { Duration } from '../core/duration';
import { NAME_RULES } from '../core/naming';
import { protectResource, resolveLocationAndName, wholeDays } from '../core/resource-props';
import { StatefulResourceProps } from '../core/stateful-resource-props';
import { Warnings } from '../core/warnings';

/**
 * Properties of a LogAnalyticsWorkspace. `name`: 4-63 letters, digits and hyphens, starting and
 * ending with a letter or digit.
 */
export interface LogAnalyticsWorkspaceProps extends StatefulResourceProps {
  /**
   * How long logs are kept: whole days from 30 to 730.
   * @default Duration.days(90)
   */
  readonly retention?: Duration;
  /**
   * Accept ingestion from public networks (`internet_ingestion_enabled`). Closing it requires an
   * Azure Monitor Private Link Scope (AMPLS; Azure ML needs its ingestion access mode `Open`), which
   * this library does not create, so it stays open by default with a warning. Pass `true` to
   * acknowledge it (no warning) or `false` once an AMPLS is in place.
   * @default true (with a warning)
   */
  readonly internetIngestionEnabled?: boolean;
  /**
   * Accept queries from public networks (`internet_query_enabled`). Same AMPLS requirement as
   * `internetIngestionEnabled`; without it, closing query access locks users out of the logs.
   * @default true (with a warning)
   */
  readonly internetQueryEnabled?: boolean;
}

/**
 * A Log Analytics workspace (`azurerm_log_analytics_workspace`): pay-as-you-go `PerGB2018`,
 * Entra ID only (`local_authentication_enabled = false`), 90-day retention.
 */
export class LogAnalyticsWorkspace extends LogAnalyticsWorkspaceBase {
  /** An existing Log Analytics workspace by ARM ID. */
  public static fromLogAnalyticsWorkspaceId(scope: Construct, id: string, logAnalyticsWorkspaceId: string): ILogAnalyticsWorkspace {
    return new ImportedLogAnalyticsWorkspace(scope, id, logAnalyticsWorkspaceId);
  }

  /** An `azurerm_log_analytics_workspace` managed elsewhere in this app. */
  public static fromResource(scope: Construct, id: string, resource: AzurermLogAnalyticsWorkspace): ILogAnalyticsWorkspace {
    return new ImportedLogAnalyticsWorkspace(scope, id, resource.id, resource.name);
  }

  // L1 attributes are read on first use and kept: every read of one makes a new token
  // (with a captured stack trace), and most are never read.
  public get logAnalyticsWorkspaceId(): string {
    return (this._logAnalyticsWorkspaceId ??= this.resource.id);
  }
  private _logAnalyticsWorkspaceId?: string;
  public get logAnalyticsWorkspaceName(): string {
    return (this._logAnalyticsWorkspaceName ??= this.resource.name);
  }
  private _logAnalyticsWorkspaceName?: string;
  /** The `azurerm_log_analytics_workspace` resource (escape hatch). */
  public readonly resource: AzurermLogAnalyticsWorkspace;

  constructor(scope: Construct, id: string, props: LogAnalyticsWorkspaceProps) {
    super(scope, id);
    const { location, name } = resolveLocationAndName(this, props, NAME_RULES.logAnalyticsWorkspace);
    const retentionDays = wholeDays(this, 'Log Analytics retention', props.retention ?? Duration.days(90), 30, 730);

    if (props.internetIngestionEnabled === undefined || props.internetQueryEnabled === undefined) {
      Warnings.of(this).add('AZML-LA-001', 'The Log Analytics workspace accepts ingestion and queries from public networks '
        + '(Entra ID authentication still applies) because no Azure Monitor Private Link Scope (AMPLS) is deployed. To close it, '
        + 'deploy an AMPLS (access modes Open for Azure ML) and pass internetIngestionEnabled: false and internetQueryEnabled: false; '
        + 'pass true explicitly to keep it open without this warning.');
    }

    this.resource = new AzurermLogAnalyticsWorkspace(this, 'Resource', {
      name,
      location,
      resourceGroupName: props.resourceGroup.name,
      sku: 'PerGB2018',
      retentionInDays: retentionDays,
      localAuthenticationEnabled: false,
      internetIngestionEnabled: props.internetIngestionEnabled ?? true,
      internetQueryEnabled: props.internetQueryEnabled ?? true,
      allowResourceOnlyPermissions: true,
      tags: props.tags,
    });
    protectResource(this, this.resource, props, NAME_RULES.logAnalyticsWorkspace);

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

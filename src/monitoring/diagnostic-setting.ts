// Internal helper: an `azurerm_monitor_diagnostic_setting` sending a resource's logs and metrics to Log Analytics.
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { Construct } from 'constructs';

/** Name of the diagnostic settings this library creates (unique per target resource). */
export const DIAGNOSTIC_SETTING_NAME = 'send-to-log-analytics';

/** Options of `addDiagnosticSetting`. Internal. */
export interface DiagnosticSettingOptions {
  /**
   * Send resource logs (category group `allLogs`). Some targets have no log categories
   * (a storage account itself: its logs are on `blobServices/default` etc.), and Azure
   * rejects `allLogs` there.
   * @default true
   */
  readonly logs?: boolean;
  /**
   * Metric category to send. Most resource types have the single category `AllMetrics`;
   * storage accounts and their services use `Transaction`.
   * @default 'AllMetrics'
   */
  readonly metricCategory?: string;
  /** @default DIAGNOSTIC_SETTING_NAME */
  readonly name?: string;
}

/**
 * A diagnostic setting on `targetResourceId` sending all logs (category group `allLogs`) and
 * all metrics (`AllMetrics`) to the Log Analytics workspace `logAnalyticsWorkspaceId`.
 * Uses the azurerm 4.x blocks `enabled_log` / `enabled_metric` (not the deprecated `log`/`metric`).
 */
export function addDiagnosticSetting(
  scope: Construct,
  id: string,
  targetResourceId: string,
  logAnalyticsWorkspaceId: string,
  options: DiagnosticSettingOptions = {},
): MonitorDiagnosticSetting {
  return new MonitorDiagnosticSetting(scope, id, {
    name: options.name ?? DIAGNOSTIC_SETTING_NAME,
    targetResourceId,
    logAnalyticsWorkspaceId,
    enabledLog: options.logs === false ? undefined : [{ categoryGroup: 'allLogs' }],
    enabledMetric: [{ category: options.metricCategory ?? 'AllMetrics' }],
  });
}

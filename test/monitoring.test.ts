// LogAnalyticsWorkspace, ApplicationInsights and the diagnostic-setting helper.
import { ApplicationInsights as AzurermApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { LogAnalyticsWorkspace as AzurermLogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import {
  ApplicationInsights, ApplicationInsightsProps, BuiltInRole, Duration, LogAnalyticsWorkspace, LogAnalyticsWorkspaceProps, Principal,
  RemovalPolicy, ResourceGroupRef,
} from '../src';
import { failingChecks } from './support/security-checks';
import { expectConformant, only, providerStack, resolved, synthJson, synthOne, warningsOf } from './support/synth';
import { addDiagnosticSetting } from '../src/monitoring/diagnostic-setting';

const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');
const LAW_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/law-central';
const AI_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ops/providers/Microsoft.Insights/components/appi-shared';

function synthLaw(props: Partial<LogAnalyticsWorkspaceProps> = {}): [any, any, LogAnalyticsWorkspace] {
  return synthOne(stack => new LogAnalyticsWorkspace(stack, 'Logs', { resourceGroup: RG, ...props }), 'azurerm_log_analytics_workspace');
}

function synthInsights(props: Partial<ApplicationInsightsProps> = {}): [any, any, ApplicationInsights] {
  return synthOne(stack => new ApplicationInsights(stack, 'Insights', { resourceGroup: RG, ...props }), 'azurerm_application_insights');
}

/** Kept open because no Azure Monitor Private Link Scope is deployed (baseline §c "azurerm_log_analytics_workspace", §d-14). */
const LAW_OPEN_NETWORK = 'AZPOL-6c53d030-cc64-46f0-906d-2bc061cd1334';
/** Same for App Insights: public ingestion/query (§d-14) */
const AI_OPEN_NETWORK = 'AZPOL-1bc02227-0cb6-4e11-8f53-eb0b22eab7e8';
/** App Insights local auth kept on: Entra-only ingestion unverified for Azure ML telemetry (§d-14). */
const AI_LOCAL_AUTH = 'AZPOL-199d5677-e4d9-4264-9465-efe1839c06bd';

describe('LogAnalyticsWorkspace', () => {
  test('secure defaults, emitted explicitly', () => {
    const [, law] = synthLaw();
    expect(law).toMatchObject({
      location: 'westeurope',
      resource_group_name: 'rg-ml',
      sku: 'PerGB2018',
      retention_in_days: 90,
      local_authentication_enabled: false,
      internet_ingestion_enabled: true,
      internet_query_enabled: true,
      allow_resource_only_permissions: true,
      lifecycle: { prevent_destroy: true },
    });
    expect(law.local_authentication_disabled).toBeUndefined(); // deprecated name
    expect(law.name).toMatch(/^[a-z][a-z0-9-]{2,61}[a-z0-9]$/);
  });

  test('scanner checks: only the open-network check fails by default, none once an AMPLS closes it', () => {
    const [, law, workspace] = synthLaw();
    expect(failingChecks('azurerm_log_analytics_workspace', law)).toEqual([LAW_OPEN_NETWORK]);
    expect(warningsOf(workspace)).toEqual([expect.stringMatching(/public networks.*internetIngestionEnabled: false and internetQueryEnabled: false/)]);
    const [, closed, closedWorkspace] = synthLaw({ internetIngestionEnabled: false, internetQueryEnabled: false });
    expect(closed).toMatchObject({ internet_ingestion_enabled: false, internet_query_enabled: false });
    expect(failingChecks('azurerm_log_analytics_workspace', closed)).toEqual([]);
    expect(warningsOf(closedWorkspace)).toEqual([]);
  });

  test('explicitly open: no warning', () => {
    const [, , law] = synthLaw({ internetIngestionEnabled: true, internetQueryEnabled: true });
    expect(warningsOf(law)).toEqual([]);
  });

  test('retention, name, tags, removal policy, lock', () => {
    const [json, law] = synthLaw({
      retention: Duration.days(365), name: 'law-ml-prod', tags: { env: 'prod' }, removalPolicy: RemovalPolicy.DESTROY, deleteLock: true,
    });
    expect(law).toMatchObject({ retention_in_days: 365, name: 'law-ml-prod', tags: { env: 'prod' } });
    expect(law.lifecycle?.prevent_destroy).toBeUndefined();
    expect(only(json, 'azurerm_management_lock')).toMatchObject({
      lock_level: 'CanNotDelete', scope: expect.stringMatching(/azurerm_log_analytics_workspace\.Logs_\w+\.id/),
    });
  });

  test.each([['-law'], ['law'], ['law_ml'], ['a'.repeat(64)]])('rejects the name %s', (name) => {
    expect(() => new LogAnalyticsWorkspace(providerStack('stack'), 'Logs', { resourceGroup: RG, name }))
      .toThrow(new RegExp(`stack/Logs: Log Analytics workspace name '${name}' is invalid: it must be 4-63 letters, digits and hyphens`));
  });

  test('rejects retention outside 30-730 days', () => {
    expect(() => new LogAnalyticsWorkspace(providerStack('stack'), 'Logs', { resourceGroup: RG, retention: Duration.days(7) }))
      .toThrow(/stack\/Logs: Log Analytics retention is P7D; it must be a whole number of days from 30 to 730/);
  });

  test('import by ID and from an L1; wrong type rejected', () => {
    const stack = providerStack('stack');
    const law = LogAnalyticsWorkspace.fromLogAnalyticsWorkspaceId(stack, 'Central', LAW_ID);
    expect(law.logAnalyticsWorkspaceName).toBe('law-central');
    expect(law.logAnalyticsWorkspaceId).toBe(LAW_ID);
    expect(() => LogAnalyticsWorkspace.fromLogAnalyticsWorkspaceId(stack, 'Bad', AI_ID))
      .toThrow(/stack\/Bad: '.*appi-shared' is not a Log Analytics workspace ID; expected .*Microsoft.OperationalInsights\/workspaces\/<name>/);
    const l1 = new AzurermLogAnalyticsWorkspace(stack, 'L1', { name: 'law-l1', resourceGroupName: 'rg', location: 'westeurope' });
    const fromL1 = LogAnalyticsWorkspace.fromResource(stack, 'FromL1', l1);
    expect(resolved(stack, fromL1.logAnalyticsWorkspaceName)).toBe('${azurerm_log_analytics_workspace.L1.name}');
  });

  test('grantRead assigns Log Analytics Reader on the workspace', () => {
    const stack = providerStack('stack');
    const law = new LogAnalyticsWorkspace(stack, 'Logs', { resourceGroup: RG });
    law.grantRead(Principal.group('11111111-1111-1111-1111-111111111111', { key: 'sre' }));
    const json = synthJson(stack);
    expectConformant(json);
    expect(only(json, 'azurerm_role_assignment')).toMatchObject({
      role_definition_name: 'Log Analytics Reader',
      principal_id: '11111111-1111-1111-1111-111111111111',
      principal_type: 'Group',
      scope: expect.stringMatching(/^\$\{azurerm_log_analytics_workspace\.Logs_\w+\.id\}$/),
    });
  });
});

describe('ApplicationInsights', () => {
  test('workspace-based, type web, defaults emitted explicitly, with its own Log Analytics workspace', () => {
    const [json, ai, insights] = synthInsights();
    expect(ai).toMatchObject({
      location: 'westeurope',
      resource_group_name: 'rg-ml',
      application_type: 'web',
      retention_in_days: 90,
      local_authentication_disabled: false,
      internet_ingestion_enabled: true,
      internet_query_enabled: true,
      disable_ip_masking: false,
      workspace_id: expect.stringMatching(/^\$\{azurerm_log_analytics_workspace\.Insights_LogAnalytics_\w+\.id\}$/),
      lifecycle: { prevent_destroy: true },
    });
    const law = only(json, 'azurerm_log_analytics_workspace');
    expect(law).toMatchObject({ location: 'westeurope', local_authentication_enabled: false, lifecycle: { prevent_destroy: true } });
    expect(insights.logAnalyticsWorkspace.node.path).toBe('stack/Insights/LogAnalytics');
    expect(insights.node.defaultChild).toBe(insights.resource);
  });

  test('scanner checks: only the documented open settings fail, none once closed', () => {
    const [, ai, insights] = synthInsights();
    expect(failingChecks('azurerm_application_insights', ai)).toEqual([AI_OPEN_NETWORK, AI_LOCAL_AUTH].sort());
    // One warning for the component, none from the workspace it creates.
    expect(warningsOf(insights)).toEqual([expect.stringMatching(/local authentication.*public networks.*localAuthenticationEnabled: false/)]);
    expect(warningsOf(insights.logAnalyticsWorkspace)).toEqual([]);

    const [json, closed, closedInsights] = synthInsights({
      localAuthenticationEnabled: false, internetIngestionEnabled: false, internetQueryEnabled: false,
    });
    expect(closed).toMatchObject({ local_authentication_disabled: true, internet_ingestion_enabled: false, internet_query_enabled: false });
    expect(failingChecks('azurerm_application_insights', closed)).toEqual([]);
    expect(failingChecks('azurerm_log_analytics_workspace', only(json, 'azurerm_log_analytics_workspace'))).toEqual([]);
    expect(warningsOf(closedInsights)).toEqual([]);
  });

  test('uses a given Log Analytics workspace instead of creating one', () => {
    const stack = providerStack('stack');
    new ApplicationInsights(stack, 'Insights', {
      resourceGroup: RG, logAnalyticsWorkspace: LogAnalyticsWorkspace.fromLogAnalyticsWorkspaceId(stack, 'Central', LAW_ID),
    });
    const json = synthJson(stack);
    expectConformant(json);
    expect(json.resource.azurerm_log_analytics_workspace).toBeUndefined();
    expect(only(json, 'azurerm_application_insights').workspace_id).toBe(LAW_ID);
  });

  test('retention, name, removal policy (also on the created workspace) and lock', () => {
    const [json, ai] = synthInsights({ retention: Duration.days(30), name: 'appi-ml', removalPolicy: RemovalPolicy.DESTROY, deleteLock: true });
    expect(ai).toMatchObject({ retention_in_days: 30, name: 'appi-ml' });
    expect(ai.lifecycle?.prevent_destroy).toBeUndefined();
    expect(only(json, 'azurerm_log_analytics_workspace').lifecycle?.prevent_destroy).toBeUndefined();
    expect(only(json, 'azurerm_management_lock').scope).toMatch(/azurerm_application_insights\.Insights_\w+\.id/);
  });

  test('rejects an unsupported retention', () => {
    expect(() => new ApplicationInsights(providerStack('stack'), 'Insights', { resourceGroup: RG, retention: Duration.days(45) }))
      .toThrow(/stack\/Insights: Application Insights retention P45D is not supported; use Duration.days\(n\) with n one of 30, 60, 90/);
  });

  test.each([['appi/ml'], ['appi?'], ['a%b'], ['x'.repeat(256)]])('rejects the name %s', (name) => {
    expect(() => new ApplicationInsights(providerStack('stack'), 'Insights', { resourceGroup: RG, name }))
      .toThrow(/stack\/Insights: Application Insights component name '.*' is invalid: it must be 1-255 characters, none of/);
  });

  test('import by ID and from an L1; wrong type rejected', () => {
    const stack = providerStack('stack');
    const ai = ApplicationInsights.fromApplicationInsightsId(stack, 'Shared', AI_ID);
    expect(ai.applicationInsightsName).toBe('appi-shared');
    expect(() => ApplicationInsights.fromApplicationInsightsId(stack, 'Bad', LAW_ID))
      .toThrow(/stack\/Bad: '.*law-central' is not a Application Insights ID/);
    const l1 = new AzurermApplicationInsights(stack, 'L1', { name: 'appi-l1', resourceGroupName: 'rg', location: 'westeurope', applicationType: 'web' });
    expect(resolved(stack, ApplicationInsights.fromResource(stack, 'FromL1', l1).applicationInsightsName)).toBe('${azurerm_application_insights.L1.name}');
  });

  test('grant assigns the role on the component', () => {
    const stack = providerStack('stack');
    const insights = new ApplicationInsights(stack, 'Insights', { resourceGroup: RG });
    insights.grant(Principal.servicePrincipal('55555555-5555-5555-5555-555555555555'), BuiltInRole.MONITORING_METRICS_PUBLISHER);
    const json = synthJson(stack);
    expectConformant(json);
    expect(only(json, 'azurerm_role_assignment')).toMatchObject({
      role_definition_name: 'Monitoring Metrics Publisher',
      principal_id: '55555555-5555-5555-5555-555555555555',
      principal_type: 'ServicePrincipal',
      scope: expect.stringMatching(/^\$\{azurerm_application_insights\.Insights_\w+\.id\}$/),
    });
  });
});

describe('addDiagnosticSetting helper', () => {
  test('allLogs + AllMetrics by default; logs can be left out', () => {
    const stack = providerStack('stack');
    addDiagnosticSetting(stack, 'WorkspaceDiagnostics', '/subscriptions/0/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw', LAW_ID);
    addDiagnosticSetting(stack, 'MetricsOnly', '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1', LAW_ID,
      { logs: false, metricCategory: 'Transaction' });
    const json = synthJson(stack);
    expectConformant(json);
    const settings = json.resource.azurerm_monitor_diagnostic_setting;
    expect(settings.WorkspaceDiagnostics).toEqual(expect.objectContaining({
      name: 'send-to-log-analytics',
      target_resource_id: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw',
      log_analytics_workspace_id: LAW_ID,
      enabled_log: [{ category_group: 'allLogs' }],
      enabled_metric: [{ category: 'AllMetrics' }],
    }));
    expect(settings.MetricsOnly.enabled_log).toBeUndefined();
    expect(settings.MetricsOnly.enabled_metric).toEqual([{ category: 'Transaction' }]);
  });
});

// Rules for Application Insights and Log Analytics.
import { check, equals, exists, SecurityRule } from '../rule';

const INSIGHTS = 'azurerm_application_insights';
const LOG_ANALYTICS = 'azurerm_log_analytics_workspace';

export const MONITORING_RULES: SecurityRule[] = [
  {
    id: 'AZML-SEC-070',
    resourceTypes: [INSIGHTS],
    problem: 'telemetry can be sent and queried over the public internet (internet_ingestion_enabled / internet_query_enabled are true, or unset: the provider default is true)',
    fix: 'set internet_ingestion_enabled = false and internet_query_enabled = false (ApplicationInsights: internetIngestionEnabled / internetQueryEnabled) behind an Azure Monitor Private Link Scope in Open mode',
    checks: [
      check('AZPOL-1bc02227-0cb6-4e11-8f53-eb0b22eab7e8',
        equals('internet_ingestion_enabled', false), equals('internet_query_enabled', false)),
    ],
  },
  {
    id: 'AZML-SEC-071',
    resourceTypes: [INSIGHTS],
    problem: 'instrumentation-key (local) authentication is allowed (local_authentication_disabled is false, or unset: the provider default is false)',
    fix: 'set local_authentication_disabled = true (ApplicationInsights: localAuthenticationEnabled: false) once every sender uses Entra ID',
    checks: [
      check('AZPOL-199d5677-e4d9-4264-9465-efe1839c06bd', equals('local_authentication_disabled', true)),
    ],
  },
  {
    id: 'AZML-SEC-072',
    resourceTypes: [INSIGHTS],
    problem: 'Application Insights is not workspace-based (no workspace_id)',
    fix: 'set workspace_id to a Log Analytics workspace (ApplicationInsights: logAnalyticsWorkspace)',
    checks: [
      check('AZPOL-d550e854-df1a-4de9-bf44-cd894b39a95e', exists('workspace_id')),
    ],
  },
  {
    id: 'AZML-SEC-073',
    resourceTypes: [LOG_ANALYTICS],
    problem: 'shared-key (local) authentication is allowed (local_authentication_enabled is true, or unset: the provider default is true)',
    fix: 'set local_authentication_enabled = false',
    checks: [
      check('AZPOL-e15effd4-2278-4c65-a0da-4d6f6d1890e2', equals('local_authentication_enabled', false)),
    ],
  },
  {
    id: 'AZML-SEC-074',
    resourceTypes: [LOG_ANALYTICS],
    problem: 'logs can be sent and queried over the public internet (internet_ingestion_enabled / internet_query_enabled are true, or unset: the provider default is true)',
    fix: 'set internet_ingestion_enabled = false and internet_query_enabled = false (LogAnalyticsWorkspace: internetIngestionEnabled / internetQueryEnabled) behind an Azure Monitor Private Link Scope',
    checks: [
      check('AZPOL-6c53d030-cc64-46f0-906d-2bc061cd1334',
        equals('internet_ingestion_enabled', false), equals('internet_query_enabled', false)),
    ],
  },
];

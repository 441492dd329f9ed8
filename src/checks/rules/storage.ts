// Rules for storage accounts and blob containers.
import {
  absentOrEmpty, absentOrEquals, absentOrIn, anyOf, check, contains, equals, exists, gte, isIn, matches, notEquals, SecurityRule,
} from '../rule';

const ACCOUNT = 'azurerm_storage_account';
const CONTAINER = 'azurerm_storage_container';
const GEO_REDUNDANT = ['GRS', 'RAGRS', 'GZRS', 'RAGZRS'];
const SECURE_TLS = ['TLS1_2', 'TLS1_3'];

export const STORAGE_RULES: SecurityRule[] = [
  {
    id: 'AZML-SEC-020',
    resourceTypes: [ACCOUNT],
    problem: 'the account accepts plain HTTP (https_traffic_only_enabled is false)',
    fix: 'set https_traffic_only_enabled = true',
    checks: [
      check('CKV_AZURE_3', absentOrEquals('enable_https_traffic_only', true)),
      check('AVD-AZU-0008', absentOrEquals('https_traffic_only_enabled', true)),
      check('KICS-12944ec4-1fa0-47be-8b17-42a034f937c2', equals('https_traffic_only_enabled', true)),
      check('AZPOL-404c3081-a854-4457-ae30-26a93ef643f9', absentOrEquals('https_traffic_only_enabled', true)),
    ],
  },
  {
    id: 'AZML-SEC-021',
    resourceTypes: [ACCOUNT],
    problem: 'the account accepts TLS versions older than 1.2 (or TLS 1.3 only, which Azure Policy and KICS reject)',
    fix: 'set min_tls_version = "TLS1_2"',
    checks: [
      check('CKV_AZURE_44', isIn('min_tls_version', SECURE_TLS)),
      check('AVD-AZU-0011', absentOrIn('min_tls_version', SECURE_TLS)),
      check('AVD-AZU-0059', absentOrEquals('https_traffic_only_enabled', true), absentOrIn('min_tls_version', SECURE_TLS)),
      check('KICS-8263f146-5e03-43e0-9cfe-db960d56d1e7', absentOrEquals('min_tls_version', 'TLS1_2')),
      check('AZPOL-fe83a0eb-a853-422d-aac2-1bffd182c5d0', equals('min_tls_version', 'TLS1_2')),
    ],
  },
  {
    id: 'AZML-SEC-022',
    resourceTypes: [ACCOUNT],
    problem: 'the account is reachable from the public internet (public_network_access_enabled is true, or unset: the provider default is true)',
    fix: 'set public_network_access_enabled = false (StorageAccount: publicNetworkAccessEnabled: false) and reach it through private endpoints (blob, file)',
    checks: [
      check('CKV_AZURE_59', equals('public_network_access_enabled', false)),
      check('AZPOL-b2982f36-99f2-4db5-8eff-283140c09693', equals('public_network_access_enabled', false)),
    ],
  },
  {
    id: 'AZML-SEC-023',
    resourceTypes: [ACCOUNT],
    problem: 'the account firewall allows all networks (network_rules.default_action is Allow, or there is no network_rules block) or lists IP rules',
    fix: 'add network_rules { default_action = "Deny", bypass = ["AzureServices"] } and use private endpoints instead of ip_rules',
    checks: [
      check('CKV_AZURE_35', equals('network_rules.default_action', 'Deny')),
      check('AVD-AZU-0012', equals('network_rules.default_action', 'Deny')),
      check('KICS-17f75827-0684-48f4-8747-61129c7e4198', equals('network_rules.default_action', 'Deny')),
      check('AZPOL-34c877ad-507e-4c82-993e-3452a6e0ad3c', equals('network_rules.default_action', 'Deny')),
      check('AZPOL-2a1a9cdf-e04d-429a-8416-3bfb72a1b26f',
        equals('network_rules.default_action', 'Deny'), absentOrEmpty('network_rules.ip_rules')),
    ],
  },
  {
    id: 'AZML-SEC-024',
    resourceTypes: [ACCOUNT],
    problem: 'trusted Azure services (Azure Machine Learning among them) cannot pass the account firewall (network_rules.bypass lacks AzureServices)',
    fix: 'set network_rules.bypass = ["AzureServices"]',
    checks: [
      check('CKV_AZURE_36', contains('network_rules.bypass', 'AzureServices')),
      check('AVD-AZU-0010', contains('network_rules.bypass', 'AzureServices')),
      check('AZPOL-c9d007d0-c057-4772-b18c-01e546713bcd', contains('network_rules.bypass', 'AzureServices')),
    ],
  },
  {
    id: 'AZML-SEC-025',
    resourceTypes: [ACCOUNT],
    problem: 'the account name is not 3-24 lowercase letters and digits',
    fix: 'use a name of 3-24 lowercase letters and digits (or let the library generate it)',
    checks: [
      check('CKV_AZURE_43', matches('name', '^[a-z0-9]{3,24}$')),
    ],
  },
  {
    id: 'AZML-SEC-026',
    resourceTypes: [ACCOUNT],
    problem: 'containers may be made public (allow_nested_items_to_be_public is true, or unset: the provider default is true)',
    fix: 'set allow_nested_items_to_be_public = false',
    checks: [
      check('CKV_AZURE_190', equals('allow_nested_items_to_be_public', false)),
      check('CKV2_AZURE_47', equals('allow_nested_items_to_be_public', false)),
      check('AZPOL-4fa4b6c0-31ca-4c0d-b10d-24b96f62a751', equals('allow_nested_items_to_be_public', false)),
    ],
  },
  {
    id: 'AZML-SEC-027',
    resourceTypes: [ACCOUNT],
    problem: 'the account is not geo-redundant (account_replication_type is not GRS, RAGRS, GZRS or RAGZRS)',
    fix: 'set account_replication_type = "GZRS" (StorageAccount: replication: StorageReplication.GZRS; RAGRS where the region has no zones). Moving between the LRS/GRS and ZRS families replaces the account',
    checks: [
      check('CKV_AZURE_206', isIn('account_replication_type', GEO_REDUNDANT)),
      check('AVD-AZU-0058', isIn('account_replication_type', GEO_REDUNDANT)),
      check('KICS-56c748b8-9ec8-4f3e-84ac-c9a6992e1b20', isIn('account_replication_type', GEO_REDUNDANT)),
      check('AZPOL-bf045164-79ba-4215-8f95-f8048dc1780b', isIn('account_replication_type', GEO_REDUNDANT)),
    ],
  },
  {
    id: 'AZML-SEC-028',
    resourceTypes: [ACCOUNT],
    problem: 'SFTP/NFS local users are enabled (local_user_enabled is true, or unset: the provider default is true)',
    fix: 'set local_user_enabled = false',
    checks: [
      check('CKV_AZURE_244', absentOrEquals('local_user_enabled', false)),
    ],
  },
  {
    id: 'AZML-SEC-029',
    resourceTypes: [ACCOUNT],
    problem: 'the account is not encrypted with a customer-managed key',
    fix: 'add customer_managed_key { key_vault_key_id, user_assigned_identity_id } (needs a user-assigned identity and a key vault with purge protection)',
    checks: [
      check('CKV2_AZURE_1', exists('customer_managed_key.key_vault_key_id')),
      check('AZPOL-6fac406b-40ca-413b-bf8e-0bf964659c25', exists('customer_managed_key.key_vault_key_id')),
    ],
  },
  {
    id: 'AZML-SEC-030',
    resourceTypes: [ACCOUNT],
    problem: 'deleted blobs or containers cannot be recovered (blob_properties lacks a delete_retention_policy or container_delete_retention_policy of at least 7 days)',
    fix: 'set blob_properties.delete_retention_policy.days and container_delete_retention_policy.days to 7 or more (StorageAccount: blobSoftDeleteRetention)',
    checks: [
      check('CKV2_AZURE_38', exists('blob_properties.delete_retention_policy')),
      check('AVD-AZU-0056', notEquals('blob_properties.delete_retention_policy.days', 0)),
      check('KICS-056d28cc-7ee9-4b12-b2d1-16b7b66db72d', gte('blob_properties.delete_retention_policy.days', 7)),
      check('KICS-12ecec8a-7961-48db-b644-86be8845d8fd', gte('blob_properties.container_delete_retention_policy.days', 7)),
      check('AZPOL-9fbd64e3-67b8-489b-98e5-fa0007d17e76',
        exists('blob_properties.delete_retention_policy'), exists('blob_properties.container_delete_retention_policy')),
    ],
  },
  {
    id: 'AZML-SEC-031',
    resourceTypes: [ACCOUNT],
    problem: 'shared-key (account key and SAS) authorization is enabled (shared_access_key_enabled is true, or unset: the provider default is true)',
    fix: 'set shared_access_key_enabled = false (StorageAccount: sharedAccessKeyEnabled: false) and use Entra ID data roles; the workspace default storage needs the identity-based datastore mode first',
    checks: [
      check('CKV2_AZURE_40', equals('shared_access_key_enabled', false)),
      check('KICS-45f3e879-f8a7-4102-a3fa-46da5a849870', equals('shared_access_key_enabled', false)),
      check('AZPOL-8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54', equals('shared_access_key_enabled', false)),
    ],
  },
  {
    id: 'AZML-SEC-032',
    resourceTypes: [ACCOUNT],
    problem: 'shared keys are enabled without a SAS expiration policy',
    fix: 'set shared_access_key_enabled = false, or add sas_policy { expiration_period = "00.04:00:00" }',
    checks: [
      check('CKV2_AZURE_41', anyOf(equals('shared_access_key_enabled', false), exists('sas_policy.expiration_period'))),
    ],
  },
  {
    id: 'AZML-SEC-033',
    resourceTypes: [ACCOUNT],
    problem: 'queue service logging is not configured (no queue_properties.logging with delete, read and write)',
    fix: 'send the queue service logs to Log Analytics with a diagnostic setting on <account>/queueServices/default (StorageAccount: addDiagnosticSettings); queue_properties is deprecated data-plane configuration, so suppress this rule with that reason',
    checks: [
      check('CKV_AZURE_33', equals('queue_properties.logging.delete', true), equals('queue_properties.logging.read', true),
        equals('queue_properties.logging.write', true)),
      check('AVD-AZU-0057', exists('queue_properties.logging')),
    ],
  },
  {
    id: 'AZML-SEC-034',
    resourceTypes: [ACCOUNT],
    problem: 'infrastructure (double) encryption is off (infrastructure_encryption_enabled is false, or unset: the provider default is false)',
    fix: 'set infrastructure_encryption_enabled = true; it is fixed at creation (changing it replaces the account)',
    checks: [
      check('AVD-AZU-0061', equals('infrastructure_encryption_enabled', true)),
      check('KICS-d02793e5-b3b5-4cfa-b379-7a81d5bfe170', equals('infrastructure_encryption_enabled', true)),
      check('AZPOL-4733ea7b-a883-42fe-8cac-97454c2a9e4a', equals('infrastructure_encryption_enabled', true)),
    ],
  },
  {
    id: 'AZML-SEC-035',
    resourceTypes: [ACCOUNT],
    problem: 'blob versioning is off',
    fix: 'set blob_properties.versioning_enabled = true (StorageAccount: versioning: true); it adds storage cost',
    checks: [
      check('KICS-0f437572-8be4-4e05-9f76-dd266d7ad90b', equals('blob_properties.versioning_enabled', true)),
    ],
  },
  {
    id: 'AZML-SEC-036',
    resourceTypes: [ACCOUNT],
    problem: 'object replication to other tenants is allowed (cross_tenant_replication_enabled is true)',
    fix: 'set cross_tenant_replication_enabled = false',
    checks: [
      check('AZPOL-92a89a79-6c52-4a7e-a03f-61306fc49312', absentOrEquals('cross_tenant_replication_enabled', false)),
    ],
  },
  {
    id: 'AZML-SEC-037',
    resourceTypes: [CONTAINER],
    problem: 'the container allows anonymous read access (container_access_type is blob or container)',
    fix: 'set container_access_type = "private"',
    checks: [
      check('CKV_AZURE_34', absentOrEquals('container_access_type', 'private')),
      check('AVD-AZU-0007', absentOrEquals('container_access_type', 'private')),
      check('KICS-dd5230f8-a577-4bbb-b7ac-f2c2fe7d5299', absentOrEquals('container_access_type', 'private')),
    ],
  },
];

// Rules for container registries and their webhooks.
import { absentOrEquals, anyOf, check, equals, exists, isIn, matches, SecurityRule } from '../rule';

const REGISTRY = 'azurerm_container_registry';
const WEBHOOK = 'azurerm_container_registry_webhook';

export const CONTAINER_REGISTRY_RULES: SecurityRule[] = [
  {
    id: 'AZML-SEC-050',
    resourceTypes: [REGISTRY],
    problem: 'the admin user is enabled (admin_enabled is true): a shared username and password can push and pull',
    fix: 'set admin_enabled = false; Azure Machine Learning pulls with its managed identity (AcrPull)',
    checks: [
      check('CKV_AZURE_137', absentOrEquals('admin_enabled', false)),
      check('KICS-b897dfbf-322c-45a8-b67c-1e698beeaa51', absentOrEquals('admin_enabled', false)),
      check('AZPOL-dc921057-6b28-4fbe-9b83-f7bec05db6c2', absentOrEquals('admin_enabled', false)),
    ],
  },
  {
    id: 'AZML-SEC-051',
    resourceTypes: [REGISTRY],
    problem: 'anyone can pull images without credentials (anonymous_pull_enabled is true)',
    fix: 'set anonymous_pull_enabled = false',
    checks: [
      check('CKV_AZURE_138', absentOrEquals('anonymous_pull_enabled', false)),
      check('AZPOL-9f2dea28-e834-476c-99c5-3507b4728395', absentOrEquals('anonymous_pull_enabled', false)),
    ],
  },
  {
    id: 'AZML-SEC-052',
    resourceTypes: [REGISTRY],
    problem: 'the registry is reachable from the public internet (public_network_access_enabled is true, or unset: the provider default is true)',
    fix: 'set public_network_access_enabled = false (ContainerRegistry: publicNetworkAccessEnabled: false; Premium SKU) and reach it through a private endpoint (registry)',
    checks: [
      check('CKV_AZURE_139', equals('public_network_access_enabled', false)),
      check('AZPOL-0fdf0491-d080-4575-b627-ad0e843cba0f', equals('public_network_access_enabled', false)),
      check('AZPOL-d0793b48-0edc-4296-a390-4c75d1bdfd71',
        anyOf(equals('public_network_access_enabled', false), equals('network_rule_set.default_action', 'Deny'))),
    ],
  },
  {
    id: 'AZML-SEC-053',
    resourceTypes: [REGISTRY],
    problem: 'images can be exported out of the registry (export_policy_enabled is true, or unset: the provider default is true)',
    fix: 'set export_policy_enabled = false together with public_network_access_enabled = false (Premium SKU)',
    checks: [
      check('AZPOL-524b0254-c285-4903-bee6-bb8126cde579',
        equals('export_policy_enabled', false), equals('public_network_access_enabled', false)),
    ],
  },
  {
    id: 'AZML-SEC-054',
    resourceTypes: [REGISTRY],
    problem: 'the SKU is not Premium: private endpoints, network rules, retention and CMK are not available',
    fix: 'set sku = "Premium" (ContainerRegistry: sku)',
    checks: [
      check('CKV_AZURE_163', isIn('sku', ['Standard', 'Premium'])),
      check('AZPOL-bd560fc0-3c69-498a-ae9f-aa8eb7de0e13', equals('sku', 'Premium')),
    ],
  },
  {
    id: 'AZML-SEC-055',
    resourceTypes: [REGISTRY],
    problem: 'the registry is not geo-replicated',
    fix: 'use the Premium SKU with georeplications blocks (cost); or suppress this rule with the reason',
    checks: [
      check('CKV_AZURE_165', equals('sku', 'Premium'), exists('georeplications')),
    ],
  },
  {
    id: 'AZML-SEC-056',
    resourceTypes: [REGISTRY],
    problem: 'Docker Content Trust is off (trust_policy_enabled)',
    fix: 'Docker Content Trust is deprecated (removed 2028-03-31) and not supported with a customer-managed key: sign images with Notary Project and suppress this rule with that reason, or set trust_policy_enabled = true',
    checks: [
      check('CKV_AZURE_164', equals('trust_policy_enabled', true)),
    ],
  },
  {
    id: 'AZML-SEC-057',
    resourceTypes: [REGISTRY],
    problem: 'image quarantine is off (quarantine_policy_enabled)',
    fix: 'set quarantine_policy_enabled = true only with a scanner that releases images (quarantined images cannot be pulled by Azure Machine Learning); otherwise suppress this rule with that reason',
    checks: [
      check('CKV_AZURE_166', equals('quarantine_policy_enabled', true)),
    ],
  },
  {
    id: 'AZML-SEC-058',
    resourceTypes: [REGISTRY],
    problem: 'untagged manifests are kept forever (no retention_policy_in_days)',
    fix: 'set retention_policy_in_days (ContainerRegistry: retention; Premium SKU)',
    checks: [
      check('CKV_AZURE_167', exists('retention_policy_in_days')),
    ],
  },
  {
    id: 'AZML-SEC-059',
    resourceTypes: [REGISTRY],
    problem: 'the registry (or a replica) is not zone-redundant',
    fix: 'set zone_redundancy_enabled = true on the registry and every georeplications block (ContainerRegistry: zoneRedundancy; Premium SKU; it is fixed at creation)',
    checks: [
      check('CKV_AZURE_233', equals('zone_redundancy_enabled', true), absentOrEquals('georeplications[*].zone_redundancy_enabled', true)),
    ],
  },
  {
    id: 'AZML-SEC-060',
    resourceTypes: [REGISTRY],
    problem: 'dedicated data endpoints are off (data_endpoint_enabled)',
    fix: 'set data_endpoint_enabled = true (Premium SKU) so firewall rules can name the registry\'s own data endpoints',
    checks: [
      check('CKV_AZURE_237', equals('data_endpoint_enabled', true)),
    ],
  },
  {
    id: 'AZML-SEC-061',
    resourceTypes: [REGISTRY],
    problem: 'the registry is not encrypted with a customer-managed key',
    fix: 'add encryption { key_vault_key_id, identity_client_id } (Premium SKU; decided at creation)',
    checks: [
      check('AZPOL-5b9159ae-1701-4a6f-9a7a-aa9c8ddd0580', exists('encryption.key_vault_key_id')),
    ],
  },
  {
    id: 'AZML-SEC-062',
    resourceTypes: [WEBHOOK],
    problem: 'the webhook posts to a URI that is not https',
    fix: 'use an https:// service_uri',
    checks: [
      check('CKV2_AZURE_30', matches('service_uri', '^https://')),
    ],
  },
];

// Rules for key vaults, keys and secrets.
import { absentOrEquals, anyOf, between, check, equals, exists, isIn, SecurityRule } from '../rule';

const VAULT = 'azurerm_key_vault';
const KEY = 'azurerm_key_vault_key';
const SECRET = 'azurerm_key_vault_secret';

export const KEY_VAULT_RULES: SecurityRule[] = [
  {
    id: 'AZML-SEC-040',
    resourceTypes: [VAULT],
    problem: 'the vault can be purged before its retention ends (purge_protection_enabled is false, or unset: the provider default is false)',
    fix: 'set purge_protection_enabled = true and soft_delete_retention_days between 7 and 90 (KeyVault does both); it cannot be turned off again',
    checks: [
      check('CKV_AZURE_42', equals('purge_protection_enabled', true), absentOrEquals('soft_delete_enabled', true)),
      check('CKV_AZURE_110', equals('purge_protection_enabled', true)),
      check('CKV_AZURE_111', absentOrEquals('soft_delete_enabled', true)),
      check('AVD-AZU-0016', equals('purge_protection_enabled', true), between('soft_delete_retention_days', 7, 90)),
      check('AZPOL-0b60c0b2-2dc2-4e1c-b5c9-abbed971de53', equals('purge_protection_enabled', true)),
    ],
  },
  {
    id: 'AZML-SEC-041',
    resourceTypes: [VAULT],
    problem: 'the vault firewall allows all networks (network_acls.default_action is Allow, or there is no network_acls block)',
    fix: 'add network_acls { default_action = "Deny", bypass = "AzureServices" } (KeyVault does) and use a private endpoint (vault)',
    checks: [
      check('CKV_AZURE_109', equals('network_acls.default_action', 'Deny')),
      check('AVD-AZU-0013', equals('network_acls.default_action', 'Deny')),
      check('AZPOL-55615ac9-af46-4a59-874e-391cc3dfb490', equals('network_acls.default_action', 'Deny')),
    ],
  },
  {
    id: 'AZML-SEC-042',
    resourceTypes: [VAULT],
    problem: 'the vault is reachable from the public internet (public_network_access_enabled is true, or unset: the provider default is true)',
    fix: 'set public_network_access_enabled = false (KeyVault: publicNetworkAccessEnabled: false) and reach it through a private endpoint (vault)',
    checks: [
      check('CKV_AZURE_189', anyOf(equals('public_network_access_enabled', false), exists('network_acls.ip_rules'),
        exists('network_acls.virtual_network_subnet_ids'))),
      check('AZPOL-405c5871-3e91-4644-8a63-58e19d68ff5b', equals('public_network_access_enabled', false)),
    ],
  },
  {
    id: 'AZML-SEC-043',
    resourceTypes: [VAULT],
    problem: 'the vault uses access policies instead of Azure RBAC (rbac_authorization_enabled is false, or unset: the provider default is false)',
    fix: 'set rbac_authorization_enabled = true (KeyVault does) and grant data roles instead of access policies',
    checks: [
      check('AZPOL-12d4fa5e-1f9f-4c21-97a9-b99b3c6611b5', equals('rbac_authorization_enabled', true)),
    ],
  },
  {
    id: 'AZML-SEC-044',
    resourceTypes: [KEY],
    problem: 'the key has no expiration date',
    fix: 'set expiration_date (and a rotation_policy so the key is renewed before it expires); never remove it once set',
    checks: [
      check('CKV_AZURE_40', exists('expiration_date')),
      check('AVD-AZU-0014', exists('expiration_date')),
      check('AZPOL-152b15f7-8e1f-4c1f-ab71-8c010ba5dbc0', exists('expiration_date')),
      check('KICS-check_key_expiration_is_set', exists('expiration_date')),
    ],
  },
  {
    id: 'AZML-SEC-045',
    resourceTypes: [KEY],
    problem: 'the key is not backed by an HSM (key_type is not RSA-HSM or EC-HSM)',
    fix: 'set key_type = "RSA-HSM" (or "EC-HSM"); the vault needs the premium SKU',
    checks: [
      check('CKV_AZURE_112', isIn('key_type', ['RSA-HSM', 'EC-HSM'])),
    ],
  },
  {
    id: 'AZML-SEC-046',
    resourceTypes: [KEY],
    problem: 'the key has no rotation policy',
    fix: 'add rotation_policy { expire_after, notify_before_expiry, automatic { time_before_expiry } }',
    checks: [
      check('KICS-ca1ffce5-e2f9-4d8a-978e-719d1ed7c7fa', exists('rotation_policy')),
    ],
  },
  {
    id: 'AZML-SEC-047',
    resourceTypes: [SECRET],
    problem: 'the secret has no expiration date',
    fix: 'set expiration_date on the secret',
    checks: [
      check('CKV_AZURE_41', exists('expiration_date')),
      check('AVD-AZU-0017', exists('expiration_date')),
      check('AZPOL-98728c90-32c7-4049-8429-847dc0f4fe37', exists('expiration_date')),
      check('KICS-check_secret_expiration_is_set', exists('expiration_date')),
    ],
  },
  {
    id: 'AZML-SEC-048',
    resourceTypes: [SECRET],
    problem: 'the secret has no content type',
    fix: 'set content_type to what the secret is (e.g. "password", "connection-string")',
    checks: [
      check('CKV_AZURE_114', exists('content_type')),
      check('AVD-AZU-0015', exists('content_type')),
    ],
  },
];

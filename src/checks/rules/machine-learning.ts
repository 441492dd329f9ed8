// Rules for Azure Machine Learning workspaces and computes.
import { absentOrEquals, check, checkOn, equals, exists, SecurityRule } from '../rule';

const WORKSPACE = 'azurerm_machine_learning_workspace';
const CLUSTER = 'azurerm_machine_learning_compute_cluster';
const INSTANCE = 'azurerm_machine_learning_compute_instance';

export const MACHINE_LEARNING_RULES: SecurityRule[] = [
  {
    id: 'AZML-SEC-001',
    resourceTypes: [WORKSPACE],
    problem: 'the workspace is reachable from the public internet (public_network_access_enabled is true, or unset: the provider default is true)',
    fix: 'set public_network_access_enabled = false (Workspace: publicNetworkAccessEnabled: false) and reach the workspace through a private endpoint (amlworkspace)',
    checks: [
      check('CKV_AZURE_144', equals('public_network_access_enabled', false)),
      check('CKV2_AZURE_49', absentOrEquals('public_network_access_enabled', false)),
      check('AZPOL-438c38d2-3772-465a-a9cc-7a6666a275ce', equals('public_network_access_enabled', false)),
      check('PSRULE-Azure.ML.PublicAccess', equals('public_network_access_enabled', false)),
    ],
  },
  {
    id: 'AZML-SEC-002',
    resourceTypes: [WORKSPACE],
    problem: 'the workspace is not encrypted with a customer-managed key (no encryption block)',
    fix: 'add an encryption block with key_vault_id and key_id (Workspace: encryption); it is decided at creation (changing it replaces the workspace)',
    checks: [
      check('AZPOL-ba769a63-b8cc-4b2d-abf6-ac33c7204be8', exists('encryption.key_id'), exists('encryption.key_vault_id')),
    ],
  },
  {
    id: 'AZML-SEC-003',
    resourceTypes: [WORKSPACE],
    problem: 'the workspace does not run as a user-assigned managed identity',
    fix: 'set identity.type = "UserAssigned" with identity_ids and primary_user_assigned_identity (Workspace: identity: WorkspaceIdentity.userAssigned(...)), and grant that identity the roles on storage, key vault and registry',
    checks: [
      check('AZPOL-5f0c7d88-c7de-45b8-ac49-db49e72eaa78', exists('primary_user_assigned_identity')),
      check('PSRULE-Azure.ML.UserManagedIdentity',
        equals('identity.type', 'UserAssigned'), exists('identity.identity_ids'), exists('primary_user_assigned_identity')),
    ],
  },
  {
    id: 'AZML-SEC-004',
    resourceTypes: [WORKSPACE],
    problem: 'managed network isolation does not restrict outbound traffic (managed_network.isolation_mode is not AllowOnlyApprovedOutbound; unset means Disabled)',
    fix: 'set managed_network.isolation_mode = "AllowOnlyApprovedOutbound" and add outbound rules for what jobs must reach (isolation cannot be lowered later in place)',
    checks: [
      check('AZPOL-6ddb1705-c8cf-450e-aa4b-19ad6703c440', equals('managed_network.isolation_mode', 'AllowOnlyApprovedOutbound')),
    ],
  },
  {
    id: 'AZML-SEC-010',
    resourceTypes: [CLUSTER, INSTANCE],
    problem: 'local (key/SSH) authentication is enabled on the compute (local_auth_enabled is true, or unset: the provider default is true)',
    fix: 'set local_auth_enabled = false (ComputeCluster/ComputeInstance: localAuthEnabled: false); it is fixed at creation',
    checks: [
      checkOn([CLUSTER], 'CKV_AZURE_142', equals('local_auth_enabled', false)),
      check('AZPOL-e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f', equals('local_auth_enabled', false)),
      check('PSRULE-Azure.ML.DisableLocalAuth', equals('local_auth_enabled', false)),
    ],
  },
  {
    id: 'AZML-SEC-011',
    resourceTypes: [CLUSTER],
    problem: 'the cluster keeps nodes running when idle (scale_settings.min_node_count is not 0)',
    fix: 'set scale_settings.min_node_count = 0 (ComputeCluster: minNodes: 0)',
    checks: [
      check('CKV_AZURE_150', equals('scale_settings.min_node_count', 0)),
    ],
  },
  {
    id: 'AZML-SEC-012',
    resourceTypes: [CLUSTER, INSTANCE],
    problem: 'the compute is not in a customer virtual network (no subnet_resource_id)',
    fix: 'set subnet_resource_id to a training subnet (subnetId); in a workspace with a managed network, suppress this rule with that reason',
    checks: [
      check('AZPOL-7804b5c7-01dc-4723-969b-ae300cc07ff1', exists('subnet_resource_id')),
      check('PSRULE-Azure.ML.ComputeVnet', exists('subnet_resource_id')),
    ],
  },
];

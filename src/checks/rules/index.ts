// The rule catalogue: every rule of the pack, in ID order.
import { CONTAINER_REGISTRY_RULES } from './container-registry';
import { KEY_VAULT_RULES } from './key-vault';
import { MACHINE_LEARNING_RULES } from './machine-learning';
import { MONITORING_RULES } from './monitoring';
import { STORAGE_RULES } from './storage';
import { SecurityRule } from '../rule';

export const SECURITY_RULES: readonly SecurityRule[] = [
  ...MACHINE_LEARNING_RULES,
  ...STORAGE_RULES,
  ...KEY_VAULT_RULES,
  ...CONTAINER_REGISTRY_RULES,
  ...MONITORING_RULES,
];

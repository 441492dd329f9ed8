// The rules the library's own defaults do not satisfy on purpose, each with the reason it records as a suppression
// (an acknowledgement, visible in the synthesized `//` block). docs/security-checks.md lists them. Internal.
import { IConstruct } from 'constructs';
import { suppressCheck } from './suppressions';

const PREFIX = 'cdktf-azureml default: ';

const REASONS: Record<string, string> = {
  'AZML-SEC-002': 'customer-managed keys are opt-in (Workspace `encryption`): they are fixed at creation and add '
    + 'billed resources (security-baseline §d-19).',
  'AZML-SEC-003': 'a user-assigned workspace identity is opt-in (Workspace `identity`): it needs role assignments on '
    + 'every dependency, which the library then creates.',
  'AZML-SEC-012': 'the compute runs in the workspace\'s managed virtual network, which has no customer subnet '
    + '(security-baseline §d-15).',
  'AZML-SEC-029': 'customer-managed keys are opt-in: they are fixed at creation and need a user-assigned identity '
    + 'and a key vault with purge protection (security-baseline §d-19).',
  'AZML-SEC-031': 'shared-key access was asked for (Workspace `storageSharedKeyAccess: true`, key-mode system datastores, '
    + 'or a Hub, which azurerm creates in key mode) for Azure ML features that use account keys; a 4-hour SAS expiry '
    + 'policy is the compensating control (security-baseline §d-7).',
  'AZML-SEC-033': 'queue_properties is deprecated data-plane configuration that a runner outside the network cannot '
    + 'apply; StorageAccount.addDiagnosticSettings() sends the queue logs to Log Analytics (security-baseline §d-9).',
  'AZML-SEC-035': 'blob versioning is opt-in (StorageAccount `versioning: true`) because it adds storage cost.',
  'AZML-SEC-055': 'geo-replication is opt-in: it needs Premium and a billed replica per region (security-baseline §d-24).',
  'AZML-SEC-056': 'Docker Content Trust is deprecated (removed 2028-03-31) and unsupported with customer-managed '
    + 'keys; sign images with Notary Project (security-baseline §d-6).',
  'AZML-SEC-057': 'quarantined images cannot be pulled by Azure ML until a scanner releases them (security-baseline §d-5).',
  'AZML-SEC-059': 'zone redundancy is opt-in (ContainerRegistry `zoneRedundancy: true`): it is fixed at creation and '
    + 'not available in every region (security-baseline §d-24).',
  'AZML-SEC-061': 'customer-managed keys are opt-in: they are fixed at creation (security-baseline §d-19).',
};

/** Records the library's documented exceptions `ruleIds` on `scope` (and so on everything below it). */
export function acceptLibraryExceptions(scope: IConstruct, ...ruleIds: string[]): void {
  for (const id of ruleIds) {
    const reason = REASONS[id];
    if (reason === undefined) throw new Error(`internal: no documented library exception for ${id}`);
    suppressCheck(scope, id, PREFIX + reason);
  }
}

/** The rule IDs the library may accept on its own resources. */
export function libraryExceptionIds(): string[] {
  return Object.keys(REASONS);
}

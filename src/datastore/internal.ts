// Helpers shared by the datastore constructs. Internal: not exported from src/index.ts.
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { BuiltInRole, grantRole, IGrantee } from '../core/grants';
import { NAME_RULES, resolvePhysicalName } from '../core/naming';
import { claimName, uniquenessScope } from '../core/naming-registry';
import { isResolved, ValidationError } from '../core/validation';
import { Warnings } from '../core/warnings';
import { IStorageAccount } from '../storage/storage-account-base';
import { IWorkspace } from '../workspace/workspace-ref';

/** @internal */
export enum CredentialKind {
  WORKSPACE_IDENTITY = 'workspace identity',
  NONE = 'no credentials',
  ACCOUNT_KEY = 'account key',
  SAS_TOKEN = 'SAS token',
  SERVICE_PRINCIPAL = 'service principal',
}

/** @internal What a datastore puts in its resource for these credentials. */
export interface ResolvedSecrets {
  readonly accountKey?: string;
  readonly sasToken?: string;
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly authorityUrl?: string;
}

/** @internal The storage a datastore points at, once bound to the datastore construct. */
export interface BoundStorageTarget {
  /** ARM ID of the container, file system or share. */
  readonly resourceId: string;
  /** The storage account, when one was given. */
  readonly storageAccount?: IStorageAccount;
  /** How to name the target in messages. */
  readonly description: string;
}

const GEN1_RETIRED = 'Azure Data Lake Storage Gen1 was retired on 29 February 2024: Azure ML can no longer '
  + 'reach Gen1 stores and azurerm 4.55.0 has no Gen1 datastore resource. Migrate the data to Data Lake Storage Gen2 '
  + '(a storage account with hierarchical namespace) and use a DataLakeGen2Datastore.';

/** @internal Throws the Gen1 retirement error when `value` names an ADLS Gen1 store. */
export function rejectGen1(scope: Construct, value: string): void {
  if (!isResolved(value)) return;
  if (/\/providers\/Microsoft\.DataLakeStore\/accounts\//i.test(value) || /^adl:\/\//i.test(value)
    || /\.azuredatalakestore\.net/i.test(value)) {
    throw new ValidationError(scope, `'${value}' is an Azure Data Lake Storage Gen1 store. ${GEN1_RETIRED}`);
  }
}

/** Names Azure ML gives the datastores it creates with every workspace. */
const SYSTEM_DATASTORES = ['workspaceblobstore', 'workspacefilestore', 'workspaceartifactstore', 'workspaceworkingdirectory'];

/** @internal The datastore name: the given one checked, or one generated from the construct path. */
export function datastoreName(scope: Construct, given?: string): string {
  const name = resolvePhysicalName(scope, NAME_RULES.datastore, given);

  if (isResolved(name) && SYSTEM_DATASTORES.includes(name.toLowerCase())) {
    throw new ValidationError(scope, `datastore name '${name}' is taken: Azure ML creates a datastore of that name with every `
      + 'workspace. Choose another name, or refer to the existing one with Datastore.fromDatastoreName(scope, id, workspace, '
      + `'${name}').`);
  }
  return name;
}

/**
 * @internal The `service_data_*identity` value for studio access as the workspace identity, and
 * the principal to grant (when known).
 */
export function workspaceServiceIdentity(workspace: IWorkspace): { value: string; grantee?: IGrantee } {
  if (workspace.primaryUserAssignedIdentity) {
    return { value: 'WorkspaceUserAssignedIdentity', grantee: workspace.primaryUserAssignedIdentity };
  }
  return { value: 'WorkspaceSystemAssignedIdentity', grantee: workspace.systemAssignedIdentity };
}

const grantRegistry = new WeakMap<IConstruct, Map<string, RoleAssignment>>();

/**
 * @internal Grants the storage role a datastore's identity needs on the container itself (its Azure Resource
 * Manager ID, `<account>/blobServices/default/containers/<name>`), also when the container was given by name or
 * created in a known account: never on the whole account. Deduplicated per stack, so two datastores on one container
 * do not create the same assignment twice. When the identity is unknown, warns with what to grant instead.
 */
export function grantDataAccess(
  scope: Construct,
  workspace: IWorkspace,
  target: BoundStorageTarget,
  role: BuiltInRole,
): RoleAssignment | undefined {
  const { grantee } = workspaceServiceIdentity(workspace);
  if (!grantee) {
    Warnings.of(scope).add('AZML-DS-002', `The managed identity of workspace ${workspace.node.path} is not known here, so `
      + `'${role.roleName}' on ${target.description} was not granted and the studio cannot read this datastore. Grant that role `
      + 'to the workspace\'s managed identity yourself, or import the workspace with `systemAssignedPrincipalId` (or '
      + '`primaryUserAssignedIdentity`) in Workspace.fromWorkspaceAttributes() so the datastore grants it. '
      + 'Set `grantWorkspaceIdentity: false` to silence this warning.');
    return undefined;
  }
  // On the container (or file system, or share) itself, never the whole account: least privilege.
  const stack = TerraformStack.of(scope);
  let registry = grantRegistry.get(stack);
  if (!registry) {
    registry = new Map();
    grantRegistry.set(stack, registry);
  }
  const key = `${target.resourceId}|${role.roleName}|${grantee.principalId}`;
  const existing = registry.get(key);
  if (existing) return existing;
  const assignment = grantRole(scope, grantee, role, target.resourceId);
  registry.set(key, assignment);
  return assignment;
}

/** @internal Claims the datastore name in its workspace; called once the datastore's input is valid. */
export function claimDatastoreName(scope: Construct, workspace: IWorkspace, name: string): void {
  claimName(scope, `datastores of ${uniquenessScope(workspace, workspace.workspaceId)}`, name, 'datastore name',
    `in the same workspace (${workspace.node.path})`);
}

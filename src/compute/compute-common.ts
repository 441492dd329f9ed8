// Internal helpers shared by ComputeCluster and ComputeInstance. Not exported from src/index.ts.
import { IConstruct } from 'constructs';
import { ComputeIdentity } from './compute-identity';
import { VmSize } from './vm-size';
import { IGrantee, pathKey, PrincipalType } from '../core/grants';
import { claimNames, NameClaim, uniquenessScope } from '../core/naming-registry';
import { checkSubnetId } from '../core/network-rules';
import { checkRegion } from '../core/region';
import { checkPattern, isResolved, ValidationError } from '../core/validation';
import { acknowledgementOf, Warnings } from '../core/warnings';
import { IWorkspace, ManagedNetworkIsolation } from '../workspace/workspace-ref';

/** Shape of an Azure VM size name (case-insensitive, as Azure compares them). */
const VM_SIZE_PATTERN = /^(standard|basic)_[a-z0-9_-]+$/i;

/** Checks a VM size name and returns it. */
export function resolveVmSize(scope: IConstruct, vmSize: VmSize): string {
  checkPattern(scope, 'vmSize', vmSize.name, VM_SIZE_PATTERN,
    'Azure VM size names look like Standard_DS3_v2',
    'Use one of the VmSize constants or VmSize.of() with the exact Azure size name.');
  return vmSize.name;
}

/** The compute's location: the given one, else the workspace's; an error when neither is known. */
export function resolveLocation(scope: IConstruct, workspace: IWorkspace, given: string | undefined, what: string): string {
  checkRegion(scope, 'location', given);
  const location = given ?? workspace.location;
  if (location === undefined || location === '') {
    throw new ValidationError(scope, `the ${what} needs a location, and the workspace '${workspace.node.path}' has no known location. `
      + 'Pass `location` (e.g. \'westeurope\'), or import the workspace with its location '
      + '(Workspace.fromWorkspaceId(scope, id, workspaceId, location)).');
  }
  return location;
}

/** Whether the workspace is known to run a managed virtual network. */
export function hasManagedNetwork(workspace: IWorkspace): boolean {
  const isolation = workspace.managedNetworkIsolation;
  return isolation !== undefined && isolation !== ManagedNetworkIsolation.DISABLED;
}

/**
 * Node public IP. Off when a subnet or the workspace's managed network gives nodes a private path. It never
 * silently follows the workspace's isolation setting to `true`: without a subnet and without a (known) managed
 * network, `nodePublicIp` must be given (an error says so), so lowering a workspace's isolation later is an error
 * at synth instead of a replacement of every compute with public IPs. `false` without a private path fails here
 * rather than at apply.
 */
export function resolveNodePublicIp(
  scope: IConstruct,
  workspace: IWorkspace,
  subnetId: string | undefined,
  given: boolean | undefined,
  what: string,
): boolean {
  checkSubnetId(scope, 'subnetId', subnetId);
  const managed = hasManagedNetwork(workspace);
  if (subnetId !== undefined && managed) {
    Warnings.of(scope).add('AZML-COMPUTE-001', `The ${what} has a subnetId, but the workspace uses a managed virtual network `
      + `(${workspace.managedNetworkIsolation}); computes of a managed-network workspace run in that network. `
      + 'Leave subnetId out, or use a workspace with managed network isolation Disabled.');
  }
  const why = workspace.managedNetworkIsolation === undefined
    ? 'the managed network isolation of the workspace is unknown'
    : 'the workspace has no managed network (isolation Disabled)';
  if (given === false && subnetId === undefined && !managed) {
    throw new ValidationError(scope, `nodePublicIp is false, but the ${what} has no subnetId and ${why}: `
      + 'nodes without a public IP need a private network, so Azure would reject the compute at apply. '
      + 'Pass `subnetId` (a subnet of your virtual network), use a workspace with a managed network '
      + '(when importing one, pass managedNetworkIsolation to Workspace.fromWorkspaceAttributes), '
      + 'or pass nodePublicIp: true.');
  }
  if (given !== undefined) {
    if (given) {
      Warnings.of(scope).add('AZML-COMPUTE-002', `The ${what} nodes get public IP addresses (nodePublicIp: true). `
        + 'To keep nodes off the internet, pass `subnetId` or use a workspace with a managed network, and nodePublicIp: false.');
    }
    return given;
  }
  if (subnetId !== undefined || managed) return false;
  throw new ValidationError(scope, `nodePublicIp is not set, and the ${what} has no subnetId and ${why}, so its nodes could `
    + 'only run with public IP addresses. The library does not choose that for you (nor let it follow the workspace\'s '
    + 'isolation setting, which would replace the compute when that setting changes). Pass `subnetId` (a subnet of your '
    + 'virtual network), use a workspace with a managed network, or pass nodePublicIp: true to accept public IPs.');
}

/**
 * SSH open to the internet (public SSH port on nodes with public IPs) is an error unless the construct, or a
 * scope above it, acknowledges `AZML-COMPUTE-003` with a reason. Checked at synthesis, so the acknowledgement
 * may come after the compute is created.
 */
export function requireSshAcknowledgement(scope: IConstruct, what: string): void {
  scope.node.addValidation({
    validate: () => (acknowledgementOf(scope, SSH_OPEN_ID) !== undefined ? [] : [
      `${scope.node.path}: the ${what} opens SSH (port 22) to the internet: its nodes have public IP addresses and public SSH `
      + 'access, so anyone can try the password or key. Close it (ssh.publicAccess: false, a subnetId with a network security '
      + 'group, or no SSH), or accept it with '
      + `Warnings.of(compute).acknowledge('${SSH_OPEN_ID}', '<why this is acceptable>').`,
    ]),
  });
}

/** ID of the acknowledgement that allows SSH open to the internet on a compute. */
export const SSH_OPEN_ID = 'AZML-COMPUTE-003';

/** Checks the identity (a user-assigned one needs at least one identity). */
export function checkIdentity(scope: IConstruct, identity: ComputeIdentity): void {
  if (!identity.systemAssignedEnabled && identity.userAssignedIdentities.length === 0) {
    throw new ValidationError(scope, 'ComputeIdentity.userAssigned() was given no identity; pass at least one '
      + 'IUserAssignedIdentity (e.g. UserAssignedIdentityRef.fromResource(uai)), or use ComputeIdentity.systemAssigned().');
  }
}

/** Stable key for the compute's system-assigned identity in role-assignment construct IDs: its path below the stack. */
export function computeGranteeKey(scope: IConstruct): string {
  return pathKey(scope);
}

/**
 * The grantee a compute acts as: its system-assigned identity when it has one, otherwise its
 * first user-assigned identity (so grants land on that identity and are shared with its other users).
 */
export function computeGrantee(scope: IConstruct, identity: ComputeIdentity, systemPrincipalId: string): IGrantee {
  if (identity.systemAssignedEnabled) {
    return {
      principalId: systemPrincipalId,
      principalType: PrincipalType.SERVICE_PRINCIPAL,
      granteeKey: computeGranteeKey(scope),
      isManagedIdentity: true,
    };
  }
  return identity.userAssignedIdentities[0];
}

/** Checks a duration is a whole number of seconds within [min, max] (in seconds). */
export function checkDurationSeconds(
  scope: IConstruct,
  what: string,
  seconds: number,
  iso: string,
  minSeconds: number,
  maxSeconds: number | undefined,
  rule: string,
): void {
  if (!isResolved(seconds)) return;
  if (!Number.isInteger(seconds) || seconds < minSeconds || (maxSeconds !== undefined && seconds > maxSeconds)) {
    throw new ValidationError(scope, `${what} is ${iso}; ${rule}.`);
  }
}

/**
 * Claims the compute name in its workspace (clusters and instances share one namespace, `workspaces/computes`) and,
 * for an instance, in its region: an instance's DNS name is `<name>.<region>.instances.azureml.ms`, so instance names
 * are unique per region, across workspaces.
 */
export function claimComputeName(scope: IConstruct, workspace: IWorkspace, name: string, instanceLocation?: string): void {
  const claims: NameClaim[] = [{
    namespace: `computes of ${uniquenessScope(workspace, workspace.workspaceId)}`,
    name,
    what: 'compute name',
    where: `in the same workspace (${workspace.node.path}; clusters and instances share one set of compute names)`,
  }];
  if (instanceLocation !== undefined && isResolved(instanceLocation)) {
    claims.push({
      namespace: `compute instances in ${instanceLocation.toLowerCase().replace(/\s/g, '')}`,
      name,
      what: 'compute instance name',
      where: `in region '${instanceLocation}' (an instance's DNS name is <name>.<region>.instances.azureml.ms, so instance names `
        + 'are unique per region, across workspaces)',
    });
  }
  claimNames(scope, claims);
}

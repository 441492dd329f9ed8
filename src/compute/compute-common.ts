// Internal helpers shared by ComputeCluster and ComputeInstance. Not exported from src/index.ts.
import { IConstruct } from 'constructs';
import { ComputeIdentity } from './compute-identity';
import { VmSize } from './vm-size';
import { IGrantee, pathKey, PrincipalType } from '../core/grants';
import { checkPattern, isResolved, ValidationError } from '../core/validation';
import { Warnings } from '../core/warnings';
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
 * Node public IP: off when a subnet or the workspace's managed network gives nodes a private
 * path, otherwise on with a warning. `false` with neither fails here rather than at apply.
 */
export function resolveNodePublicIp(
  scope: IConstruct,
  workspace: IWorkspace,
  subnetId: string | undefined,
  given: boolean | undefined,
  what: string,
): boolean {
  const managed = hasManagedNetwork(workspace);
  if (subnetId !== undefined && managed) {
    Warnings.of(scope).add('AZML-COMPUTE-001', `The ${what} has a subnetId, but the workspace uses a managed virtual network `
      + `(${workspace.managedNetworkIsolation}); computes of a managed-network workspace run in that network. `
      + 'Leave subnetId out, or use a workspace with managed network isolation Disabled.');
  }
  if (given === false && subnetId === undefined && !managed) {
    const why = workspace.managedNetworkIsolation === undefined
      ? 'the managed network isolation of the workspace is unknown'
      : 'the workspace has no managed network (isolation Disabled)';
    throw new ValidationError(scope, `nodePublicIp is false, but the ${what} has no subnetId and ${why}: `
      + 'nodes without a public IP need a private network, so Azure would reject the compute at apply. '
      + 'Pass `subnetId` (a subnet of your virtual network), use a workspace with a managed network '
      + '(when importing one, pass managedNetworkIsolation to Workspace.fromWorkspaceAttributes), '
      + 'or leave nodePublicIp unset.');
  }
  if (given !== undefined) return given;
  if (subnetId !== undefined || managed) return false;
  Warnings.of(scope).add('AZML-COMPUTE-002', `The ${what} nodes get public IP addresses because it has no subnetId and the workspace `
    + `${workspace.managedNetworkIsolation === undefined ? 'is not known to have' : 'has no'} managed network. `
    + 'To keep nodes off the internet, pass `subnetId` or use a workspace with a managed network; then node public IPs are off.');
  return true;
}

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

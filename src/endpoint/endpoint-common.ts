import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { ComputeIdentity } from '../compute/compute-identity';
import { IGrantee, PrincipalType } from '../core/grants';
import { NameRule } from '../core/naming';
import { ValidationError } from '../core/validation';
import { IWorkspace } from '../workspace/workspace-ref';

/** API version of endpoints and deployments (present in ../shared/arm-types). */
export const ENDPOINT_API_VERSION = '2025-06-01';

/** Endpoint names: part of the scoring URL `<name>.<region>.inference.ml.azure.com`, unique in the region. */
export const ENDPOINT_NAME_RULE: NameRule = {
  resourceType: 'endpoint',
  pattern: /^[a-zA-Z](?:[a-zA-Z0-9-]{1,30}[a-zA-Z0-9])$/,
  description: '3-32 letters, digits and hyphens, starting with a letter and ending with a letter or digit, unique in the region',
  minLength: 3,
  maxLength: 32,
  separator: '-',
  lowercase: true,
};

/** Deployment names, unique in their endpoint. */
export const DEPLOYMENT_NAME_RULE: NameRule = {
  resourceType: 'deployment',
  pattern: /^[a-zA-Z](?:[a-zA-Z0-9-]{1,30}[a-zA-Z0-9])$/,
  description: '3-32 letters, digits and hyphens, starting with a letter and ending with a letter or digit',
  minLength: 3,
  maxLength: 32,
  separator: '-',
  lowercase: true,
};

/** The location of a resource of the workspace: given, else the workspace's, else an error. */
export function workspaceLocation(scope: IConstruct, what: string, workspace: IWorkspace, given?: string): string {
  const location = given ?? workspace.location;
  if (location === undefined) {
    throw new ValidationError(scope, `the ${what} needs a location and the workspace's is unknown (imported by ID); `
      + 'pass `location`, e.g. location: \'westeurope\', the region of the workspace.');
  }
  return location;
}

/** The azapi identity block of an endpoint or deployment. */
export function azapiIdentity(identity: ComputeIdentity): { type: string; identityIds?: string[] } {
  return identity.userAssignedIdentities.length > 0 ? { type: identity.type, identityIds: identity.identityIds } : { type: identity.type };
}

/** The system-assigned identity of an azapi resource as a grantee. */
export function systemAssignedGrantee(principalId: string, key: string): IGrantee {
  return { principalId, principalType: PrincipalType.SERVICE_PRINCIPAL, granteeKey: key, isManagedIdentity: true };
}

/** Checks a whole number against bounds, skipping tokens. */
export function checkWholeNumber(scope: IConstruct, what: string, value: number | undefined, min: number, max: number, fix: string): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(scope, `${what} ${value} is out of range: it must be a whole number from ${min} to ${max}. ${fix}`);
  }
}

/**
 * VM sizes managed online deployments accept (Azure ML's managed online endpoints SKU list). Internal.
 */
export const ONLINE_INSTANCE_TYPES = [
  'Standard_DS1_v2', 'Standard_DS2_v2', 'Standard_DS3_v2', 'Standard_DS4_v2', 'Standard_DS5_v2',
  'Standard_F2s_v2', 'Standard_F4s_v2', 'Standard_F8s_v2', 'Standard_F16s_v2', 'Standard_F32s_v2', 'Standard_F48s_v2', 'Standard_F64s_v2', 'Standard_F72s_v2',
  'Standard_FX4mds', 'Standard_FX12mds', 'Standard_FX24mds', 'Standard_FX36mds', 'Standard_FX48mds',
  'Standard_E2s_v3', 'Standard_E4s_v3', 'Standard_E8s_v3', 'Standard_E16s_v3', 'Standard_E32s_v3', 'Standard_E48s_v3', 'Standard_E64s_v3',
  'Standard_D2as_v4', 'Standard_D4as_v4', 'Standard_D8as_v4', 'Standard_D16as_v4', 'Standard_D32as_v4', 'Standard_D48as_v4', 'Standard_D64as_v4', 'Standard_D96as_v4',
  'Standard_D2a_v4', 'Standard_D4a_v4', 'Standard_D8a_v4', 'Standard_D16a_v4', 'Standard_D32a_v4', 'Standard_D48a_v4', 'Standard_D64a_v4', 'Standard_D96a_v4',
  'Standard_E2as_v4', 'Standard_E4as_v4', 'Standard_E8as_v4', 'Standard_E16as_v4', 'Standard_E20as_v4', 'Standard_E32as_v4', 'Standard_E48as_v4', 'Standard_E64as_v4', 'Standard_E96as_v4',
  'Standard_NC4as_T4_v3', 'Standard_NC8as_T4_v3', 'Standard_NC16as_T4_v3', 'Standard_NC64as_T4_v3',
  'Standard_NC6s_v3', 'Standard_NC12s_v3', 'Standard_NC24s_v3',
  'Standard_NC24ads_A100_v4', 'Standard_NC48ads_A100_v4', 'Standard_NC96ads_A100_v4',
  'Standard_NC40ads_H100_v5', 'Standard_NC80adis_H100_v5',
  'Standard_ND96asr_v4', 'Standard_ND96amsr_A100_v4', 'Standard_ND40rs_v2', 'Standard_ND96isr_H100_v5',
];

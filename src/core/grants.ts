import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { DefaultTokenResolver, StringConcat, TerraformStack, Token, Tokenization } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { checkGuid, ValidationError } from './validation';

/** The kind of Entra ID principal a role is assigned to. */
export enum PrincipalType {
  /** A user. */
  USER = 'User',
  /** A security group. */
  GROUP = 'Group',
  /** A service principal, including managed identities. */
  SERVICE_PRINCIPAL = 'ServicePrincipal',
}

/** Something roles can be granted to. */
export interface IGrantee {
  /** Object ID of the principal. */
  readonly principalId: string;
  /** Kind of principal. */
  readonly principalType: PrincipalType;
  /**
   * Stable key naming this grantee in the construct IDs (and so the Terraform addresses) of
   * its role assignments. Construct IDs are public API: the key must not change between synths.
   */
  readonly granteeKey: string;
  /**
   * Whether the principal is a managed identity that may be created in the same apply;
   * the assignment then skips the Entra ID existence check that would fail on replication lag.
   */
  readonly isManagedIdentity: boolean;
}

/** Options for a principal given by object ID. */
export interface PrincipalOptions {
  /**
   * Stable key for construct IDs of its role assignments.
   * @default - the object ID; required when the object ID is a Terraform reference
   */
  readonly key?: string;
}

/** An Entra ID principal given by object ID. */
export class Principal implements IGrantee {
  /** A user by object ID. */
  public static user(objectId: string, options: PrincipalOptions = {}): Principal {
    return new Principal(objectId, PrincipalType.USER, options.key);
  }

  /** A security group by object ID. */
  public static group(objectId: string, options: PrincipalOptions = {}): Principal {
    return new Principal(objectId, PrincipalType.GROUP, options.key);
  }

  /** A service principal (e.g. a CI deployer) by object ID. */
  public static servicePrincipal(objectId: string, options: PrincipalOptions = {}): Principal {
    return new Principal(objectId, PrincipalType.SERVICE_PRINCIPAL, options.key);
  }

  public readonly granteeKey: string;
  public readonly isManagedIdentity = false;

  private constructor(public readonly principalId: string, public readonly principalType: PrincipalType, key?: string) {
    // An object ID from a reference without a key cannot name role assignments: `grantRole` says so, naming the
    // construct the grant is made on (a static factory has no construct path to name).
    this.granteeKey = key ?? (Token.isUnresolved(principalId) ? '' : principalId);
  }
}

/**
 * An Azure built-in role. Holds the role-definition ID (the same in every tenant) and the
 * role name, which is what the synthesized role assignments show to a reviewer.
 */
export class BuiltInRole {
  public static readonly OWNER = new BuiltInRole('Owner', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635');
  public static readonly CONTRIBUTOR = new BuiltInRole('Contributor', 'b24988ac-6180-42a0-ab88-20f7382dd24c');
  public static readonly READER = new BuiltInRole('Reader', 'acdd72a7-3385-48ef-bd42-f606fba81ae7');
  public static readonly AZUREML_DATA_SCIENTIST = new BuiltInRole('AzureML Data Scientist', 'f6c7c914-8db3-469d-8ca1-694a8f32e121');
  public static readonly AZUREML_COMPUTE_OPERATOR = new BuiltInRole('AzureML Compute Operator', 'e503ece1-11d0-4e8e-8e2c-7a6c3bf38815');
  public static readonly AZUREML_REGISTRY_USER = new BuiltInRole('AzureML Registry User', '1823dd4f-9b8c-4ab6-ab4e-7397a3684615');
  public static readonly STORAGE_BLOB_DATA_READER = new BuiltInRole('Storage Blob Data Reader', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1');
  public static readonly STORAGE_BLOB_DATA_CONTRIBUTOR = new BuiltInRole('Storage Blob Data Contributor', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe');
  public static readonly STORAGE_BLOB_DATA_OWNER = new BuiltInRole('Storage Blob Data Owner', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b');
  public static readonly STORAGE_FILE_DATA_PRIVILEGED_CONTRIBUTOR = new BuiltInRole('Storage File Data Privileged Contributor', '69566ab7-960f-475b-8e7c-b3118f30c6bd');
  public static readonly STORAGE_FILE_DATA_SMB_SHARE_READER = new BuiltInRole('Storage File Data SMB Share Reader', 'aba4ae5f-2193-4029-9191-0cb91df5e314');
  public static readonly ACR_PULL = new BuiltInRole('AcrPull', '7f951dda-4ed3-4680-a7ca-43fe172d538d');
  public static readonly ACR_PUSH = new BuiltInRole('AcrPush', '8311e382-0749-4cb8-b61a-304f252e45ec');
  public static readonly KEY_VAULT_ADMINISTRATOR = new BuiltInRole('Key Vault Administrator', '00482a5a-887f-4fb3-b363-3b7fe8e74483');
  public static readonly KEY_VAULT_SECRETS_USER = new BuiltInRole('Key Vault Secrets User', '4633458b-17de-408a-b874-0445c86b69e6');
  public static readonly KEY_VAULT_SECRETS_OFFICER = new BuiltInRole('Key Vault Secrets Officer', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7');
  public static readonly KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER = new BuiltInRole('Key Vault Crypto Service Encryption User', 'e147488a-f6f5-4113-8e2d-b22465e65bf6');
  public static readonly KEY_VAULT_CRYPTO_OFFICER = new BuiltInRole('Key Vault Crypto Officer', '14b46e9e-c2b7-41b4-b07b-48a6ebf60603');
  public static readonly MONITORING_METRICS_PUBLISHER = new BuiltInRole('Monitoring Metrics Publisher', '3913510d-42f4-4e42-8a64-420c390055eb');
  public static readonly AZURE_AI_DEVELOPER = new BuiltInRole('Azure AI Developer', '64702f94-c441-49e6-a78b-ef80e0188fee');
  public static readonly AZURE_AI_ADMINISTRATOR = new BuiltInRole('Azure AI Administrator', 'b78c5d69-af96-48a3-bf8d-a8b4d589de94');
  public static readonly COGNITIVE_SERVICES_USER = new BuiltInRole('Cognitive Services User', 'a97b65f3-24c7-4388-baec-2e87135dc908');
  public static readonly COGNITIVE_SERVICES_OPENAI_USER = new BuiltInRole('Cognitive Services OpenAI User', '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd');
  public static readonly SEARCH_INDEX_DATA_READER = new BuiltInRole('Search Index Data Reader', '1407120a-92aa-4202-b7e9-c0e197c71c8f');
  public static readonly SEARCH_SERVICE_CONTRIBUTOR = new BuiltInRole('Search Service Contributor', '7ca78c08-252a-4471-8644-bb5ff32d4ba0');
  public static readonly LOG_ANALYTICS_READER = new BuiltInRole('Log Analytics Reader', '73c42c96-874c-492b-b04d-ab87d138a893');

  /** Any other built-in role, by its exact name and role-definition GUID. */
  public static of(roleName: string, roleDefinitionGuid: string): BuiltInRole {
    return new BuiltInRole(roleName, roleDefinitionGuid);
  }

  private constructor(
    /** Role name as Azure shows it, e.g. `AcrPull`. */
    public readonly roleName: string,
    /** Role-definition GUID, the same in every tenant. */
    public readonly roleDefinitionGuid: string,
  ) {}
}

/**
 * A grantee key as part of a construct ID. Letters, digits and `-` stay as they are (so existing
 * keys keep their addresses); every other character is escaped (`_` + hex code), so two different keys never
 * give the same ID: `ds.team` is `ds_2eteam`, `Ws/Gpu` is `Ws_2fGpu`, and `Ws-Gpu` stays `Ws-Gpu`.
 */
export function idPart(text: string): string {
  return text.replace(/[^a-zA-Z0-9-]/g, c => `_${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A stable grantee key from a construct's path below its stack (`Ws/Gpu`); see `idPart` for how it is escaped. */
export function pathKey(scope: IConstruct): string {
  const stackDepth = scope.node.scopes.findIndex(s => TerraformStack.isStack(s)) + 1;
  return scope.node.scopes.slice(stackDepth).map(s => s.node.id).join('/');
}

/** The Terraform expression a value synthesizes to, to compare principals; the token itself when it cannot be resolved here. */
function expressionOf(scope: IConstruct, value: string): string {
  if (!Token.isUnresolved(value)) return value;
  try {
    return String(Tokenization.resolve(value, { scope, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }));
  } catch {
    return value;
  }
}

// Role assignments made through grantRole, per scope construct, keyed on (resource ID, role, principal).
const assignments = new WeakMap<IConstruct, Map<string, RoleAssignment>>();

/**
 * Assigns `role` on the resource `resourceId` to `grantee`. Idempotent on (resource, role, principal):
 * granting the same role to the same principal on the same resource again returns the existing assignment,
 * whatever key the grantee has. The assignment is a child of `scope` (the resource's construct), with the
 * ID `Grant-<role>-<grantee key>`, so its address is stable. Two different principals whose keys give the
 * same ID are an error (the second would silently get no role and fail with 403 at run time).
 */
export function grantRole(scope: Construct, grantee: IGrantee, role: BuiltInRole, resourceId: string): RoleAssignment {
  if (grantee.granteeKey === '' && Token.isUnresolved(grantee.principalId)) {
    throw new ValidationError(scope, `the ${grantee.principalType} granted '${role.roleName}' has an object ID from a Terraform `
      + 'reference and no key, so it cannot name the role assignment (construct IDs must be known at synth). Pass a stable '
      + '`key`, e.g. Principal.group(objectId, { key: \'data-scientists\' }).');
  }
  checkGuid(scope, `the object ID of grantee '${grantee.granteeKey}'`, grantee.principalId,
    'Pass the object ID of the user, group or service principal (az ad group show -g <name> --query id), not its name or a placeholder.');
  const principal = expressionOf(scope, grantee.principalId);
  const assignmentKey = `${expressionOf(scope, resourceId)}|${role.roleDefinitionGuid}|${principal}`;
  const made = assignments.get(scope) ?? new Map<string, RoleAssignment>();
  assignments.set(scope, made);
  const same = made.get(assignmentKey);
  if (same) return same;

  // Role names drop their spaces, as they always did (built-in role names do not collide that way).
  const id = `Grant-${role.roleName.replace(/[^a-zA-Z0-9-]+/g, '')}-${idPart(grantee.granteeKey)}`;
  const existing = scope.node.tryFindChild(id) as RoleAssignment | undefined;
  if (existing) {
    throw new ValidationError(scope, `two different principals would get '${role.roleName}' under the same grantee key `
      + `'${grantee.granteeKey}' (construct ID '${id}'): the principal '${principal}' and the one already granted. `
      + 'Give each grantee its own key (Principal.user/group/servicePrincipal(id, { key }), UserAssignedIdentityRef.fromAttributes({ key })).');
  }
  const assignment = new RoleAssignment(scope, id, {
    scope: resourceId,
    roleDefinitionName: role.roleName,
    principalId: grantee.principalId,
    principalType: grantee.principalType,
    skipServicePrincipalAadCheck: grantee.isManagedIdentity ? true : undefined,
  });
  made.set(assignmentKey, assignment);
  return assignment;
}

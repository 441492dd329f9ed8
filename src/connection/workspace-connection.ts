import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct, IConstruct } from 'constructs';
import { ConnectionAuth } from './connection-auth';
import { ConnectionCategory } from './connection-category';
import { checkAuthFits, checkCategory, checkTargetFits } from './connection-checks';
import { AzapiResource } from '../azapi/resource';
import { addDependencies } from '../core/dependencies';
import { BuiltInRole, grantRole, IGrantee } from '../core/grants';
import { NAME_RULES, NameRule, resolvePhysicalName } from '../core/naming';
import { claimName, uniquenessScope } from '../core/naming-registry';
import { isResolved, ValidationError } from '../core/validation';
import { Warnings } from '../core/warnings';
import type { IWorkspace } from '../workspace/workspace-ref';

/** ARM type and API version of workspace connections. */
const CONNECTION_TYPE = 'Microsoft.MachineLearningServices/workspaces/connections@2025-06-01';

/** Connection names follow the workspace rule (ARM: `^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$`). */
const CONNECTION_NAME: NameRule = { ...NAME_RULES.workspace, resourceType: 'workspace connection' };

/** Settings every connection has. */
export interface ConnectionCommonOptions {
  /**
   * Connection name (3-33 letters, digits, hyphens, underscores). Replace-forcing.
   * @default - generated from the construct path
   */
  readonly name?: string;
  /**
   * Whether every project of a hub (every user of a workspace) may use the connection.
   * @default - true for identity-based auth (users still need their own roles on the target);
   * false when the connection stores a secret
   */
  readonly isSharedToAll?: boolean;
  /**
   * Version of the stored secret. The secret is write-only (azapi `sensitive_body`): Terraform cannot see
   * a changed value, so bump this to send a rotated secret.
   * @default "1"
   */
  readonly secretVersion?: string;
  /**
   * When the connection's credentials expire, as an ISO 8601 date-time.
   * @default - no expiry
   */
  readonly expiryTime?: string;
}

/** Options of a connection of any category: everything but the workspace (see `IWorkspace.addConnection`). */
export interface WorkspaceConnectionOptions extends ConnectionCommonOptions {
  /** What the connection connects to. */
  readonly category: ConnectionCategory;
  /** URL, endpoint or connection string of the target (never with a credential in it). */
  readonly target: string;
  /** How the connection authenticates. */
  readonly auth: ConnectionAuth;
  /**
   * Extra metadata, e.g. `{ ApiType: 'Azure', ResourceId: '<ARM ID>' }`.
   * @default - none
   */
  readonly metadata?: { [key: string]: string };
}

/** Properties of a `WorkspaceConnection`. */
export interface WorkspaceConnectionProps extends WorkspaceConnectionOptions {
  /** The workspace, hub or project the connection belongs to. */
  readonly workspace: IWorkspace;
}

/**
 * A workspace connection (`Microsoft.MachineLearningServices/workspaces/connections` through
 * `azapi_resource`) on any workspace, hub or project. The typed connections (`AiServicesConnection`,
 * `GitConnection`, ...) build on it; use it directly for other categories (`ConnectionCategory.of`).
 */
export class WorkspaceConnection extends Construct {
  /** The ARM type and API version the connections are created with. */
  public static readonly ARM_TYPE = CONNECTION_TYPE;

  /** Name of the connection. */
  public readonly connectionName: string;
  /** The ARM category. */
  public readonly category: string;
  /** The `azapi_resource` (escape hatch). */
  public readonly resource: AzapiResource;
  /** The workspace the connection belongs to. */
  public readonly workspace: IWorkspace;

  private readonly targetRoles: BuiltInRole[] = [];
  private targetResourceId?: string;
  private readonly identityBased: boolean;

  constructor(scope: Construct, id: string, props: WorkspaceConnectionProps) {
    super(scope, id);
    if (!props.workspace) {
      throw new ValidationError(this, 'a connection needs a `workspace` (a Workspace, Hub or Project).');
    }
    if (!props.auth) {
      throw new ValidationError(this, `the ${props.category?.value} connection has no \`auth\`; pass ConnectionAuth.aad() `
        + '(preferred) or a secret-based ConnectionAuth.');
    }
    checkCategory(this, props.category);
    checkAuthFits(this, props.category, props.auth);
    checkTargetFits(this, props.category, props.target);
    const name = resolvePhysicalName(this, CONNECTION_NAME, props.name);
    if (props.expiryTime !== undefined && isResolved(props.expiryTime) && Number.isNaN(Date.parse(props.expiryTime))) {
      throw new ValidationError(this, `expiryTime '${props.expiryTime}' is not a date-time; pass ISO 8601, e.g. 2027-01-31T00:00:00Z.`);
    }
    if (props.secretVersion !== undefined && !props.auth.storesSecret) {
      throw new ValidationError(this, `secretVersion is set but auth type '${props.auth.authType}' stores no secret; remove secretVersion.`);
    }

    const credentials = props.auth._credentials(this);
    const secret = props.auth.storesSecret;
    const shared = props.isSharedToAll ?? !secret;
    const properties: { [key: string]: any } = {
      category: props.category.value,
      target: props.target,
      authType: props.auth.authType,
      isSharedToAll: shared,
    };
    if (props.metadata && Object.keys(props.metadata).length > 0) properties.metadata = { ...props.metadata };
    if (props.expiryTime !== undefined) properties.expiryTime = props.expiryTime;
    if (credentials && !secret) properties.credentials = credentials;

    this.resource = new AzapiResource(this, 'Resource', {
      type: CONNECTION_TYPE,
      name,
      parentId: props.workspace.workspaceId,
      body: { properties },
      // Secrets are write-only: kept out of the plan, the state and the body azapi compares.
      sensitiveBody: secret ? { properties: { credentials } } : undefined,
      sensitiveBodyVersion: secret ? { 'properties.credentials': props.secretVersion ?? '1' } : undefined,
      ignoreCasing: true,
    });
    claimName(this, `connections of ${uniquenessScope(props.workspace, props.workspace.workspaceId)}`, name, 'connection name',
      `in the same workspace (${props.workspace.node.path})`);
    this.node.defaultChild = this.resource;
    this.connectionName = name;
    this.category = props.category.value;
    this.workspace = props.workspace;
    this.identityBased = props.auth.isIdentityBased;

    if (secret && shared) {
      Warnings.of(this).add('AZML-CONN-001', `Connection '${name}' stores a ${props.auth.authType} secret and is shared to all users `
        + '(isSharedToAll: true): every project of the hub can use it. Prefer ConnectionAuth.aad(), or set isSharedToAll: false.');
    }
  }

  /**
   * Orders this construct after other resources: every Terraform resource it emits (including ones added to it
   * later) gets `depends_on` on each dependable.
   * @param dependables Terraform resources, data sources or modules, or constructs (then every resource they emit),
   * in the same stack
   */
  public addDependency(...dependables: IConstruct[]): void {
    addDependencies(this, dependables);
  }

  /** ARM ID of the connection. */
  public get connectionId(): string {
    return this.resource.id;
  }

  /**
   * Grants a principal the roles identity-based use of the target needs (e.g. a project's identity
   * or a team using a hub connection). Returns no assignment for secret-based connections.
   */
  public grantTargetAccess(grantee: IGrantee): RoleAssignment[] {
    if (!this.targetResourceId) return [];
    const resourceId = this.targetResourceId;
    return this.targetRoles.map(role => grantRole(this, grantee, role, resourceId));
  }

  /**
   * With identity-based auth: records the target resource and the roles it needs on it, and grants them to
   * the workspace's managed identity (the primary user-assigned one, else the system-assigned one).
   */
  protected grantWorkspaceIdentityOnTarget(resourceId: string, roles: BuiltInRole[], grantWorkspace = true): void {
    if (!this.identityBased) return;
    this.targetResourceId = resourceId;
    this.targetRoles.push(...roles);
    if (!grantWorkspace) return;
    const identity = this.workspace.primaryUserAssignedIdentity ?? this.workspace.systemAssignedIdentity;
    if (!identity) {
      Warnings.of(this).add('AZML-CONN-002', `The managed identity of ${this.workspace.node.path} is not known here, so `
        + `${roles.map(r => `'${r.roleName}'`).join(' and ')} on the target of connection '${this.connectionName}' were not granted. `
        + 'Import the workspace with `systemAssignedPrincipalId`, or grant them with connection.grantTargetAccess(identity); '
        + 'set `grantWorkspaceIdentity: false` (or acknowledge AZML-CONN-002) to silence this warning.');
      return;
    }
    this.grantTargetAccess(identity);
  }
}

import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct, IConstruct } from 'constructs';
import { normalizeResourceId } from '../core/arm-id';
import { BuiltInRole, grantRole, IGrantee } from '../core/grants';
import { importedName } from '../core/imported-name';

/** A Log Analytics workspace: created by this library or an existing one. */
export interface ILogAnalyticsWorkspace extends IConstruct {
  /** ARM ID of the Log Analytics workspace. */
  readonly logAnalyticsWorkspaceId: string;
  /** Name of the Log Analytics workspace. */
  readonly logAnalyticsWorkspaceName: string;
  /** Grants a role on this Log Analytics workspace. */
  grant(grantee: IGrantee, role: BuiltInRole): RoleAssignment;
  /** Grants Log Analytics Reader (query logs). */
  grantRead(grantee: IGrantee): RoleAssignment;
}

/** Grant methods shared by created and imported Log Analytics workspaces. */
export abstract class LogAnalyticsWorkspaceBase extends Construct implements ILogAnalyticsWorkspace {
  public abstract readonly logAnalyticsWorkspaceId: string;
  public abstract readonly logAnalyticsWorkspaceName: string;

  public grant(grantee: IGrantee, role: BuiltInRole): RoleAssignment {
    return grantRole(this, grantee, role, this.logAnalyticsWorkspaceId);
  }

  public grantRead(grantee: IGrantee): RoleAssignment {
    return this.grant(grantee, BuiltInRole.LOG_ANALYTICS_READER);
  }
}

/** A Log Analytics workspace created elsewhere. Internal: use `LogAnalyticsWorkspace.fromLogAnalyticsWorkspaceId`. */
export class ImportedLogAnalyticsWorkspace extends LogAnalyticsWorkspaceBase {
  public readonly logAnalyticsWorkspaceId: string;
  public readonly logAnalyticsWorkspaceName: string;

  constructor(scope: Construct, id: string, logAnalyticsWorkspaceId: string, logAnalyticsWorkspaceName?: string) {
    super(scope, id);
    const parsed = importedName(this, logAnalyticsWorkspaceId, 'Microsoft.OperationalInsights/workspaces', 'Log Analytics workspace');
    this.logAnalyticsWorkspaceId = normalizeResourceId(logAnalyticsWorkspaceId, 'Microsoft.OperationalInsights/workspaces');
    this.logAnalyticsWorkspaceName = logAnalyticsWorkspaceName ?? parsed;
  }
}

import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct, IConstruct } from 'constructs';
import { normalizeResourceId } from '../core/arm-id';
import { BuiltInRole, grantRole, IGrantee } from '../core/grants';
import { importedName } from '../core/imported-name';

/** An Application Insights component: created by this library or an existing one. */
export interface IApplicationInsights extends IConstruct {
  /** ARM ID of the component. */
  readonly applicationInsightsId: string;
  /** Name of the component. */
  readonly applicationInsightsName: string;
  /** Grants a role on this component. */
  grant(grantee: IGrantee, role: BuiltInRole): RoleAssignment;
}

/** Grant methods shared by created and imported components. */
export abstract class ApplicationInsightsBase extends Construct implements IApplicationInsights {
  public abstract readonly applicationInsightsId: string;
  public abstract readonly applicationInsightsName: string;

  public grant(grantee: IGrantee, role: BuiltInRole): RoleAssignment {
    return grantRole(this, grantee, role, this.applicationInsightsId);
  }
}

/** A component created elsewhere. Internal: use `ApplicationInsights.fromApplicationInsightsId`. */
export class ImportedApplicationInsights extends ApplicationInsightsBase {
  public readonly applicationInsightsId: string;
  public readonly applicationInsightsName: string;

  constructor(scope: Construct, id: string, applicationInsightsId: string, applicationInsightsName?: string) {
    super(scope, id);
    const parsed = importedName(this, applicationInsightsId, 'Microsoft.Insights/components', 'Application Insights');
    this.applicationInsightsName = applicationInsightsName ?? parsed;
    this.applicationInsightsId = normalizeResourceId(applicationInsightsId, 'Microsoft.Insights/components');
  }
}

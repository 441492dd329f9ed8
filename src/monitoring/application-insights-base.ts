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
  /**
   * Whether the component accepts ingestion or queries from public networks; undefined when unknown (imported by ID).
   * A private workspace warns about a component whose network state is unknown.
   */
  readonly openToAllNetworks?: boolean;
  /** Grants a role on this component. */
  grant(grantee: IGrantee, role: BuiltInRole): RoleAssignment;
}

/** What is known of an existing Application Insights component. */
export interface ApplicationInsightsAttributes {
  /** ARM ID of the component. */
  readonly applicationInsightsId: string;
  /**
   * Whether it accepts ingestion or queries from public networks (`false` once both are closed behind an Azure
   * Monitor Private Link Scope).
   * @default - unknown: a private workspace using it warns (AZML-NET-001)
   */
  readonly openToAllNetworks?: boolean;
}

/** Grant methods shared by created and imported components. */
export abstract class ApplicationInsightsBase extends Construct implements IApplicationInsights {
  public abstract readonly applicationInsightsId: string;
  public abstract readonly applicationInsightsName: string;
  public abstract readonly openToAllNetworks?: boolean;

  public grant(grantee: IGrantee, role: BuiltInRole): RoleAssignment {
    return grantRole(this, grantee, role, this.applicationInsightsId);
  }
}

/** A component created elsewhere. Internal: use `ApplicationInsights.fromApplicationInsightsId`. */
export class ImportedApplicationInsights extends ApplicationInsightsBase {
  public readonly applicationInsightsId: string;
  public readonly applicationInsightsName: string;
  public readonly openToAllNetworks?: boolean;

  constructor(scope: Construct, id: string, applicationInsightsId: string, applicationInsightsName?: string, openToAllNetworks?: boolean) {
    super(scope, id);
    this.openToAllNetworks = openToAllNetworks;
    const parsed = importedName(this, applicationInsightsId, 'Microsoft.Insights/components', 'Application Insights');
    this.applicationInsightsName = applicationInsightsName ?? parsed;
    this.applicationInsightsId = normalizeResourceId(applicationInsightsId, 'Microsoft.Insights/components');
  }
}

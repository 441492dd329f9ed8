import { Construct, IConstruct } from 'constructs';
import {
  checkDurationSeconds, checkIdentity, claimComputeName, computeGrantee, requireSshAcknowledgement, resolveLocation, resolveNodePublicIp,
  resolveVmSize,
} from './compute-common';
import { ComputeIdentity } from './compute-identity';
import { cronProblem } from './cron';
import { VmSize } from './vm-size';
import { AzapiResource } from '../azapi/resource';
import { addDependencies } from '../core/dependencies';
import { Duration } from '../core/duration';
import { IGrantee, PrincipalType } from '../core/grants';
import { NAME_RULES, resolvePhysicalName } from '../core/naming';
import { checkSshPublicKey } from '../core/ssh-key';
import { checkAllowedValue, checkGuid, checkPattern, isResolved, ValidationError } from '../core/validation';
import { Warnings } from '../core/warnings';
import type { IWorkspace } from '../workspace/workspace-ref';

/**
 * ARM type and API version of compute instances. 2026-05-01 is the first stable version whose
 * schema has `idleTimeBeforeShutdown` (2025-06-01 lacks it); azapi validates it from 2.11.
 */
const COMPUTE_TYPE = 'Microsoft.MachineLearningServices/workspaces/computes@2026-05-01';

/** Bounds of idle shutdown, from the ARM schema: 15 minutes to 3 days. */
const MIN_IDLE_SECONDS = 15 * 60;
const MAX_IDLE_SECONDS = 3 * 86400;

/** The Entra ID user a personal compute instance belongs to. */
export interface ComputeInstanceAssignedUser {
  /** Object ID of the user. */
  readonly objectId: string;
  /** Tenant ID of the user (a GUID). */
  readonly tenantId: string;
}

/** What a schedule does to the instance. */
export enum ComputeScheduleAction {
  /** Start the instance. */
  START = 'Start',
  /** Stop (deallocate) the instance. */
  STOP = 'Stop',
}

/** A start or stop schedule of a compute instance. */
export interface ComputeInstanceSchedule {
  /** Start or stop. */
  readonly action: ComputeScheduleAction;
  /**
   * When, as a 5-field NCrontab expression: `minute hour day-of-month month day-of-week`,
   * e.g. `0 18 * * 1-5` for 18:00 on weekdays.
   */
  readonly cronExpression: string;
  /**
   * Windows time zone ID, e.g. `Pacific Standard Time` or `W. Europe Standard Time` (not an IANA name).
   * @default "UTC"
   */
  readonly timeZone?: string;
  /**
   * When the schedule takes effect, as `yyyy-MM-ddTHH:mm:ss` in the schedule's time zone.
   * @default - immediately
   */
  readonly startTime?: string;
  /**
   * Whether the schedule is active.
   * @default true
   */
  readonly enabled?: boolean;
}

/** Options of a compute instance: everything but the workspace (see `IWorkspace.addComputeInstance`). */
export interface ComputeInstanceOptions {
  /**
   * Name of the instance: 4-24 letters, digits and hyphens, starting with a letter, not ending in `-<digits>`.
   * @default - generated from the construct path
   */
  readonly name?: string;
  /**
   * VM size.
   * @default VmSize.STANDARD_DS3_V2 (the Azure ML CLI default)
   */
  readonly vmSize?: VmSize;
  /**
   * The user the personal instance belongs to; only this user can use it.
   * @default - the identity that runs `terraform apply` (a warning says so): usually not what you want
   */
  readonly assignedUser?: ComputeInstanceAssignedUser;
  /**
   * Managed identity of the instance.
   * @default ComputeIdentity.systemAssigned()
   */
  readonly identity?: ComputeIdentity;
  /**
   * SSH public key (`ssh-rsa AAAA...`) of the user. Opens the public SSH port of the instance.
   * @default - no SSH; the public SSH port is closed
   */
  readonly sshPublicKey?: string;
  /**
   * ARM ID of the subnet the instance joins.
   * @default - none: the instance runs in the workspace's managed network, or with a public IP
   */
  readonly subnetId?: string;
  /**
   * Whether the instance gets a public IP address.
   * @default - false when `subnetId` is given or the workspace has a managed network; otherwise required (an error asks for it: the library never derives public IPs from the workspace's mutable isolation setting)
   */
  readonly nodePublicIp?: boolean;
  /**
   * Whether local (key-based) authentication is allowed (Azure Policy e96a9a5f).
   * @default false
   */
  readonly localAuthEnabled?: boolean;
  /**
   * Stop the instance after this long without activity: 15 minutes to 3 days (Azure Policy 679ddf89).
   * @default Duration.minutes(60) (emitted as PT1H)
   */
  readonly idleTimeBeforeShutdown?: Duration;
  /**
   * Start and stop schedules.
   * @default - none
   */
  readonly schedules?: ComputeInstanceSchedule[];
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Region.
   * @default - the workspace's location (an error when it is unknown)
   */
  readonly location?: string;
  /**
   * Tags.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Properties of a compute instance. */
export interface ComputeInstanceProps extends ComputeInstanceOptions {
  /** The workspace the instance belongs to, created here or imported. */
  readonly workspace: IWorkspace;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const START_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/**
 * An Azure Machine Learning compute instance: a personal development VM, with secure defaults
 * (local auth off, SSH off, no public IP when a subnet or managed network allows it, idle shutdown
 * after 60 minutes, a system-assigned identity).
 *
 * Built on `azapi_resource` (`Microsoft.MachineLearningServices/workspaces/computes@2026-05-01`)
 * because azurerm 4.55.0 has no idle shutdown or schedules. Azure cannot update an instance in
 * place, so every change to it (even tags) replaces it: its local disk is lost, files in the
 * workspace file share are kept.
 */
export class ComputeInstance extends Construct implements IGrantee {
  /** The workspace of the instance. */
  public readonly workspace: IWorkspace;
  /** Name of the instance (the name itself, not a Terraform reference). */
  public readonly computeInstanceName: string;
  // L1 attributes are read on first use and kept: every read of one makes a new token
  // (with a captured stack trace), and most are never read.
  /** ARM ID of the instance. */
  public get computeInstanceId(): string {
    return (this._computeInstanceId ??= this.resource.id);
  }
  private _computeInstanceId?: string;
  /** The identity configuration. */
  public readonly identity: ComputeIdentity;
  /** Whether the instance has a public IP address. */
  public readonly nodePublicIp: boolean;
  /** The `azapi_resource` (escape hatch). */
  public readonly resource: AzapiResource;

  /**
   * Object ID the instance acts as: its system-assigned identity, or its first user-assigned identity
   * when it has no system-assigned one.
   */
  public readonly principalId: string;
  public readonly principalType: PrincipalType = PrincipalType.SERVICE_PRINCIPAL;
  public readonly granteeKey: string;
  public readonly isManagedIdentity = true;

  constructor(scope: Construct, id: string, props: ComputeInstanceProps) {
    super(scope, id);
    this.workspace = props.workspace;
    const name = resolvePhysicalName(this, NAME_RULES.computeInstance, props.name);
    const vmSize = resolveVmSize(this, props.vmSize ?? VmSize.STANDARD_DS3_V2);
    const location = resolveLocation(this, props.workspace, props.location, 'compute instance');

    const idle = props.idleTimeBeforeShutdown ?? Duration.minutes(60);
    checkDurationSeconds(this, 'idleTimeBeforeShutdown', idle.toSeconds(), idle.toIsoString(), MIN_IDLE_SECONDS, MAX_IDLE_SECONDS,
      'Azure accepts whole seconds from 15 minutes (PT15M) to 3 days (P3D). Use e.g. Duration.minutes(60)');

    const identity = props.identity ?? ComputeIdentity.systemAssigned();
    checkIdentity(this, identity);
    this.identity = identity;

    this.nodePublicIp = resolveNodePublicIp(this, props.workspace, props.subnetId, props.nodePublicIp, 'compute instance');

    const user = props.assignedUser;
    if (user) {
      checkPattern(this, 'assignedUser.tenantId', user.tenantId, GUID, 'it must be a GUID',
        'Pass the Entra ID tenant ID of the user.');
      checkGuid(this, 'assignedUser.objectId', user.objectId, 'Pass the Entra ID object ID of the user (az ad user show --id <upn> --query id).');
    } else {
      Warnings.of(this).add('AZML-CI-001', 'The compute instance has no assignedUser, so it will belong to the identity that runs '
        + '`terraform apply` and no one else can use it. Pass assignedUser with the object and tenant IDs of its user.');
    }

    checkSshPublicKey(this, 'sshPublicKey', props.sshPublicKey);
    if (props.sshPublicKey !== undefined && this.nodePublicIp) requireSshAcknowledgement(this, 'compute instance');
    const schedules = (props.schedules ?? []).map((s, i) => this.renderSchedule(s, i));

    const properties: Record<string, any> = {
      vmSize,
      subnet: props.subnetId === undefined ? undefined : { id: props.subnetId },
      enableNodePublicIp: this.nodePublicIp,
      applicationSharingPolicy: 'Personal',
      computeInstanceAuthorizationType: 'personal',
      personalComputeInstanceSettings: user ? { assignedUser: { objectId: user.objectId, tenantId: user.tenantId } } : undefined,
      sshSettings: props.sshPublicKey === undefined
        ? { sshPublicAccess: 'Disabled' }
        : { sshPublicAccess: 'Enabled', adminPublicKey: props.sshPublicKey },
      idleTimeBeforeShutdown: idle.toIsoString(),
      schedules: schedules.length > 0 ? { computeStartStop: schedules } : undefined,
    };
    const body = {
      properties: {
        computeType: 'ComputeInstance',
        description: props.description,
        disableLocalAuth: !(props.localAuthEnabled ?? false),
        properties,
      },
    };
    const cleanBody = dropUndefined(body);
    const identityConfig = {
      type: identity.type,
      identityIds: identity.identityIds.length > 0 ? identity.identityIds : undefined,
    };
    const tags = props.tags;

    this.resource = new AzapiResource(this, 'Resource', {
      type: COMPUTE_TYPE,
      name,
      parentId: props.workspace.workspaceId,
      location,
      body: cleanBody,
      identity: identityConfig,
      tags,
      // Azure cannot update an instance: a PUT on an existing one overwrites it. Like azurerm, whose
      // instance attributes are all ForceNew, replace it on any change instead.
      replaceTriggersExternalValues: dropUndefined({
        body: cleanBody,
        identity: { type: identityConfig.type, identity_ids: identityConfig.identityIds },
        location,
        tags,
      }),
    });
    // Claimed once the input is valid (a construct that threw holds no name).
    claimComputeName(this, props.workspace, name, location);
    this.node.defaultChild = this.resource;

    this.computeInstanceName = name;
    const grantee = computeGrantee(this, identity, this.resource.identityPrincipalId);
    this.principalId = grantee.principalId;
    this.granteeKey = grantee.granteeKey;
  }

  /**
   * Orders this construct after other resources: every Terraform resource it emits (including ones added to it
   * later) gets `depends_on` on each dependable. Use it when Terraform cannot see the order from references, e.g. a
   * role assignment or a private endpoint that must exist first. Data sources are not delayed.
   * @param dependables Terraform resources, data sources or modules, or constructs (then every resource they emit),
   * in the same stack
   */
  public addDependency(...dependables: IConstruct[]): void {
    addDependencies(this, dependables);
  }

  private renderSchedule(s: ComputeInstanceSchedule, index: number): Record<string, any> {
    const at = `schedules[${index}]`;
    if (isResolved(s.cronExpression)) {
      const problem = cronProblem(s.cronExpression);
      if (problem) {
        throw new ValidationError(this, `${at}.cronExpression '${s.cronExpression}' is invalid: ${problem}. `
          + 'Use 5 fields, minute hour day-of-month month day-of-week, e.g. \'0 18 * * 1-5\' (18:00 on weekdays).');
      }
    }
    checkAllowedValue(this, `${at}.action`, s.action, Object.values(ComputeScheduleAction), 'Azure ML (ComputeStartStopSchedule.action)',
      'Use ComputeScheduleAction.START or ComputeScheduleAction.STOP.');
    const timeZone = s.timeZone ?? 'UTC';
    if (isResolved(timeZone) && (timeZone.trim() === '' || timeZone.includes('/'))) {
      throw new ValidationError(this, `${at}.timeZone '${timeZone}' is not a Windows time zone ID; Azure ML schedules use `
        + 'Windows IDs such as \'UTC\', \'Pacific Standard Time\' or \'W. Europe Standard Time\', not IANA names like \'Europe/Berlin\'.');
    }
    checkPattern(this, `${at}.startTime`, s.startTime, START_TIME, 'it must be yyyy-MM-ddTHH:mm:ss without a UTC offset',
      'e.g. \'2025-01-31T08:00:00\'; the time is read in the schedule\'s timeZone.');
    return {
      action: s.action,
      triggerType: 'Cron',
      status: (s.enabled ?? true) ? 'Enabled' : 'Disabled',
      cron: dropUndefined({ expression: s.cronExpression, timeZone, startTime: s.startTime }),
    };
  }
}

/** A deep copy of a plain object without its undefined values (azapi would send them as nulls). */
function dropUndefined<T extends Record<string, any>>(obj: T): T {
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    out[k] = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype ? dropUndefined(v) : v;
  }
  return out as T;
}

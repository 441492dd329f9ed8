import { MachineLearningComputeCluster } from '@cdktf/provider-azurerm/lib/machine-learning-compute-cluster';
import { Construct, IConstruct } from 'constructs';
import {
  checkDurationSeconds, checkIdentity, claimComputeName, computeGrantee, hasManagedNetwork, requireSshAcknowledgement, resolveLocation,
  resolveNodePublicIp, resolveVmSize,
} from './compute-common';
import { ComputeIdentity } from './compute-identity';
import { VmPriority, VmSize } from './vm-size';
import { acceptLibraryExceptions } from '../checks/library-exceptions';
import { addDependencies } from '../core/dependencies';
import { Duration } from '../core/duration';
import { IGrantee, PrincipalType } from '../core/grants';
import { resolvePhysicalName, NAME_RULES } from '../core/naming';
import { SecretValue } from '../core/secret';
import { checkSshPublicKey } from '../core/ssh-key';
import { checkAllowedValue, isResolved, ValidationError } from '../core/validation';
import type { IWorkspace } from '../workspace/workspace-ref';

/**
 * Bounds of the scale-down idle time. Azure documents none: azurerm 4.55.0 does not validate
 * `scale_down_nodes_after_idle_duration`, and the ARM type (`ScaleSettings.nodeIdleTimeBeforeScaleDown`,
 * 2025-06-01) is a plain duration string. These are the library's: at least 1 second (0 releases every node
 * as soon as a job ends, so each job of a pipeline waits for a new node), at most 7 days (an idle node kept
 * longer is a minimum node count, which `minNodes` says plainly; 400 days is almost surely a unit mistake).
 */
const MIN_SCALE_DOWN_SECONDS = 1;
const MAX_SCALE_DOWN_SECONDS = 7 * 86400;

/** SSH access to the nodes of a compute cluster. */
export interface ComputeClusterSsh {
  /** Name of the administrator account created on each node. */
  readonly adminUsername: string;
  /**
   * SSH public key of the administrator (`ssh-rsa AAAA...`).
   * @default - none; give this, `password`, or both
   */
  readonly publicKey?: string;
  /**
   * Password of the administrator, as a sensitive value (`SecretValue.fromSensitiveVariable(...)`);
   * a literal string is rejected.
   * @default - none; give this, `publicKey`, or both
   */
  readonly password?: SecretValue;
  /**
   * Whether the public SSH port of the nodes is open.
   * @default - the same as the node public IP setting: open when nodes have public IPs, closed otherwise
   */
  readonly publicAccess?: boolean;
}

/** Options of a compute cluster: everything but the workspace (see `IWorkspace.addComputeCluster`). */
export interface ComputeClusterOptions {
  /**
   * Name of the cluster: 3-32 letters, digits and hyphens, starting with a letter, ending with a letter or digit.
   * Replaces the cluster when changed.
   * @default - generated from the construct path
   */
  readonly name?: string;
  /**
   * VM size of the nodes. Replaces the cluster when changed.
   * @default VmSize.STANDARD_DS3_V2 (the Azure ML CLI default)
   */
  readonly vmSize?: VmSize;
  /**
   * Dedicated or low-priority nodes. Replaces the cluster when changed.
   * @default VmPriority.DEDICATED
   */
  readonly priority?: VmPriority;
  /**
   * Minimum number of nodes. 0 lets the cluster scale to zero, so it costs nothing when idle.
   * Updated in place.
   * @default 0
   */
  readonly minNodes?: number;
  /**
   * Maximum number of nodes; at least 1 and not below `minNodes`. Updated in place.
   * @default 1 (the Azure ML CLI default)
   */
  readonly maxNodes?: number;
  /**
   * How long a node stays idle before the cluster scales it down, in whole seconds. Updated in place.
   * @default Duration.minutes(2) (emitted as PT2M)
   */
  readonly idleTimeBeforeScaleDown?: Duration;
  /**
   * ARM ID of the subnet the nodes join. Replaces the cluster when changed.
   * @default - none: nodes run in the workspace's managed network, or with public IPs
   */
  readonly subnetId?: string;
  /**
   * Whether nodes get public IP addresses. Replaces the cluster when changed.
   * @default - false when `subnetId` is given or the workspace has a managed network; otherwise required (an error asks for it: the library never derives public IPs from the workspace's mutable isolation setting)
   */
  readonly nodePublicIp?: boolean;
  /**
   * Managed identity of the cluster. Updated in place.
   * @default ComputeIdentity.systemAssigned()
   */
  readonly identity?: ComputeIdentity;
  /**
   * SSH access to the nodes. Replaces the cluster when changed.
   * @default - no SSH access
   */
  readonly ssh?: ComputeClusterSsh;
  /**
   * Whether local (key-based) authentication is allowed. Off, so only Entra ID identities
   * authenticate (Azure Policy e96a9a5f, CKV_AZURE_142). Replaces the cluster when changed.
   * @default false
   */
  readonly localAuthEnabled?: boolean;
  /**
   * Description. Replaces the cluster when changed.
   * @default - none
   */
  readonly description?: string;
  /**
   * Region of the nodes. Replaces the cluster when changed.
   * @default - the workspace's location (an error when it is unknown)
   */
  readonly location?: string;
  /**
   * Tags. Updated in place.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Properties of a compute cluster. */
export interface ComputeClusterProps extends ComputeClusterOptions {
  /** The workspace the cluster belongs to, created here or imported. */
  readonly workspace: IWorkspace;
}

/**
 * An Azure Machine Learning compute cluster (`azurerm_machine_learning_compute_cluster`) with
 * secure defaults: local auth off, SSH off, no node public IP when a subnet or managed network
 * allows it, a system-assigned identity, and scale to zero after 2 idle minutes.
 *
 * The cluster is a grantee: `storage.grantBlobDataReader(cluster)` grants to its identity.
 */
export class ComputeCluster extends Construct implements IGrantee {
  /** The workspace of the cluster. */
  public readonly workspace: IWorkspace;
  /** Name of the cluster (the name itself, not a Terraform reference). */
  public readonly computeClusterName: string;
  // L1 attributes are read on first use and kept: every read of one makes a new token
  // (with a captured stack trace), and most are never read.
  /** ARM ID of the cluster. */
  public get computeClusterId(): string {
    return (this._computeClusterId ??= this.resource.id);
  }
  private _computeClusterId?: string;
  /** The identity configuration. */
  public readonly identity: ComputeIdentity;
  /** Whether nodes have public IP addresses. */
  public readonly nodePublicIp: boolean;
  /** The `azurerm_machine_learning_compute_cluster` resource (escape hatch). */
  public readonly resource: MachineLearningComputeCluster;

  /**
   * Object ID the cluster acts as: its system-assigned identity, or its first user-assigned identity
   * when it has no system-assigned one.
   */
  public readonly principalId: string;
  public readonly principalType: PrincipalType = PrincipalType.SERVICE_PRINCIPAL;
  public readonly granteeKey: string;
  public readonly isManagedIdentity = true;

  constructor(scope: Construct, id: string, props: ComputeClusterProps) {
    super(scope, id);
    this.workspace = props.workspace;
    const name = resolvePhysicalName(this, NAME_RULES.computeCluster, props.name);
    const vmSize = resolveVmSize(this, props.vmSize ?? VmSize.STANDARD_DS3_V2);
    const location = resolveLocation(this, props.workspace, props.location, 'compute cluster');

    const minNodes = props.minNodes ?? 0;
    const maxNodes = props.maxNodes ?? 1;
    if (isResolved(minNodes) && (!Number.isInteger(minNodes) || minNodes < 0)) {
      throw new ValidationError(this, `minNodes is ${minNodes}; it must be a whole number, 0 or more. `
        + 'Use 0 to let the cluster scale to zero when idle.');
    }
    if (isResolved(maxNodes) && (!Number.isInteger(maxNodes) || maxNodes < 1)) {
      throw new ValidationError(this, `maxNodes is ${maxNodes}; it must be a whole number, 1 or more: `
        + 'a cluster with no nodes cannot run jobs.');
    }
    if (isResolved(minNodes) && isResolved(maxNodes) && minNodes > maxNodes) {
      throw new ValidationError(this, `minNodes (${minNodes}) is greater than maxNodes (${maxNodes}); `
        + 'minNodes must not exceed maxNodes. Raise maxNodes or lower minNodes.');
    }

    const priority = props.priority ?? VmPriority.DEDICATED;
    checkAllowedValue(this, 'priority', priority, Object.values(VmPriority), 'azurerm 4.55.0 (vm_priority)',
      'Use VmPriority.DEDICATED or VmPriority.LOW_PRIORITY.');

    const idle = props.idleTimeBeforeScaleDown ?? Duration.minutes(2);
    checkDurationSeconds(this, 'idleTimeBeforeScaleDown', idle.toSeconds(), idle.toIsoString(), MIN_SCALE_DOWN_SECONDS,
      MAX_SCALE_DOWN_SECONDS, 'the library accepts whole seconds from 1 second (PT1S) to 7 days (P7D): 0 would release every '
      + 'node the moment a job ends, and idle nodes kept longer than a week are better expressed as minNodes. '
      + 'Use e.g. Duration.minutes(2) (the Azure ML default), or minNodes to keep nodes warm');

    const identity = props.identity ?? ComputeIdentity.systemAssigned();
    checkIdentity(this, identity);
    this.identity = identity;

    this.nodePublicIp = resolveNodePublicIp(this, props.workspace, props.subnetId, props.nodePublicIp, 'compute cluster');

    let ssh: { adminUsername: string; keyValue?: string; adminPassword?: string } | undefined;
    let sshPublicAccess = false;
    if (props.ssh) {
      const s = props.ssh;
      if (s.publicKey === undefined && s.password === undefined) {
        throw new ValidationError(this, `ssh for admin '${s.adminUsername}' has neither publicKey nor password; `
          + 'give an SSH public key (preferred) or a password as SecretValue.fromSensitiveVariable(...), or leave ssh out.');
      }
      if (isResolved(s.adminUsername) && !/^[a-zA-Z_][a-zA-Z0-9_.-]{0,63}$/.test(s.adminUsername)) {
        throw new ValidationError(this, `ssh adminUsername '${s.adminUsername}' is invalid: it must be 1-64 letters, digits, `
          + '"_", "." and "-", starting with a letter or "_". Pass a valid Linux user name.');
      }
      checkSshPublicKey(this, 'ssh.publicKey', s.publicKey);
      ssh = {
        adminUsername: s.adminUsername,
        keyValue: s.publicKey,
        adminPassword: s.password?.resolveFor(this, 'SSH admin password'),
      };
      sshPublicAccess = s.publicAccess ?? this.nodePublicIp;
      if (sshPublicAccess && this.nodePublicIp) requireSshAcknowledgement(this, 'compute cluster');
    }

    this.resource = new MachineLearningComputeCluster(this, 'Resource', {
      name,
      machineLearningWorkspaceId: props.workspace.workspaceId,
      location,
      vmSize,
      vmPriority: priority,
      scaleSettings: {
        minNodeCount: minNodes,
        maxNodeCount: maxNodes,
        scaleDownNodesAfterIdleDuration: idle.toIsoString(),
      },
      identity: { type: identity.type, identityIds: identity.identityIds.length > 0 ? identity.identityIds : undefined },
      localAuthEnabled: props.localAuthEnabled ?? false,
      nodePublicIpEnabled: this.nodePublicIp,
      sshPublicAccessEnabled: sshPublicAccess,
      ssh,
      subnetResourceId: props.subnetId,
      description: props.description,
      tags: props.tags,
    });
    // Claimed once the input is valid (a construct that threw holds no name).
    claimComputeName(this, props.workspace, name);
    this.node.defaultChild = this.resource;
    if (props.subnetId === undefined && hasManagedNetwork(props.workspace)) acceptLibraryExceptions(this, 'AZML-SEC-012');

    // The name itself, not a reference: the workspace may name this cluster (image_build_compute_name),
    // and a reference back to the cluster would be a dependency cycle.
    this.computeClusterName = name;
    const grantee = computeGrantee(this, identity, this.resource.identity.principalId);
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

  /**
   * Makes this cluster the workspace's image-build compute (`image_build_compute_name`), which builds
   * environment images when the workspace or its registry is private. Only for a workspace created
   * in this app; for an imported one, set it where that workspace is defined.
   */
  public useAsImageBuildCompute(): void {
    // Duck-typed: importing Workspace here would make a module cycle (workspace-base imports compute).
    const ws = this.workspace as unknown as { useImageBuildCompute?: (name: string) => void };
    if (typeof ws.useImageBuildCompute !== 'function') {
      throw new ValidationError(this, `the workspace '${this.workspace.node.path}' is imported, so this app cannot set its `
        + `image-build compute. Set image_build_compute_name to '${this.computeClusterName}' where the workspace is defined `
        + '(Workspace prop imageBuildComputeName, or workspace.useImageBuildCompute()).');
    }
    ws.useImageBuildCompute.call(this.workspace, this.computeClusterName);
  }
}

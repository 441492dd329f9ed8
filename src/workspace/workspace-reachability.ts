// Internal: can users and Azure ML reach a workspace the way it is configured? Checked at synthesis, when every
// endpoint and environment of the app has been added.
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { IContainerRegistry } from '../container-registry/container-registry-base';
import { Warnings } from '../core/warnings';
import { stableKey } from '../network/internal';
import { PrivateEndpoint } from '../network/private-endpoint';

/** What the checks need to know of a created workspace. */
export interface ReachabilityInput {
  readonly workspaceId: string;
  readonly publicNetworkAccessEnabled: boolean;
  readonly privateEndpointsManagedElsewhere: boolean;
  readonly containerRegistry?: IContainerRegistry;
  /** The image-build compute name, read at synthesis (`useImageBuildCompute` may set it late). */
  readonly imageBuildComputeName: () => string | undefined;
  /** Dependencies with their role, to warn about unknown network states. */
  readonly dependencies: Array<{ what: string; dep?: { node: IConstruct['node']; openToAllNetworks?: boolean } }>;
}

function isPrivateEndpoint(c: IConstruct): c is PrivateEndpoint {
  return (c as PrivateEndpoint).targetResourceId !== undefined && (c as PrivateEndpoint).subResource !== undefined;
}

/** Environments of the app registered in `workspace` that Azure ML must build (conda file or build context). */
function builtEnvironments(root: IConstruct, workspace: IConstruct): string[] {
  return root.node.findAll()
    .filter(c => (c as { workspace?: unknown }).workspace === workspace && (c as { needsImageBuild?: boolean }).needsImageBuild === true)
    .map(c => c.node.path);
}

/** Adds the synth-time reachability checks and the construction-time warnings of a created workspace. */
export function addReachabilityChecks(workspace: IConstruct, input: ReachabilityInput): void {
  if (!input.publicNetworkAccessEnabled) {
    const unknown = input.dependencies.filter(d => d.dep && d.dep.openToAllNetworks === undefined);
    for (const d of unknown) {
      Warnings.of(workspace).add('AZML-NET-001', `the workspace is private but the network state of its ${d.what} `
        + `'${d.dep!.node.path}' is unknown (imported by ID): if it accepts public traffic, the workspace is not private end to end. `
        + 'Close it (public network access off, private endpoint), then import it with fromXxxAttributes({ openToAllNetworks: false }).');
    }
  }

  workspace.node.addValidation({
    validate: () => {
      const errors: string[] = [];
      const path = workspace.node.path;
      const root = TerraformStack.of(workspace);
      if (!input.publicNetworkAccessEnabled && !input.privateEndpointsManagedElsewhere) {
        const key = stableKey(workspace, input.workspaceId);
        const reached = root.node.findAll().some(c => isPrivateEndpoint(c) && c.subResource.groupId === 'amlworkspace'
          && stableKey(c, c.targetResourceId) === key);
        if (!reached) {
          errors.push(`${path}: the workspace is private (publicNetworkAccessEnabled: false) but has no private endpoint, so nobody `
            + 'can reach it (studio, SDK, CI). Add `privateEndpoint: { subnet }` to the workspace (or call workspace.addPrivateEndpoint), '
            + 'or, if endpoints are created elsewhere (another stack, a platform team, Azure Policy), set privateEndpointsManagedElsewhere: true.');
        }
      }
      const registryClosed = input.containerRegistry?.openToAllNetworks === false;
      if ((!input.publicNetworkAccessEnabled || registryClosed) && input.imageBuildComputeName() === undefined) {
        const built = builtEnvironments(root, workspace);
        if (built.length > 0) {
          const why = !input.publicNetworkAccessEnabled ? 'the workspace is private' : `its container registry '${input.containerRegistry!.node.path}' is closed to public networks`;
          errors.push(`${path}: ${why}, so Azure ML cannot build the conda or build-context environments ${built.join(', ')} on its own `
            + 'infrastructure. Add a compute cluster and name it as image-build compute (imageBuildComputeName, or '
            + 'workspace.useImageBuildCompute(cluster.computeName)), or use prebuilt images.');
        }
      }
      return errors;
    },
  });
}

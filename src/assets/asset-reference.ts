import { ITerraformDependable, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { VersionedAsset } from './versioned-asset';
import { ValidationError } from '../core/validation';
import { IWorkspace } from '../workspace/workspace-ref';

/** How a resource in a workspace refers to an asset version. Internal. */
export interface ResolvedAssetReference {
  /** The ARM ID of a workspace version (known at plan time), or the `azureml://registries/...` reference of a registry one. */
  readonly id: string;
  /** The asset resource to wait for. */
  readonly dependsOn?: ITerraformDependable;
}

/** Whether two workspaces are the same: the same construct, or the same resolved ARM ID (case-insensitive). */
export function sameWorkspace(a: IWorkspace, b: IWorkspace): boolean {
  if (a === b) return true;
  if (Token.isUnresolved(a.workspaceId) || Token.isUnresolved(b.workspaceId)) return false;
  return a.workspaceId.toLowerCase() === b.workspaceId.toLowerCase();
}

const normRegion = (r: string) => r.toLowerCase().replace(/\s+/g, '');

/**
 * How a resource of `workspace` refers to `asset`: a version of the same workspace by ARM ID, a registry
 * version by its registry reference (the registry must replicate to the workspace's region, when both are
 * known). An asset of another workspace is refused: workspace assets are only visible in their workspace.
 */
export function referenceAsset(scope: IConstruct, what: string, asset: VersionedAsset, workspace: IWorkspace): ResolvedAssetReference {
  const container = asset._container;
  if (container.registry) {
    const regions = container.registry.regions;
    const location = workspace.location;
    if (regions && location !== undefined && Token.isUnresolved(location) === false && regions.every(r => !Token.isUnresolved(r))
      && !regions.map(normRegion).includes(normRegion(location))) {
      throw new ValidationError(scope, `${what} '${asset.node.path}' (${asset.reference}) is in registry '${container.registry.registryName}', `
        + `which replicates to ${regions.join(', ')} but not to '${location}', the region of workspace '${workspace.node.path}'. `
        + `Add '${location}' to the registry's replicationRegions, or use a workspace in one of its regions.`);
    }
    return { id: asset.reference, dependsOn: asset.resource };
  }
  if (!sameWorkspace(container.workspace!, workspace)) {
    throw new ValidationError(scope, `${what} '${asset.node.path}' (${asset.reference}) is registered in workspace `
      + `'${container.workspace!.node.path}', not in '${workspace.node.path}' where it is used, and it is not a registry asset. `
      + 'Register it in the same workspace, or share it through a registry.');
  }
  return { id: asset.versionId, dependsOn: asset.resource };
}

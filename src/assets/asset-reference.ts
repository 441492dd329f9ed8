import { ITerraformDependable, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { VersionedAsset } from './versioned-asset';
import { ValidationError } from '../core/validation';
import { IWorkspace } from '../workspace/workspace-ref';

/** How a resource in a workspace refers to an asset version. Internal. */
export interface ResolvedAssetReference {
  /** The ARM ID of the version (known at plan time). */
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

/**
 * The ARM ID a resource of `workspace` uses for `asset`; an asset of another workspace is refused
 * (workspace assets are only visible in their workspace; share them through a registry).
 */
export function referenceAsset(scope: IConstruct, what: string, asset: VersionedAsset, workspace: IWorkspace): ResolvedAssetReference {
  if (!sameWorkspace(asset._container, workspace)) {
    throw new ValidationError(scope, `${what} '${asset.node.path}' (${asset.reference}) is registered in workspace `
      + `'${asset._container.node.path}', not in '${workspace.node.path}' where it is used, and it is not a registry asset. `
      + 'Register it in the same workspace, or share it through a registry.');
  }
  return { id: asset.versionId, dependsOn: asset.resource };
}

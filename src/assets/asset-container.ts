import { IConstruct } from 'constructs';
import { ValidationError } from '../core/validation';
import type { IRegistry } from '../registry/registry';
import { IWorkspace } from '../workspace/workspace-ref';

/**
 * Where an asset version is registered: a workspace or a registry. Internal: the asset props take
 * `workspace` or `registry`.
 */
export interface AssetContainer {
  /** `workspaces` or `registries`. */
  readonly kind: string;
  /** ARM ID of the workspace or registry. */
  readonly id: string;
  readonly workspace?: IWorkspace;
  readonly registry?: IRegistry;
}

/** The container from an asset's `workspace` / `registry` props: exactly one. */
export function assetContainer(scope: IConstruct, what: string, workspace?: IWorkspace, registry?: IRegistry): AssetContainer {
  if (workspace && registry) {
    throw new ValidationError(scope, `${what} has both \`workspace\` and \`registry\`; register it in one of them (workspaces can use registry assets).`);
  }
  if (registry) return { kind: 'registries', id: registry.registryId, registry };
  if (!workspace) {
    throw new ValidationError(scope, `${what} has neither \`workspace\` nor \`registry\`; pass the workspace or registry to register it in.`);
  }
  return { kind: 'workspaces', id: workspace.workspaceId, workspace };
}

/** The name of the registry in a registry container (for `azureml://registries/<name>/...` references). */
export function registryReference(container: AssetContainer, collection: string, name: string, version: string): string {
  return `azureml://registries/${container.registry!.registryName}/${collection}/${name}/versions/${version}`;
}

// Internal: a Workspace is a default workspace or a feature store; hubs and projects have their own constructs.
import { IConstruct } from 'constructs';
import { WorkspaceKind } from './workspace-options';
import { ValidationError } from '../core/validation';

/** Rejects the Hub and Project kinds, and project-only settings, on `Workspace`. */
export function checkNotHubOrProject(scope: IConstruct, kind: WorkspaceKind, props: object): void {
  if (kind === WorkspaceKind.HUB) {
    throw new ValidationError(scope, 'kind \'Hub\' is built with the Hub construct (azurerm_ai_foundry), which owns the '
      + 'projects\' storage, vault, registry and network: use `new Hub(scope, id, props)` with the same settings.');
  }
  if (kind === WorkspaceKind.PROJECT) {
    throw new ValidationError(scope, 'kind \'Project\' is built with the Project construct (azurerm_ai_foundry_project), '
      + 'which uses its hub\'s resources: use `new Project(scope, id, { hub })` or `hub.addProject(id)`.');
  }
  const projectOnly = ['hub', 'hubId', 'aiServicesHubId'].filter(k => (props as { [key: string]: unknown })[k] !== undefined);
  if (projectOnly.length > 0) {
    throw new ValidationError(scope, `${projectOnly.map(k => `\`${k}\``).join(', ')} only applies to projects; a workspace `
      + 'has no hub. Create a project with `new Project(scope, id, { hub })`, or remove it.');
  }
}

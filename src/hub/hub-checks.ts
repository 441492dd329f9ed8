// Internal: settings that belong to a hub, a project or a default workspace only. JavaScript and Python
// callers can pass any key, so the constructs check for the others' settings at construction.
import { IConstruct } from 'constructs';
import { ValidationError } from '../core/validation';

/** Settings only a hub (or a workspace) has: a project uses its hub's. */
export const HUB_ONLY_SETTINGS = [
  'resourceGroup', 'storageAccount', 'storageReplication', 'keyVault', 'microsoftManagedKeyVault', 'applicationInsights',
  'logAnalyticsWorkspace', 'containerRegistry', 'managedNetwork', 'encryption', 'publicNetworkAccessEnabled',
  'identityBasedSystemDatastores', 'storageSharedKeyAccess', 'diagnostics',
];

/** Settings only a project has. */
const PROJECT_ONLY_SETTINGS = ['hub', 'hubId', 'aiServicesHubId'];

/** Settings only a default workspace or feature store has. */
const WORKSPACE_ONLY_SETTINGS = ['kind', 'featureStore', 'imageBuildComputeName', 'serverlessCompute'];

function given(props: object, keys: string[]): string[] {
  return keys.filter(k => (props as { [key: string]: unknown })[k] !== undefined);
}

/** A hub refuses project-only and workspace-only settings. */
export function checkHubOnlyInput(scope: IConstruct, props: object): void {
  const project = given(props, PROJECT_ONLY_SETTINGS);
  if (project.length > 0) {
    throw new ValidationError(scope, `${project.map(k => `\`${k}\``).join(', ')} only apply to projects: a hub has no hub. `
      + 'Create the project with `hub.addProject(id, options)` or `new Project(scope, id, { hub })`.');
  }
  const workspace = given(props, WORKSPACE_ONLY_SETTINGS);
  if (workspace.length > 0) {
    throw new ValidationError(scope, `${workspace.map(k => `\`${k}\``).join(', ')} are not settings of a hub `
      + '(azurerm_ai_foundry has none of them). Remove them, or use `Workspace` for a default workspace.');
  }
}

/** A project refuses the settings its hub owns. */
export function checkProjectInput(scope: IConstruct, props: object): void {
  const hubOnly = given(props, [...HUB_ONLY_SETTINGS, ...WORKSPACE_ONLY_SETTINGS]);
  if (hubOnly.length > 0) {
    throw new ValidationError(scope, `${hubOnly.map(k => `\`${k}\``).join(', ')} cannot be set on a project: a project uses `
      + 'its hub\'s resource group, storage, key vault, registry, Application Insights, managed network and encryption. '
      + 'Set them on the Hub instead.');
  }
}

// The workspace L1 of `Workspace` (and of a Hub with a Microsoft-managed vault): an azapi_resource of type
// Microsoft.MachineLearningServices/workspaces. Helpers to find it in a synthesized cdk.tf.json.
import { ofType } from './synth';

/** Type and API version of the workspace azapi_resource. */
export const WORKSPACE_TYPE = 'Microsoft.MachineLearningServices/workspaces@2025-06-01';

/** The workspace azapi_resources of a synthesized `cdk.tf.json`, keyed by logical name. */
export function workspacesOf(json: any): Record<string, any> {
  return Object.fromEntries(Object.entries(ofType(json, 'azapi_resource')).filter(([, r]) => r.type === WORKSPACE_TYPE));
}

/** The only workspace azapi_resource (the test fails when there are none or several). */
export function onlyWorkspace(json: any): any {
  const all = Object.values(workspacesOf(json));
  expect(all).toHaveLength(1);
  return all[0];
}

/** `azapi_resource.<name>` of the only workspace. */
export function workspaceAddress(json: any): string {
  const names = Object.keys(workspacesOf(json));
  expect(names).toHaveLength(1);
  return `azapi_resource.${names[0]}`;
}

/** `${azapi_resource.<name>.id}` of the only workspace. */
export function workspaceIdRef(json: any): string {
  return `\${${workspaceAddress(json)}.id}`;
}

// The private endpoints of a workspace and of its dependencies, from one `privateEndpoint` setting.
// Construct IDs (public API: Terraform addresses): `PrivateEndpoint-<sub-resource>` under the workspace and
// under each dependency, `MonitorPrivateLinkScope` under the workspace.
import { Construct } from 'constructs';
import { AssociatedResources } from './associated-resources';
import { WorkspacePrivateEndpointSettings } from './workspace-options';
import { IResourceGroup } from '../core/resource-group';
import { withSiblings } from '../network/internal';
import { MonitorPrivateLinkScope } from '../network/monitor-private-link-scope';
import { PrivateEndpoint } from '../network/private-endpoint';
import { PrivateEndpointSubResource } from '../network/sub-resource';

/** What the workspace created itself (the others were brought by the user). */
export interface CreatedDependencies {
  readonly storageAccount: boolean;
  readonly keyVault: boolean;
  readonly containerRegistry: boolean;
  readonly applicationInsights: boolean;
  readonly logAnalyticsWorkspace: boolean;
}

/** Whether the settings ask for an AMPLS, given what the workspace creates. */
export function wantsMonitorPrivateLink(settings: WorkspacePrivateEndpointSettings | undefined, created: CreatedDependencies): boolean {
  if (!settings) return false;
  return settings.monitorPrivateLinkScope ?? (created.applicationInsights || created.logAnalyticsWorkspace);
}

/** Creates the endpoints; returns them with the monitor scope when one was created. */
export function createWorkspacePrivateEndpoints(
  workspace: Construct & { addPrivateEndpoint: (o: any) => PrivateEndpoint[] },
  workspaceLocation: string,
  workspaceResourceGroup: IResourceGroup,
  associated: AssociatedResources,
  created: CreatedDependencies,
  settings: WorkspacePrivateEndpointSettings,
): { endpoints: PrivateEndpoint[]; monitorScope?: MonitorPrivateLinkScope } {
  const S = PrivateEndpointSubResource;
  const storageSubs = settings.storageSubResources ?? [S.BLOB, S.FILE];
  const options = {
    subnet: settings.subnet,
    dns: settings.dns,
    cloud: settings.cloud,
    location: settings.location ?? settings.subnet.location ?? workspaceLocation,
    resourceGroup: settings.resourceGroup ?? workspaceResourceGroup,
  };
  const all = settings.includeBroughtDependencies ?? false;
  const monitor = wantsMonitorPrivateLink(settings, created);
  // One list of existing zones serves every endpoint: each takes the zones of its sub-resource.
  const every = [S.AML_WORKSPACE, ...storageSubs, S.VAULT, S.REGISTRY, ...(monitor ? [S.AZURE_MONITOR] : [])];
  return withSiblings(every, () => {
    const endpoints = [...workspace.addPrivateEndpoint(options)];
    if (created.storageAccount || all) endpoints.push(...associated.storageAccount.addPrivateEndpoint({ ...options, subResources: storageSubs }));
    if (associated.keyVault && (created.keyVault || all)) endpoints.push(...associated.keyVault.addPrivateEndpoint(options));
    if (associated.containerRegistry && (created.containerRegistry || all)) {
      endpoints.push(...associated.containerRegistry.addPrivateEndpoint(options));
    }
    let monitorScope: MonitorPrivateLinkScope | undefined;
    if (monitor) {
      monitorScope = new MonitorPrivateLinkScope(workspace, 'MonitorPrivateLinkScope', { resourceGroup: workspaceResourceGroup });
      if (associated.logAnalyticsWorkspace) monitorScope.addLogAnalyticsWorkspace(associated.logAnalyticsWorkspace);
      monitorScope.addApplicationInsights(associated.applicationInsights);
      endpoints.push(...monitorScope.addPrivateEndpoint(options));
    }
    return { endpoints, monitorScope };
  });
}

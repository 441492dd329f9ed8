import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { Project, ProjectOptions } from './project';
import { IGrantee } from '../core/grants';
import { IWorkspace } from '../workspace/workspace-ref';

/**
 * An Azure AI Foundry hub (a workspace of kind `Hub`), created here or imported. It owns the storage,
 * key vault, registry, managed network and shared connections of its projects. Compute, datastores and
 * connections attach to it as to any `IWorkspace`; they are shared with its projects.
 */
export interface IHub extends IWorkspace {
  /** ARM ID of the hub (the same as `workspaceId`). */
  readonly hubId: string;
  /**
   * Whether the hub's system datastores use identities instead of account keys, when known; projects then
   * also grant the storage data roles in `grantDataScientist`.
   */
  readonly identityBasedSystemDatastores?: boolean;
  /** Grants Azure AI Developer on the hub: build and deploy in its projects, no management of the hub. */
  grantAiDeveloper(grantee: IGrantee): RoleAssignment;
  /** Grants Azure AI Administrator on the hub: manage the hub, its projects and connections. */
  grantAiAdministrator(grantee: IGrantee): RoleAssignment;
  /** Adds a project to this hub, as a child construct of the hub. */
  addProject(id: string, options?: ProjectOptions): Project;
}

import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { IHub } from './hub-ref';
import { Project, ProjectOptions } from './project';
import { BuiltInRole, IGrantee } from '../core/grants';
import { WorkspaceBase } from '../workspace/workspace-base';

/** What created and imported hubs share: the hub grants and projects, on top of the workspace attach points. */
export abstract class HubBase extends WorkspaceBase implements IHub {
  public abstract readonly identityBasedSystemDatastores?: boolean;

  /** ARM ID of the hub. */
  public get hubId(): string {
    return this.workspaceId;
  }

  public grantAiDeveloper(grantee: IGrantee): RoleAssignment {
    return this.grant(grantee, BuiltInRole.AZURE_AI_DEVELOPER);
  }

  public grantAiAdministrator(grantee: IGrantee): RoleAssignment {
    return this.grant(grantee, BuiltInRole.AZURE_AI_ADMINISTRATOR);
  }

  public addProject(id: string, options: ProjectOptions = {}): Project {
    return new Project(this, id, { ...options, hub: this });
  }
}

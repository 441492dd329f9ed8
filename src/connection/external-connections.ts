import { Construct } from 'constructs';
import { ConnectionAuth } from './connection-auth';
import { ConnectionCategory } from './connection-category';
import { checkResourceId } from './connection-checks';
import { ConnectionCommonOptions, WorkspaceConnection } from './workspace-connection';
import { BuiltInRole, grantRole } from '../core/grants';
import { SecretValue } from '../core/secret';
import type { IWorkspace } from '../workspace/workspace-ref';

/** Options of a connection given by target and authentication (Git, feeds, S3, databases, registries). */
export interface TargetConnectionOptions extends ConnectionCommonOptions {
  /** The target: a URL, bucket, JDBC URL or connection string, depending on the connection (no credentials in it). */
  readonly target: string;
  /** How the connection authenticates (the category accepts some types only). */
  readonly auth: ConnectionAuth;
}

/** Properties of a connection given by target and authentication. */
export interface TargetConnectionProps extends TargetConnectionOptions {
  /** The workspace, hub or project the connection belongs to. */
  readonly workspace: IWorkspace;
}

/** A Git repository: `ConnectionAuth.pat()`, `usernamePassword()` or `none()`. */
export class GitConnection extends WorkspaceConnection {
  constructor(scope: Construct, id: string, props: TargetConnectionProps) {
    super(scope, id, { ...props, category: ConnectionCategory.GIT });
  }
}

/** A Python package feed: `ConnectionAuth.pat()`, `usernamePassword()` or `none()`. */
export class PythonFeedConnection extends WorkspaceConnection {
  constructor(scope: Construct, id: string, props: TargetConnectionProps) {
    super(scope, id, { ...props, category: ConnectionCategory.PYTHON_FEED });
  }
}

/** An Amazon S3 bucket: `ConnectionAuth.accessKey()`. */
export class S3Connection extends WorkspaceConnection {
  constructor(scope: Construct, id: string, props: TargetConnectionProps) {
    super(scope, id, { ...props, category: ConnectionCategory.S3 });
  }
}

/** A Snowflake database by JDBC URL: `ConnectionAuth.usernamePassword()`. */
export class SnowflakeConnection extends WorkspaceConnection {
  constructor(scope: Construct, id: string, props: TargetConnectionProps) {
    super(scope, id, { ...props, category: ConnectionCategory.SNOWFLAKE });
  }
}

/** An Azure SQL database by ADO.NET connection string (without credentials): `ConnectionAuth.usernamePassword()`. */
export class AzureSqlConnection extends WorkspaceConnection {
  constructor(scope: Construct, id: string, props: TargetConnectionProps) {
    super(scope, id, { ...props, category: ConnectionCategory.AZURE_SQL_DB });
  }
}

/** Options of a container registry connection. */
export interface ContainerRegistryConnectionOptions extends TargetConnectionOptions {
  /**
   * ARM ID of the Azure container registry: with `ConnectionAuth.managedIdentity()` the identity is granted AcrPull on it.
   * @default - not an Azure registry, or granted elsewhere: nothing is granted
   */
  readonly registryId?: string;
}

/** Properties of a container registry connection. */
export interface ContainerRegistryConnectionProps extends ContainerRegistryConnectionOptions {
  /** The workspace, hub or project the connection belongs to. */
  readonly workspace: IWorkspace;
}

/** A container registry: `ConnectionAuth.managedIdentity()` (preferred) or `usernamePassword()`. */
export class ContainerRegistryConnection extends WorkspaceConnection {
  constructor(scope: Construct, id: string, props: ContainerRegistryConnectionProps) {
    super(scope, id, { ...props, category: ConnectionCategory.CONTAINER_REGISTRY });
    if (props.registryId !== undefined) {
      checkResourceId(this, 'registryId', props.registryId, 'Microsoft.ContainerRegistry/registries');
      if (props.auth.identity) grantRole(this, props.auth.identity, BuiltInRole.ACR_PULL, props.registryId);
    }
  }
}

/** Options of a custom-keys connection. */
export interface CustomKeysConnectionOptions extends ConnectionCommonOptions {
  /** Endpoint of the service. */
  readonly target: string;
  /** The named secrets, as `SecretValue`s. */
  readonly keys: { [name: string]: SecretValue };
  /**
   * Extra non-secret metadata.
   * @default - none
   */
  readonly metadata?: { [key: string]: string };
}

/** Properties of a custom-keys connection. */
export interface CustomKeysConnectionProps extends CustomKeysConnectionOptions {
  /** The workspace, hub or project the connection belongs to. */
  readonly workspace: IWorkspace;
}

/** A service reached with named custom secrets. */
export class CustomKeysConnection extends WorkspaceConnection {
  constructor(scope: Construct, id: string, props: CustomKeysConnectionProps) {
    super(scope, id, {
      ...props, category: ConnectionCategory.CUSTOM_KEYS, auth: ConnectionAuth.customKeys(props.keys),
    });
  }
}

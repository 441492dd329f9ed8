import { IConstruct } from 'constructs';
import { IUserAssignedIdentity } from '../core/identity';
import { SecretValue } from '../core/secret';
import { isResolved, ValidationError } from '../core/validation';

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

/** A service principal a connection authenticates as. */
export interface ConnectionServicePrincipalOptions {
  /** Entra ID tenant ID (a GUID). */
  readonly tenantId: string;
  /** Client (application) ID (a GUID). */
  readonly clientId: string;
  /** Client secret, as a sensitive value (never a literal). */
  readonly clientSecret: SecretValue;
}

/**
 * How a connection authenticates to its target.
 *
 * Identity-based types (`aad()`, `managedIdentity()`) store no secret and are preferred: the
 * connection grants the identity the role it needs on the target. Secret-based types take
 * `SecretValue`s only; the secrets go to azapi's write-only `sensitive_body`, never into the
 * synthesized body (or the state).
 */
export class ConnectionAuth {
  /**
   * Microsoft Entra ID: callers use their own identity, the workspace (and its computes) their
   * managed identity. Nothing is stored.
   */
  public static aad(): ConnectionAuth {
    return new ConnectionAuth('AAD', () => undefined);
  }

  /** A user-assigned managed identity (container registries). The identity is granted what it needs on the target. */
  public static managedIdentity(identity: IUserAssignedIdentity): ConnectionAuth {
    return new ConnectionAuth('ManagedIdentity', scope => {
      if (isResolved(identity.clientId) && identity.clientId === '') {
        throw new ValidationError(scope, `managed identity '${identity.granteeKey}' has no client ID; a connection `
          + 'authenticates with it. Import the identity with `clientId` (UserAssignedIdentityRef.fromAttributes).');
      }
      return { clientId: identity.clientId, resourceId: identity.identityId };
    }, false, identity);
  }

  /** An API key. */
  public static apiKey(key: SecretValue): ConnectionAuth {
    return new ConnectionAuth('ApiKey', scope => ({ key: secret(scope, key, 'API key') }), true);
  }

  /** An access key ID and secret access key (Amazon S3). */
  public static accessKey(accessKeyId: string, secretAccessKey: SecretValue): ConnectionAuth {
    return new ConnectionAuth('AccessKey', scope => ({
      accessKeyId: required(scope, accessKeyId, 'accessKeyId'),
      secretAccessKey: secret(scope, secretAccessKey, 'secret access key'),
    }), true);
  }

  /** A storage account key. */
  public static accountKey(key: SecretValue): ConnectionAuth {
    return new ConnectionAuth('AccountKey', scope => ({ key: secret(scope, key, 'account key') }), true);
  }

  /** A personal access token (Git, package feeds). */
  public static pat(token: SecretValue): ConnectionAuth {
    return new ConnectionAuth('PAT', scope => ({ pat: secret(scope, token, 'personal access token') }), true);
  }

  /** A shared access signature token. */
  public static sas(token: SecretValue): ConnectionAuth {
    return new ConnectionAuth('SAS', scope => ({ sas: secret(scope, token, 'SAS token') }), true);
  }

  /** A user name and password. */
  public static usernamePassword(username: string, password: SecretValue): ConnectionAuth {
    return new ConnectionAuth('UsernamePassword', scope => ({
      username: required(scope, username, 'username'),
      password: secret(scope, password, 'password'),
    }), true);
  }

  /** A service principal with a client secret. */
  public static servicePrincipal(options: ConnectionServicePrincipalOptions): ConnectionAuth {
    return new ConnectionAuth('ServicePrincipal', scope => {
      for (const field of ['tenantId', 'clientId'] as const) {
        const value = options[field];
        if (isResolved(value) && !GUID.test(value)) {
          throw new ValidationError(scope, `service principal ${field} '${value}' is invalid: it must be a GUID `
            + '(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx). Pass the directory (tenant) ID and the application (client) ID.');
        }
      }
      return {
        tenantId: options.tenantId,
        clientId: options.clientId,
        clientSecret: secret(scope, options.clientSecret, 'client secret'),
      };
    }, true);
  }

  /** Named secrets, e.g. `{ 'x-api-key': SecretValue.fromSensitiveVariable(v) }`, for a custom service. */
  public static customKeys(keys: { [name: string]: SecretValue }): ConnectionAuth {
    return new ConnectionAuth('CustomKeys', scope => {
      const names = Object.keys(keys ?? {});
      if (names.length === 0) {
        throw new ValidationError(scope, 'ConnectionAuth.customKeys() was given no keys; pass at least one, '
          + 'e.g. { \'api-key\': SecretValue.fromSensitiveVariable(v) }.');
      }
      const resolved: { [name: string]: string } = {};
      for (const name of names) resolved[name] = secret(scope, keys[name], `custom key '${name}'`);
      return { keys: resolved };
    }, true);
  }

  /** No authentication (public Git repositories and feeds). */
  public static none(): ConnectionAuth {
    return new ConnectionAuth('None', () => undefined);
  }

  private constructor(
    /** The ARM `authType`. */
    public readonly authType: string,
    private readonly credentialsOf: (scope: IConstruct) => { [key: string]: any } | undefined,
    /** Whether the connection stores a secret. */
    public readonly storesSecret = false,
    /** The user-assigned identity of `managedIdentity()`. */
    public readonly identity?: IUserAssignedIdentity,
  ) {}

  /** Whether the authentication uses an Entra ID identity (AAD or a managed identity). */
  public get isIdentityBased(): boolean {
    return this.authType === 'AAD' || this.authType === 'ManagedIdentity';
  }

  /**
   * The `credentials` object of the ARM body (undefined for AAD and None). Rejects literal secrets.
   * @internal
   */
  public _credentials(scope: IConstruct): { [key: string]: any } | undefined {
    return this.credentialsOf(scope);
  }
}

function secret(scope: IConstruct, value: SecretValue, what: string): string {
  if (!(value instanceof SecretValue)) {
    throw new ValidationError(scope, `the ${what} was given as a ${typeof value}; it must be a SecretValue `
      + '(SecretValue.fromSensitiveVariable(), fromKeyVaultSecret() or fromToken()), so it never appears in the synthesized JSON.');
  }
  return value.resolveFor(scope, `connection ${what}`);
}

function required(scope: IConstruct, value: string, what: string): string {
  if (value === undefined || value === null || value === '') {
    throw new ValidationError(scope, `the connection's \`${what}\` is empty; pass it.`);
  }
  return value;
}

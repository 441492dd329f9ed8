import { IConstruct } from 'constructs';
import { CredentialKind, ResolvedSecrets } from './internal';
import { SecretValue } from '../core/secret';
import { isResolved, ValidationError } from '../core/validation';

/** What the workspace identity may do with the data behind an identity-based datastore. */
export enum DatastoreAccess {
  /** Read only: the identity gets Storage Blob Data Reader. */
  READ = 'READ',
  /** Read and write: the identity gets Storage Blob Data Contributor. */
  READ_WRITE = 'READ_WRITE',
}

/** A service principal that a Data Lake Gen2 datastore authenticates as. */
export interface ServicePrincipalCredentialsOptions {
  /** Entra ID tenant (directory) ID, a GUID. */
  readonly tenantId: string;
  /** Client (application) ID of the service principal, a GUID. */
  readonly clientId: string;
  /** Client secret, as a sensitive value (never a literal). */
  readonly clientSecret: SecretValue;
  /**
   * Authority URL used to authenticate.
   * @default - the Entra ID authority of the cloud the provider targets
   */
  readonly authorityUrl?: string;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * How Azure ML reaches the storage behind a datastore.
 *
 * Identity-based access (`workspaceIdentity()`, the default) stores no secret anywhere. Keys,
 * SAS tokens and client secrets are accepted only as `SecretValue`s (a sensitive Terraform
 * variable, a Key Vault secret data source or another reference), never as literal strings.
 */
export class DatastoreCredentials {
  /**
   * Credential-less: jobs reach the data as the submitting user or the compute's identity,
   * and the studio (preview, profiling) as the workspace's managed identity: the
   * user-assigned primary identity when the workspace has one, else the system-assigned one.
   * The datastore grants that identity the storage role it needs (see `dataAccess`).
   */
  public static workspaceIdentity(): DatastoreCredentials {
    return new DatastoreCredentials(CredentialKind.WORKSPACE_IDENTITY);
  }

  /**
   * Credential-less, and the studio too uses the caller's own identity: nothing is stored and
   * nothing is granted. Data Lake Gen2 only (azurerm 4.55.0 requires a key or SAS for a blob
   * datastore whose studio access does not use the workspace identity).
   */
  public static none(): DatastoreCredentials {
    return new DatastoreCredentials(CredentialKind.NONE);
  }

  /** The storage account access key (blob and file-share datastores). */
  public static accountKey(key: SecretValue): DatastoreCredentials {
    return new DatastoreCredentials(CredentialKind.ACCOUNT_KEY, key);
  }

  /** A shared access signature token (blob and file-share datastores). */
  public static sasToken(token: SecretValue): DatastoreCredentials {
    return new DatastoreCredentials(CredentialKind.SAS_TOKEN, token);
  }

  /** A service principal with a client secret (Data Lake Gen2 datastores). */
  public static servicePrincipal(options: ServicePrincipalCredentialsOptions): DatastoreCredentials {
    return new DatastoreCredentials(CredentialKind.SERVICE_PRINCIPAL, undefined, options);
  }

  private constructor(
    private readonly kind: CredentialKind,
    private readonly secret?: SecretValue,
    private readonly servicePrincipalOptions?: ServicePrincipalCredentialsOptions,
  ) {}

  /** Human name of these credentials, e.g. `account key`, used in messages. */
  public get description(): string {
    return this.kind;
  }

  /** @internal */
  public get _kind(): CredentialKind {
    return this.kind;
  }

  /**
   * The Terraform values for these credentials. Rejects literal secrets and an incomplete
   * service principal.
   * @internal
   */
  public _resolve(scope: IConstruct): ResolvedSecrets {
    switch (this.kind) {
      case CredentialKind.ACCOUNT_KEY:
        return { accountKey: this.secret!.resolveFor(scope, 'account key') };
      case CredentialKind.SAS_TOKEN:
        return { sasToken: this.secret!.resolveFor(scope, 'SAS token') };
      case CredentialKind.SERVICE_PRINCIPAL:
        return resolveServicePrincipal(scope, this.servicePrincipalOptions ?? ({} as ServicePrincipalCredentialsOptions));
      default:
        return {};
    }
  }
}

function resolveServicePrincipal(scope: IConstruct, sp: ServicePrincipalCredentialsOptions): ResolvedSecrets {
  const missing = (['tenantId', 'clientId', 'clientSecret'] as const).filter(field => {
    const value: unknown = sp[field];
    return value === undefined || value === null || value === '';
  });
  if (missing.length > 0) {
    throw new ValidationError(scope, `service principal credentials are missing ${missing.map(m => `\`${m}\``).join(', ')}; `
      + 'azurerm needs tenant_id, client_id and client_secret together. Pass all three: '
      + 'DatastoreCredentials.servicePrincipal({ tenantId, clientId, clientSecret: SecretValue.fromSensitiveVariable(v) }).');
  }
  for (const field of ['tenantId', 'clientId'] as const) {
    const value = sp[field];
    if (isResolved(value) && !GUID.test(value)) {
      throw new ValidationError(scope, `service principal ${field} '${value}' is invalid: it must be a GUID `
        + '(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx). Pass the directory (tenant) ID and the application (client) ID.');
    }
  }
  if (!(sp.clientSecret instanceof SecretValue)) {
    throw new ValidationError(scope, 'service principal clientSecret must be a SecretValue '
      + '(SecretValue.fromSensitiveVariable(), fromKeyVaultSecret() or fromToken()), not a string.');
  }
  if (sp.authorityUrl !== undefined && isResolved(sp.authorityUrl) && !/^https:\/\/\S+$/.test(sp.authorityUrl)) {
    throw new ValidationError(scope, `service principal authorityUrl '${sp.authorityUrl}' is invalid: it must be an https URL `
      + 'such as https://login.microsoftonline.com. Leave it out to use the authority of the provider\'s cloud.');
  }
  return {
    tenantId: sp.tenantId,
    clientId: sp.clientId,
    clientSecret: sp.clientSecret.resolveFor(scope, 'service principal client secret'),
    authorityUrl: sp.authorityUrl,
  };
}

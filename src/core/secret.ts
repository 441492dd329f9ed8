import { DataAzurermKeyVaultSecret } from '@cdktf/provider-azurerm/lib/data-azurerm-key-vault-secret';
import { TerraformVariable, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { ValidationError } from './validation';

/**
 * A secret (account key, SAS token, client secret, password) given as a sensitive
 * Terraform value, never as a literal: the synthesized JSON holds only a reference.
 */
export class SecretValue {
  /** A Terraform variable declared with `sensitive: true`. */
  public static fromSensitiveVariable(variable: TerraformVariable): SecretValue {
    return new SecretValue(variable.stringValue, variable.sensitive === true ? undefined
      : `the variable '${variable.node.id}' is not sensitive; declare it with \`sensitive: true\``);
  }

  /** The value of an `azurerm_key_vault_secret` data source. */
  public static fromKeyVaultSecret(secret: DataAzurermKeyVaultSecret): SecretValue {
    return new SecretValue(secret.value);
  }

  /**
   * Any other Terraform reference that resolves to the secret at apply time (an output of
   * another resource, a `sensitive()` expression). A plain string is rejected at synth.
   */
  public static fromToken(token: string): SecretValue {
    return new SecretValue(token, Token.isUnresolved(token) ? undefined
      : 'a plain string was given; secrets must not appear in code or in the synthesized JSON');
  }

  private constructor(private readonly token: string, private readonly problem?: string) {}

  /**
   * The Terraform reference to put in configuration.
   * @param scope the construct using the secret, named in the error
   * @param what what the secret is for, e.g. "account key"
   */
  public resolveFor(scope: IConstruct, what: string): string {
    if (this.problem) {
      throw new ValidationError(scope, `${what}: ${this.problem}. Use SecretValue.fromSensitiveVariable(), `
        + 'SecretValue.fromKeyVaultSecret() or SecretValue.fromToken() with a Terraform reference.');
    }
    return this.token;
  }
}

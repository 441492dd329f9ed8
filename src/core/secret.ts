import { DataAzurermKeyVaultSecret } from '@cdktf/provider-azurerm/lib/data-azurerm-key-vault-secret';
import { TerraformVariable, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { markSensitive, secretExpressionProblem } from './secret-expression';
import { ValidationError } from './validation';

/**
 * A secret (account key, SAS token, client secret, password) given as a sensitive
 * Terraform value, never as a literal: the synthesized JSON holds only a reference.
 */
export class SecretValue {
  /**
   * A Terraform variable declared with `sensitive: true` and without a `default` (a default is written into
   * the synthesized JSON); its value is passed at apply time (`TF_VAR_<name>` or a `.tfvars` file).
   */
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
   * another resource, a `sensitive()` expression). Rejected at synth: a plain string, an expression that
   * puts a string literal into the value (`Fn.join('', ['<key>', var.x])`, `Fn.lookup({ prod: '<secret>' }, var.env)`,
   * a `TerraformLocal` holding a literal), a variable with a default, a variable that is not sensitive (unless
   * wrapped in `Fn.sensitive`), and `nonsensitive()`. Literal keys that only select a value (`lookup(var.keys, "prod")`)
   * and literal `join` separators are fine.
   */
  public static fromToken(token: string): SecretValue {
    return new SecretValue(token, Token.isUnresolved(token) ? undefined
      : 'a plain string was given; secrets must not appear in code or in the synthesized JSON');
  }

  private constructor(private readonly token: string, private readonly problem?: string) {}

  /**
   * The Terraform reference to put in configuration, wrapped in `sensitive(...)` so plans never print it.
   * @param scope the construct using the secret, named in the error
   * @param what what the secret is for, e.g. "account key"
   */
  public resolveFor(scope: IConstruct, what: string): string {
    const problem = this.problem ?? secretExpressionProblem(scope, this.token);
    if (problem) {
      throw new ValidationError(scope, `${what}: ${problem}. Use SecretValue.fromSensitiveVariable() (a variable declared `
        + 'with `sensitive: true` and no default), SecretValue.fromKeyVaultSecret() or SecretValue.fromToken() with a Terraform '
        + 'reference.');
    }
    // Marked sensitive in the expression itself: some provider attributes that hold secrets (e.g. the compute
    // cluster's ssh.admin_password in azurerm 4.55.0) are not sensitive in the schema, and plans would print them.
    return markSensitive(scope, this.token);
  }
}

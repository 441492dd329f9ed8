import { DataAzurermKeyVaultSecret } from '@cdktf/provider-azurerm/lib/data-azurerm-key-vault-secret';
import { DefaultTokenResolver, StringConcat, TerraformVariable, Token, Tokenization } from 'cdktf';
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
    const problem = this.problem ?? literalOnlyExpression(scope, this.token);
    if (problem) {
      throw new ValidationError(scope, `${what}: ${problem}. Use SecretValue.fromSensitiveVariable(), `
        + 'SecretValue.fromKeyVaultSecret() or SecretValue.fromToken() with a Terraform reference.');
    }
    return this.token;
  }
}

/** A reference to something whose value is only known to Terraform: a variable, data source, local, module or resource attribute. */
const REFERENCE = /\b(var|data|local|module)\.[A-Za-z_]|\b[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z_][\w-]*\./;

/**
 * A token can still wrap a literal, e.g. `Fn.sensitive('key')` synthesizes `${sensitive("key")}`:
 * the secret would be in the JSON. Such an expression references nothing and is rejected.
 */
function literalOnlyExpression(scope: IConstruct, token: string): string | undefined {
  let expression: unknown;
  try {
    expression = Tokenization.resolve(token, { scope, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
  } catch {
    return undefined; // not resolvable here (e.g. another stack): nothing literal can be seen
  }
  if (typeof expression !== 'string' || REFERENCE.test(expression)) return undefined;
  return 'the Terraform expression references no variable, data source or resource, so the secret would be written '
    + 'into the synthesized JSON as a literal';
}

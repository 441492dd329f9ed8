// Test helpers: synthesize a stack (with validations) and assert it conforms to the provider schemas and ARM types.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { DefaultTokenResolver, StringConcat, TerraformStack, Testing, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { AzapiProvider } from '../../src/azapi';
import { checkAzapiBodies } from './arm-conformance';
import { checkTerraformJson } from './schema-conformance';

/** `cdk.tf.json` of a stack as an object; `true` runs the constructs' `node.addValidation` checks. */
export function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

/** All violations of a synthesized `cdk.tf.json`: Terraform schema first, then azapi bodies. */
export function conformanceViolations(json: any): string[] {
  return [...checkTerraformJson(json), ...checkAzapiBodies(json)];
}

/** Fails the test listing every violation, so one run shows all defects. Accepts synthesized JSON or a stack. */
export function expectConformant(json: any): void {
  const tf = TerraformStack.isStack(json) ? synthJson(json as TerraformStack) : json;
  expect(conformanceViolations(tf)).toEqual([]);
}

/** A Terraform value as it will appear in the synthesized JSON, e.g. `${var.x}` for a variable's token. */
export function resolveValue(scope: IConstruct, value: unknown): any {
  return Tokenization.resolve(value, {
    scope,
    preparing: false,
    resolver: new DefaultTokenResolver(new StringConcat()),
  });
}

/** A stack in a fresh test app, with the azurerm and azapi providers declared as a user's stack would. */
export function providerStack(id = 'platform'): TerraformStack {
  const stack = new TerraformStack(Testing.app(), id);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new AzapiProvider(stack, 'azapi');
  return stack;
}

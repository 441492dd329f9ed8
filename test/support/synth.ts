// Test helpers: synthesize a stack (with validations) and assert it conforms to the provider schemas and ARM types.
import { TerraformStack, Testing } from 'cdktf';
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

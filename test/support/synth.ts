// Test helpers: synthesize a stack (with validations) and assert it conforms to the provider schemas and ARM types.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { DefaultTokenResolver, StringConcat, TerraformOutput, TerraformStack, Testing, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { checkAzapiBodies } from './arm-conformance';
import { checkTerraformJson } from './schema-conformance';
import { findSecrets, FIXTURE_SECRETS } from './secrets';
import { AzapiProvider } from '../../src/azapi';
import { flushWarnings } from '../../src/core/warnings';

/** `cdk.tf.json` of a stack as an object; `true` runs the constructs' `node.addValidation` checks. */
export function synthJson(stack: TerraformStack): any {
  const json = JSON.parse(Testing.synth(stack, true));
  // Every synthesized test stack is scanned for the fixture secrets tests hand to constructs.
  const leaks = findSecrets(json, FIXTURE_SECRETS);
  if (leaks.length > 0) throw new Error(`secret leaked into the synthesized JSON of ${stack.node.path}:\n${leaks.join('\n')}`);
  return json;
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
  new AzurermProvider(stack, 'azurerm', { features: [{}], storageUseAzuread: true });
  new AzapiProvider(stack, 'azapi');
  return stack;
}

/**
 * The Terraform expression a token synthesizes to in a stack, read back through a `TerraformOutput`
 * (e.g. `${azurerm_storage_account.Storage_xxx.id}`). Unlike `resolveValue`, it synthesizes the stack.
 */
export function resolved(stack: TerraformStack, value: unknown): any {
  const id = `Probe${stack.node.children.length}`;
  new TerraformOutput(stack, id, { value });
  return synthJson(stack).output[id].value;
}

/** Warnings (`Annotations.of(...).addWarning`) on a construct; with `recursive`, also on every construct below it. */
export function warningsOf(construct: IConstruct, recursive = false): string[] {
  flushWarnings(TerraformStack.of(construct));
  return (recursive ? construct.node.findAll() : [construct])
    .flatMap(c => c.node.metadata)
    .filter(m => m.type === '@cdktf/warn')
    .map(m => String(m.data));
}

/** All resources of a Terraform type in a synthesized `cdk.tf.json`, keyed by logical name. */
export function ofType(json: any, type: string): Record<string, any> {
  return json.resource?.[type] ?? {};
}

/** The only resource of a Terraform type in a synthesized `cdk.tf.json` (the test fails when there are none or several). */
export function only(json: any, type: string): any {
  const all = Object.values(ofType(json, type));
  expect(all).toHaveLength(1);
  return all[0];
}

/**
 * Builds one construct in a fresh `providerStack(stackId)`, synthesizes it, checks conformance and
 * returns [json, the only resource of `resourceType`, the construct].
 */
export function synthOne<T extends IConstruct>(
  build: (stack: TerraformStack) => T,
  resourceType: string,
  stackId = 'stack',
): [any, any, T] {
  const stack = providerStack(stackId);
  const construct = build(stack);
  const json = synthJson(stack);
  expectConformant(json);
  return [json, only(json, resourceType), construct];
}

// Which framework the tests run under. `npm test` runs every test file twice (package.json jest.projects): as
// "cdktf", and as "cdktn", where jest maps `cdktf` to `cdktn` and `@cdktf/provider-azurerm/lib/*` to
// `@cdktn/provider-azurerm/lib/*` (the swap scripts/build-cdktn.ts makes for the cdktn-azureml package) and sets the
// global AZUREML_FLAVOUR. See docs/cdktn.md.
declare const AZUREML_FLAVOUR: string | undefined;

/** `cdktn` in the jest project "cdktn", else `cdktf`. */
export const FLAVOUR: 'cdktf' | 'cdktn' = typeof AZUREML_FLAVOUR !== 'undefined' && AZUREML_FLAVOUR === 'cdktn' ? 'cdktn' : 'cdktf';

/** The azurerm provider version of each flavour's prebuilt bindings (@cdktf/provider-azurerm 14.23, @cdktn/provider-azurerm 16.1). */
export const AZURERM_VERSION: Record<'cdktf' | 'cdktn', string> = { cdktf: '4.55.0', cdktn: '4.73.0' };

/**
 * A synthesized `cdk.tf.json` (parsed) without what legitimately differs between the flavours: the azurerm version
 * pin of the bindings (`terraform.required_providers.azurerm.version`). Returns a copy.
 */
export function withoutAzurermPin(json: any): any {
  const copy = JSON.parse(JSON.stringify(json));
  if (copy?.terraform?.required_providers?.azurerm) delete copy.terraform.required_providers.azurerm.version;
  return copy;
}

// Internal: whether the azurerm provider that manages a storage account authenticates to the storage data plane
// with Entra ID (`storage_use_azuread = true`). With shared keys off, azurerm cannot read or manage the account's
// data plane (containers, queue and blob properties) otherwise. The library never configures providers: it warns.
import { TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { addDeferredWarning } from '../core/warnings';

/** Provider type of the azurerm provider (the same in cdktf and CDK Terrain bindings). */
const AZURERM = 'azurerm';

/**
 * Warns (AZML-ST-002, at synthesis) when the azurerm provider of `resource` (its explicit provider, else the stack's
 * azurerm provider without alias) does not set `storageUseAzuread: true`.
 */
export function warnUnlessProviderUsesAzureAd(scope: IConstruct, resource: TerraformResource): void {
  addDeferredWarning(scope, 'AZML-ST-002', 'The storage account refuses shared keys (sharedAccessKeyEnabled: false), but '
    + 'the azurerm provider of this stack does not authenticate to storage with Entra ID, so Terraform cannot manage '
    + 'the account\'s data plane (containers, blob and queue properties) and the first plan or apply fails with '
    + '403 KeyBasedAuthenticationNotPermitted. Set `storageUseAzuread: true` on the AzurermProvider (Terraform: '
    + '`storage_use_azuread = true` in the provider "azurerm" block) and give the identity Terraform runs as a '
    + 'Storage Blob Data role on the account.', () => !usesAzureAd(resource));
}

function usesAzureAd(resource: TerraformResource): boolean {
  const provider = resource.provider ?? defaultAzurermProvider(resource);
  if (!provider) return false;
  const value = (provider as unknown as { storageUseAzuread?: unknown }).storageUseAzuread;
  // A token (a variable) may well be true: only a literal false or an absent setting warns.
  return value === true || (value !== undefined && value !== false && typeof value !== 'boolean');
}

function defaultAzurermProvider(resource: TerraformResource): TerraformProvider | undefined {
  return TerraformStack.of(resource).node.findAll()
    .filter(c => TerraformProvider.isTerraformProvider(c))
    .map(c => c as TerraformProvider)
    .find(p => p.terraformResourceType === AZURERM && p.alias === undefined);
}

// What both reference stacks share and what is not part of the comparison: the providers and the
// resource group a user's stack declares itself. Only cdktf, the two provider bindings and
// `azurerm_resource_group` are loaded here.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { TerraformStack } from 'cdktf';
import { AzapiProvider } from '../src/azapi/provider';

/** Region of every reference stack. */
export const REFERENCE_LOCATION = 'westeurope';

/** The stack scaffolding a user writes: both providers and the resource group. */
export function declareProvidersAndResourceGroup(stack: TerraformStack, index: number): ResourceGroup {
  new AzurermProvider(stack, 'azurerm', { features: [{}], storageUseAzuread: true });
  new AzapiProvider(stack, 'azapi');
  return new ResourceGroup(stack, 'ResourceGroup', { name: `rg-ml-bench-${index}`, location: REFERENCE_LOCATION });
}


import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/** Construct id of the stack's shared `azurerm_client_config` data source. */
const CLIENT_CONFIG_ID = 'AzureMlClientConfig';

/**
 * The stack's one `azurerm_client_config` data source (subscription and tenant of the credentials
 * Terraform runs with), created on first use. Data sources are read during `terraform plan`, so its
 * values are known in the plan. Internal.
 */
export function clientConfigOf(scope: IConstruct): DataAzurermClientConfig {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(CLIENT_CONFIG_ID);
  return (existing as DataAzurermClientConfig | undefined) ?? new DataAzurermClientConfig(stack, CLIENT_CONFIG_ID);
}

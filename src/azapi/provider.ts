import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { AZAPI_GENERATOR_METADATA } from './common';

/**
 * Configuration of the `Azure/azapi` provider. Only the commonly needed arguments are
 * typed; anything else can be set with `addOverride`.
 */
export interface AzapiProviderConfig {
  /** Alias, when several azapi providers are configured. @default - none */
  readonly alias?: string;
  /** Subscription to manage. @default - from the environment (ARM_SUBSCRIPTION_ID) or Azure CLI */
  readonly subscriptionId?: string;
  /** Tenant to authenticate against. @default - from the environment */
  readonly tenantId?: string;
  /** Client ID of the service principal or managed identity. @default - from the environment */
  readonly clientId?: string;
  /** Authenticate with the Azure CLI. @default - azapi's default */
  readonly useCli?: boolean;
  /** Authenticate with a managed identity. @default - azapi's default */
  readonly useMsi?: boolean;
  /** Authenticate with OIDC (workload identity federation). @default - azapi's default */
  readonly useOidc?: boolean;
  /** Cloud environment: `public`, `usgovernment` or `china`. @default "public" */
  readonly environment?: string;
  /** Skip registering resource providers. @default - azapi's default */
  readonly skipProviderRegistration?: boolean;
  /** Tags applied to every azapi resource that supports tags. @default - none */
  readonly defaultTags?: { [key: string]: string };
  /** Default location for azapi resources. @default - none */
  readonly defaultLocation?: string;
  /** Run ARM preflight validation during plan. @default false */
  readonly enablePreflight?: boolean;
  /** Opt out of telemetry sent as a partner ID. @default - azapi's default */
  readonly disableTerraformPartnerId?: boolean;
}

/**
 * The `Azure/azapi` provider (2.x). Declare it in your stack, next to `AzurermProvider`:
 * the library's constructs never configure providers themselves.
 */
export class AzapiProvider extends TerraformProvider {
  /** Terraform resource type. */
  public static readonly tfResourceType = 'azapi';

  private readonly config: AzapiProviderConfig;
  private _alias?: string;

  constructor(scope: Construct, id: string, config: AzapiProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'azapi',
      terraformGeneratorMetadata: AZAPI_GENERATOR_METADATA,
      terraformProviderSource: 'Azure/azapi',
    });
    this.config = config;
    this._alias = config.alias;
  }

  /** Alias of this provider configuration; cdktf emits it and uses it in `provider` references. */
  public get alias(): string | undefined {
    return this._alias;
  }

  public set alias(value: string | undefined) {
    this._alias = value;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      subscription_id: c.subscriptionId,
      tenant_id: c.tenantId,
      client_id: c.clientId,
      use_cli: c.useCli,
      use_msi: c.useMsi,
      use_oidc: c.useOidc,
      environment: c.environment,
      skip_provider_registration: c.skipProviderRegistration,
      default_tags: c.defaultTags,
      default_location: c.defaultLocation,
      enable_preflight: c.enablePreflight,
      disable_terraform_partner_id: c.disableTerraformPartnerId,
    };
  }
}

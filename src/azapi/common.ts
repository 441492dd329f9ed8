/** Provider name and version the azapi bindings are written against (schema in ../shared/terraform). */
export const AZAPI_GENERATOR_METADATA = {
  providerName: 'azapi',
  providerVersion: '2.12.0',
  providerVersionConstraint: '~> 2.12',
};

/** How azapi retries a request whose error matches. */
export interface AzapiRetry {
  /** Regular expressions matched against error messages; a match retries the request. */
  readonly errorMessageRegex: string[];
  /**
   * Base number of seconds to wait between retries.
   * @default - azapi's default
   */
  readonly intervalSeconds?: number;
  /**
   * Maximum number of seconds to wait between retries.
   * @default - azapi's default
   */
  readonly maxIntervalSeconds?: number;
}

/** Operation timeouts, as Terraform durations such as `30m`. */
export interface AzapiTimeouts {
  /** @default - azapi's default */
  readonly create?: string;
  /** @default - azapi's default */
  readonly read?: string;
  /** @default - azapi's default */
  readonly update?: string;
  /** @default - azapi's default */
  readonly delete?: string;
}

export function retryToTerraform(retry?: AzapiRetry): Record<string, unknown> | undefined {
  if (!retry) return undefined;
  return {
    error_message_regex: retry.errorMessageRegex,
    interval_seconds: retry.intervalSeconds,
    max_interval_seconds: retry.maxIntervalSeconds,
  };
}

export function timeoutsToTerraform(timeouts?: AzapiTimeouts): Record<string, unknown> | undefined {
  if (!timeouts) return undefined;
  return { create: timeouts.create, read: timeouts.read, update: timeouts.update, delete: timeouts.delete };
}

import { AzapiRetry, AzapiTimeouts } from './options';

/** Provider name and version the azapi bindings are written against (schema in ../shared/terraform). */
export const AZAPI_GENERATOR_METADATA = {
  providerName: 'azapi',
  providerVersion: '2.12.0',
  providerVersionConstraint: '~> 2.12',
};

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

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

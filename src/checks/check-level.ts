/** How `AzureMlSecurityChecks` reports a failed rule. */
export enum CheckLevel {
  /** A warning annotation: `cdktf synth` prints it and goes on. */
  WARNING = 'warning',
  /** An error annotation: `cdktf synth` prints it and fails. */
  ERROR = 'error',
}

import { Token } from 'cdktf';

/**
 * A length of time, emitted as an ISO 8601 duration (`PT15M`) where Azure expects one.
 */
export class Duration {
  /** A duration in seconds. */
  public static seconds(amount: number): Duration {
    return new Duration(amount);
  }

  /** A duration in minutes. */
  public static minutes(amount: number): Duration {
    return new Duration(amount * 60);
  }

  /** A duration in hours. */
  public static hours(amount: number): Duration {
    return new Duration(amount * 3600);
  }

  /** A duration in days. */
  public static days(amount: number): Duration {
    return new Duration(amount * 86400);
  }

  private constructor(private readonly totalSeconds: number) {
    if (Token.isUnresolved(totalSeconds)) {
      throw new Error('Duration amounts must be known at synth time; Terraform references are not supported.');
    }
  }

  /** Total length in seconds. */
  public toSeconds(): number {
    return this.totalSeconds;
  }

  /** Total length in minutes (may be fractional). */
  public toMinutes(): number {
    return this.totalSeconds / 60;
  }

  /** ISO 8601 form, e.g. `PT2M`, `PT1H30M`, `P1DT2H`; zero is `PT0S`. */
  public toIsoString(): string {
    if (this.totalSeconds === 0) return 'PT0S';
    let rest = Math.abs(this.totalSeconds);
    const days = Math.floor(rest / 86400); rest -= days * 86400;
    const hours = Math.floor(rest / 3600); rest -= hours * 3600;
    const minutes = Math.floor(rest / 60); rest -= minutes * 60;
    const seconds = rest;
    const sign = this.totalSeconds < 0 ? '-' : '';
    let out = `${sign}P${days ? `${days}D` : ''}`;
    const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
    if (time) out += `T${time}`;
    return out;
  }

  /** Readable form for error messages. */
  public toString(): string {
    return this.toIsoString();
  }
}

import { Op, Token } from 'cdktf';

const UNIT_SECONDS = { S: 1, M: 60, H: 3600, D: 86400 } as const;
type Unit = keyof typeof UNIT_SECONDS;

/**
 * A length of time, emitted as an ISO 8601 duration (`PT15M`) where Azure expects one.
 *
 * The amount may be a Terraform reference (`Duration.minutes(idleMinutes.numberValue)`): the ISO form then
 * becomes a Terraform template (`PT${var.idle_minutes}M`), the other forms Terraform arithmetic, and the
 * constructs skip their range checks (Azure checks the value at apply).
 */
export class Duration {
  /** A duration in seconds. */
  public static seconds(amount: number): Duration {
    return new Duration(amount, 'S');
  }

  /** A duration in minutes. */
  public static minutes(amount: number): Duration {
    return new Duration(amount, 'M');
  }

  /** A duration in hours. */
  public static hours(amount: number): Duration {
    return new Duration(amount, 'H');
  }

  /** A duration in days. */
  public static days(amount: number): Duration {
    return new Duration(amount, 'D');
  }

  private constructor(private readonly amount: number, private readonly unit: Unit) {}

  /** Whether the amount is a Terraform reference (known only at apply). */
  public isUnresolved(): boolean {
    return Token.isUnresolved(this.amount);
  }

  /** Total length in seconds (a Terraform expression when the amount is a reference). */
  public toSeconds(): number {
    return this.inUnit(1);
  }

  /** Total length in minutes (may be fractional; a Terraform expression when the amount is a reference). */
  public toMinutes(): number {
    return this.inUnit(60);
  }

  /** Total length in days (may be fractional; a Terraform expression when the amount is a reference). */
  public toDays(): number {
    return this.inUnit(86400);
  }

  /** ISO 8601 form, e.g. `PT2M`, `PT1H30M`, `P1DT2H`; zero is `PT0S`. A reference gives `PT${var.x}M`. */
  public toIsoString(): string {
    if (this.isUnresolved()) {
      const amount = Token.asString(this.amount);
      return this.unit === 'D' ? `P${amount}D` : `PT${amount}${this.unit}`;
    }
    const total = this.amount * UNIT_SECONDS[this.unit];
    if (total === 0) return 'PT0S';
    let rest = Math.abs(total);
    const days = Math.floor(rest / 86400); rest -= days * 86400;
    const hours = Math.floor(rest / 3600); rest -= hours * 3600;
    const minutes = Math.floor(rest / 60); rest -= minutes * 60;
    const seconds = rest;
    const sign = total < 0 ? '-' : '';
    let out = `${sign}P${days ? `${days}D` : ''}`;
    const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
    if (time) out += `T${time}`;
    return out;
  }

  /** Readable form for error messages. */
  public toString(): string {
    return this.toIsoString();
  }

  private inUnit(unitSeconds: number): number {
    const factor = UNIT_SECONDS[this.unit];
    if (!this.isUnresolved()) return (this.amount * factor) / unitSeconds;
    if (factor === unitSeconds) return this.amount;
    return factor > unitSeconds ? Op.mul(this.amount, factor / unitSeconds) : Op.div(this.amount, unitSeconds / factor);
  }
}

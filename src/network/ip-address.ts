// Internal: checks of public IPv4 addresses and CIDR ranges (allowlists). Not exported from the package index.

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;

/** Why `entry` is not a public IPv4 address or CIDR range, or undefined when it is one. */
export function publicIpv4Problem(entry: string): string | undefined {
  const m = IPV4.exec(entry);
  if (!m || m.slice(1, 5).some(o => Number(o) > 255 || (o.length > 1 && o.startsWith('0'))) || (m[5] !== undefined && Number(m[5]) > 32)) {
    return 'it is not an IPv4 address or CIDR range (e.g. 203.0.113.7 or 203.0.113.0/24)';
  }
  const [a, b] = [Number(m[1]), Number(m[2])];
  const prefix = m[5] === undefined ? 32 : Number(m[5]);
  if (prefix === 0) return 'it allows the whole internet; list the ranges that need access';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) {
    return 'it is a private (RFC 1918) range, which never reaches a public endpoint; reach the workspace from private networks through a private endpoint';
  }
  if (a === 127 || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127) || a === 0 || a >= 224) {
    return 'it is not a public unicast address (loopback, link-local, shared, multicast or reserved)';
  }
  return undefined;
}

// Internal: checks of the managed-network outbound rules of a workspace. Not exported from the package index.
import { IConstruct } from 'constructs';
import { isResolved, ValidationError } from '../core/validation';

const FQDN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

/** Checks a destination FQDN (skips references): a host name, optionally with a leading `*.` wildcard. */
export function checkFqdn(scope: IConstruct, rule: string, fqdn: string): void {
  if (!isResolved(fqdn)) return;
  const host = fqdn.startsWith('*.') ? fqdn.slice(2) : fqdn;
  const labels = host.split('.');
  if (fqdn.length > 253 || labels.length < 2 || !labels.every(l => FQDN_LABEL.test(l))) {
    throw new ValidationError(scope, `outbound rule '${rule}' destination '${fqdn}' is not a fully qualified domain name: give a `
      + 'host name such as \'pypi.org\' or a wildcard such as \'*.anaconda.com\', without a scheme (https://), path or port '
      + '(labels of letters, digits and hyphens, at most 253 characters).');
  }
}

/** Checks service-tag port ranges (skips references): `*`, or comma-separated ports and `low-high` ranges from 1 to 65535. */
export function checkPortRanges(scope: IConstruct, rule: string, portRanges: string): void {
  if (!isResolved(portRanges)) return;
  const bad = (why: string) => new ValidationError(scope, `outbound rule '${rule}' portRanges '${portRanges}' is invalid: ${why}. `
    + 'Use \'*\' for all ports, or ports and ranges separated by commas, e.g. \'443\' or \'80,443,8000-8080\'.');
  if (portRanges.trim() === '*') return;
  const parts = portRanges.split(',').map(p => p.trim());
  for (const part of parts) {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part);
    if (!m) throw bad(`'${part}' is not a port or a range`);
    const low = Number(m[1]);
    const high = m[2] === undefined ? low : Number(m[2]);
    if (low < 1 || high > 65535) throw bad(`'${part}' is outside 1-65535`);
    if (low > high) throw bad(`'${part}' starts above its end`);
  }
}

/**
 * Construct ID of an outbound rule: `OutboundRule-<name>`. A name from a Terraform reference cannot be part
 * of a construct ID, so such rules are numbered in the order they are added (`OutboundRuleRef1`, ...); keep
 * that order stable, or their Terraform addresses change.
 */
export function outboundRuleId(scope: IConstruct, name: string): string {
  if (isResolved(name)) return `OutboundRule-${name}`;
  const taken = scope.node.children.filter(c => /^OutboundRuleRef\d+$/.test(c.node.id)).length;
  return `OutboundRuleRef${taken + 1}`;
}

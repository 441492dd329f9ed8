// Internal helpers for the common props of L2 resource constructs (not exported from the package index).
import { IConstruct } from 'constructs';
import { Duration } from './duration';
import { IResourceGroup } from './resource-group';
import { ValidationError } from './validation';

/**
 * The region to deploy to: `location`, else the resource group's. Throws a ValidationError
 * asking for `location` when neither is known.
 */
export function resolveLocation(scope: IConstruct, resourceGroup: IResourceGroup, location: string | undefined, what: string): string {
  const resolved = location ?? resourceGroup.location;
  if (resolved === undefined || resolved === '') {
    throw new ValidationError(scope, `the ${what} has no location: the resource group '${resourceGroup.name}' was given `
      + 'without a known region. Pass `location` (e.g. location: \'westeurope\'), or give the resource group its location '
      + '(ResourceGroupRef.fromName(name, location)).');
  }
  return resolved;
}

/**
 * A setting Azure takes in whole days: the number of days in `duration`, after checking it is a
 * whole number of days from `min` to `max`.
 */
export function wholeDays(scope: IConstruct, what: string, duration: Duration, min: number, max: number, fix?: string): number {
  const days = duration.toSeconds() / 86400;
  if (!Number.isInteger(days) || days < min || days > max) {
    throw new ValidationError(scope, `${what} is ${duration.toIsoString()}; it must be a whole number of days from ${min} to ${max} `
      + `(e.g. Duration.days(${Math.min(Math.max(30, min), max)})).${fix ? ` ${fix}` : ''}`);
  }
  return days;
}

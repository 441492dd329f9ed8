// Internal: the body of every `addPrivateEndpoint` method. Not exported from the package index.
import { Construct, IConstruct } from 'constructs';
import { requestedTogether, withSiblings } from './internal';
import { PrivateEndpoint, TargetPrivateEndpointOptions } from './private-endpoint';
import { PrivateEndpointSubResource } from './sub-resource';
import { ValidationError } from '../core/validation';

/** What a target type offers to `addPrivateEndpoints`. */
export interface PrivateLinkTarget {
  /** Human name, e.g. `storage account`. */
  readonly what: string;
  readonly resourceId: string;
  readonly allowed: PrivateEndpointSubResource[];
  readonly defaults: PrivateEndpointSubResource[];
}

/**
 * Creates one endpoint per requested sub-resource under `target`, as `PrivateEndpoint-<groupId>`:
 * construct IDs depend on the sub-resource only, so adding one or changing the DNS mode leaves the
 * others where they are. Internal: the `addPrivateEndpoint` methods call it. Inside
 * `withSiblings(all, ...)` existing zones are matched against `all` (a workspace passes one zone list for all
 * its endpoints).
 */
export function addPrivateEndpoints(target: IConstruct, spec: PrivateLinkTarget, options: TargetPrivateEndpointOptions): PrivateEndpoint[] {
  const subs = options.subResources ?? spec.defaults;
  if (subs.length === 0) {
    throw new ValidationError(target, `addPrivateEndpoint() got an empty subResources list for this ${spec.what}; give at least one of `
      + `${spec.allowed.map(s => s.groupId).join(', ')}, or leave it out for the defaults.`);
  }
  for (const sub of subs) {
    if (!spec.allowed.includes(sub)) {
      throw new ValidationError(target, `a ${spec.what} has no private-link sub-resource '${sub.groupId}'; use one of `
        + `${spec.allowed.map(s => s.groupId).join(', ')}.`);
    }
  }
  // A target built on an L1 lends its own resource group (known at plan time) unless one is given.
  const l1Group = (target.node.defaultChild as { resourceGroupNameInput?: unknown } | undefined)?.resourceGroupNameInput;
  const resourceGroup = options.resourceGroup ?? (typeof l1Group === 'string' ? { name: l1Group } : undefined);
  const zoneSiblings = requestedTogether() ?? subs;
  const endpoints: PrivateEndpoint[] = [];
  for (const sub of subs) {
    const id = `PrivateEndpoint-${sub.groupId}`;
    if (target.node.tryFindChild(id)) {
      throw new ValidationError(target, `a private endpoint for sub-resource '${sub.groupId}' of this ${spec.what} already exists `
        + `(${target.node.path}/${id}); request each sub-resource once.`);
    }
    // Existing zones are matched against all the sub-resources of the call.
    endpoints.push(withSiblings(zoneSiblings, () =>
      new PrivateEndpoint(target as Construct, id, { ...options, resourceGroup, targetResourceId: spec.resourceId, subResource: sub })));
  }
  return endpoints;
}

// Internal helpers of the private-endpoint mechanism; not exported from the package index.
import { DefaultTokenResolver, StringConcat, Tokenization, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { AzureCloud } from './cloud';
import { PrivateEndpointSubResource } from './sub-resource';
import { IResourceGroup } from '../core/resource-group';

/**
 * A string that identifies a value across synths: the value itself when known, else the Terraform
 * expression of the reference (e.g. `${azurerm_virtual_network.hub.id}`).
 */
export function stableKey(scope: IConstruct, value: string): string {
  if (!Token.isUnresolved(value)) return value.toLowerCase();
  return String(Tokenization.resolve(value, { scope, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }));
}

/** What an endpoint needs to know to pick its zones. */
export interface DnsZoneRequest {
  readonly subResource: PrivateEndpointSubResource;
  readonly cloud: AzureCloud;
  readonly virtualNetworkId: string;
  readonly resourceGroup: IResourceGroup;
  /** All sub-resources requested together (existing zones may cover several). */
  readonly siblings: PrivateEndpointSubResource[];
}


let siblings: PrivateEndpointSubResource[] | undefined;

/** Sub-resources requested in the same `addPrivateEndpoint` call, while its endpoints are built. */
export function requestedTogether(): PrivateEndpointSubResource[] | undefined {
  return siblings;
}

/** Builds endpoints knowing which sub-resources were requested together (existing zones are matched against all). */
export function withSiblings<T>(subs: PrivateEndpointSubResource[], build: () => T): T {
  const outer = siblings;
  siblings = subs;
  try {
    return build();
  } finally {
    siblings = outer;
  }
}

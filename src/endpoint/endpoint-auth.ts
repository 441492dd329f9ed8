/** How callers authenticate to an endpoint. */
export enum EndpointAuthMode {
  /** Microsoft Entra ID tokens (role assignments decide who may call). */
  AAD_TOKEN = 'AADToken',
  /** Azure ML tokens that expire (online endpoints only). */
  AML_TOKEN = 'AMLToken',
  /** Static keys that do not expire (online endpoints only). */
  KEY = 'Key',
}

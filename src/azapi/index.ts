export { AzapiRetry, AzapiTimeouts } from './common';
export * from './provider';
export * from './resource';
export * from './update-resource';

export * from './duration';
export * from './resource-group';
export * from './grants';
export * from './identity';
export * from './removal-policy';
export * from './secret';
export { ResourceIdParts } from './arm-id';
export { FirewallRulesProps, StatefulResourceProps } from './resource-props';

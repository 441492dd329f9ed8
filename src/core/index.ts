export * from './duration';
export * from './resource-group';
export * from './grants';
export * from './identity';
export * from './removal-policy';
export * from './secret';
export * from './stateful-resource-props';
export { Warnings } from './warnings';

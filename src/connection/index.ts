export * from './connection-category';
export * from './connection-auth';
export * from './workspace-connection';
export * from './azure-connections';
export * from './external-connections';

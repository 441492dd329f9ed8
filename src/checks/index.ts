export * from './check-level';
export * from './security-checks';

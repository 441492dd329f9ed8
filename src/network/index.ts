export * from './cloud';
export * from './sub-resource';
export * from './subnet';
export * from './private-dns';
export * from './private-endpoint';
export * from './monitor-private-link-scope';

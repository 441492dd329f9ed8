export * from './credentials';
export * from './targets';
export * from './datastore-base';
export * from './blob-datastore';
export * from './datalake-gen2-datastore';
export * from './file-share-datastore';

export * from './options';
export * from './provider';
export * from './resource';
export * from './update-resource';

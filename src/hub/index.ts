export * from './hub-ref';
export * from './hub-base';
export * from './hub';
export * from './project';

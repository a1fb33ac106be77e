export * from './database';
export * from './data-source.factory';
export * from './transaction';
export * from './transient-error';
export * from './document-numbers';
export * from './page-cursor';

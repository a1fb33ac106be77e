export * from './customer-events';
export * from './customer-patterns';
export * from './customer-shapes';

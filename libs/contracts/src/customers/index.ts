export * from './customer-inputs';
export * from './customer-results';
export * from './customer-operations';
export * from './customer-events';
export * from './customer-queries';

export * from './pos-input';
export * from './loyalty-inputs';
export * from './loyalty-results';
export * from './loyalty-operations';
export * from './loyalty-events';

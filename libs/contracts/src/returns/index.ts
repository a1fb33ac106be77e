export * from './return-events';
export * from './return-inputs';
export * from './return-results';
export * from './return-operations';

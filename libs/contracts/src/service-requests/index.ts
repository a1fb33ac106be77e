export * from './service-request-inputs';
export * from './service-request-results';
export * from './service-request-operations';
export * from './service-request-events';

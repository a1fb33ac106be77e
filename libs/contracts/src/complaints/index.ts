export * from './complaint-inputs';
export * from './complaint-results';
export * from './complaint-operations';
export * from './complaint-events';
export * from './complaint-report';

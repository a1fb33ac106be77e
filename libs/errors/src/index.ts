export * from './error-kind';
export * from './domain.exception';
export * from './problem-details';

export * from './test-env';
export * from './test-database';
export * from './test-vhost';
export * from './broker';
export * from './servers';
export * from './eventually';
export * from './contract-verdict';
export * from './domain-service-harness';

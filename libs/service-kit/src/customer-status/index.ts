export * from './customer-status.policy';
export * from './customer-status.gate';
export * from './customer-status.module';
export * from './customer-status.store';
export * from './known-customers.migration';

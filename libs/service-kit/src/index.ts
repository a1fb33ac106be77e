export * from './tokens';
export * from './transaction-runner';
export * from './core.module';
export * from './health.controller';
export * from './bootstrap-domain-service';
export * from './current-caller.decorator';
export * from './customer-status';

export * from './business-time';
export * from './business-date';
export * from './working-calendar';

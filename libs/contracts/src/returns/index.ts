export * from './return-events';

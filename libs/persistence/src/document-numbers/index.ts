export * from './document-series';
export * from './document-number.allocator';
export * from './document-number-counters.migration';

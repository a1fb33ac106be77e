export * from './envelope';
export * from './caller';
export * from './money';
export * from './page';
export * from './services';
export * from './formats';
export * from './customers';

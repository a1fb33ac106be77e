import type { DevelopmentSettings } from '../customers.config';

/** DI token of the development-and-visits settings (DEV-2 visit intervals). */
export const DEVELOPMENT_SETTINGS = Symbol('DEVELOPMENT_SETTINGS');
export type { DevelopmentSettings };

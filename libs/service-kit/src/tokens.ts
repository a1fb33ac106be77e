/** Injection tokens for the infrastructure every domain service shares. */
export const LOGGER = Symbol('LOGGER');
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

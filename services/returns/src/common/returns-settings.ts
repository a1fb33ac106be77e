/** Injection token of the service's `ReturnsSettings` (RET-3 threshold). */
export const RETURNS_SETTINGS = Symbol('RETURNS_SETTINGS');

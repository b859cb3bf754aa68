import type { Environment } from './load-config';

/** The environment the process was started with; service settings classes are loaded from it. */
export const ENVIRONMENT = Symbol('ENVIRONMENT');
export type { Environment };

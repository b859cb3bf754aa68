export { benchPostgres } from './bench-postgres';
export { freePort } from './free-port';
export { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from './postgres';
export type { RunningPostgres } from './postgres';
export { ensureRedis, RedisUnavailableError } from './redis';
export type { RunningRedis } from './redis';

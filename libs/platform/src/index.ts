export { PlatformModule } from './platform.module';
export type { PlatformOptions } from './platform.module';
export { PlatformConfig } from './config/platform.config';
export { ConfigError, describeConfig, EnvBoolean, loadConfig, Secret } from './config/load-config';
export type { Environment } from './config/load-config';
export { ENVIRONMENT } from './config/environment';
export { withDevSecrets } from './config/dev-secrets';
export { FieldCipher } from './crypto/field-cipher';
export { ServiceDatabaseModule } from './database/service-database.module';
export type { ServiceDatabaseOptions } from './database/service-database.module';
export { migrateSchema } from './database/migrate';
export {
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnavailableError,
} from './errors/domain-errors';
export type { FieldViolation } from './errors/domain-errors';
export { GlobalExceptionFilter } from './errors/global-exception.filter';
export { createValidationPipe, toFieldViolations } from './errors/validation';
export { ReadinessRegistry } from './health/readiness.registry';
export { IS_PUBLIC, Public } from './http/public.decorator';
export { eventsHandled, eventsPublished, metricsRegistry } from './metrics/metrics';
export { redisOptions } from './redis/redis-options';
export type { RedisConnectionSettings } from './redis/redis-options';
export { configureApi, logSettings, runApi, runWorker, startRpc } from './bootstrap/bootstrap';
export type { ApiOptions } from './bootstrap/bootstrap';
export { UuidParam } from './http/uuid-param';
export { HasOffset } from './http/has-offset';
export { NamespacedRedisClient, NamespacedRedisServer, redisTransportOptions } from './redis/redis-transport';

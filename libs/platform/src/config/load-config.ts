import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';

const SECRET_KEYS = Symbol('secretKeys');

/** Marks a setting as secret: it is never printed by describeConfig or logged. */
export function Secret(): PropertyDecorator {
  return (target, key) => {
    const owner = target as { [SECRET_KEYS]?: Set<string | symbol> };
    const inherited = owner[SECRET_KEYS];
    owner[SECRET_KEYS] = new Set([...(inherited ?? []), key]);
  };
}

/** Reads 'true'/'false' (and 1/0) from the environment; implicit conversion would make 'false' true. */
export function EnvBoolean(): PropertyDecorator {
  return Transform(({ obj, key }) => {
    const raw: unknown = obj[key];
    if (typeof raw === 'boolean') return raw;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    return raw;
  });
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export type Environment = Record<string, string | undefined>;

/**
 * Validates the environment into a typed settings object, once, at boot. Every service reads
 * settings only through such objects: nothing else touches process.env.
 */
export function loadConfig<T extends object>(schema: new () => T, env: Environment): T {
  // Only the settings the schema declares: the rest of the environment (other services'
  // secrets among it) must not ride along on this object into a log line.
  const declared = new Set(getMetadataStorage().getTargetValidationMetadatas(schema, '', true, false).map((m) => m.propertyName));
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => declared.has(k) && v !== undefined && v !== ''));
  const config = plainToInstance(schema, present, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(`invalid configuration: ${errors.map(describeError).join('; ')}`);
  }
  return config;
}

function describeError(error: ValidationError): string {
  const rules = Object.values(error.constraints ?? {}).join(', ');
  return `${error.property}: ${rules}`;
}

/** The settings with secrets masked, for a start-up log line. */
export function describeConfig(config: object): Record<string, unknown> {
  const secrets = (config as { [SECRET_KEYS]?: Set<string | symbol> })[SECRET_KEYS] ?? new Set();
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [key, secrets.has(key) ? '[secret]' : value]),
  );
}

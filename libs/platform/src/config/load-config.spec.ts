import { ConfigError, describeConfig, loadConfig } from './load-config';
import { PlatformConfig } from './platform.config';

const valid = {
  DATABASE_URL: 'postgres://u:p@db:5432/convene',
  ENCRYPTION_KEYS: `k1:${Buffer.alloc(32).toString('base64')}`,
  ENCRYPTION_KEY_ID: 'k1',
};

describe('settings validated at boot', () => {
  it('reads numbers and booleans from the environment, with defaults for the rest', () => {
    const config = loadConfig(PlatformConfig, { ...valid, PORT: '8080', MIGRATIONS_RUN: 'false', EVENT_RETRY_ATTEMPTS: '3' });
    expect(config).toMatchObject({ PORT: 8080, MIGRATIONS_RUN: false, EVENT_RETRY_ATTEMPTS: 3, REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: 'convene' });
  });

  it('refuses to boot on a bad or missing setting, naming each one and its rule', () => {
    expect(() => loadConfig(PlatformConfig, { ...valid, DATABASE_URL: undefined, PORT: 'eighty', QUEUE_PREFIX: 'a:b' })).toThrow(
      new ConfigError(
        'invalid configuration: PORT: PORT must not be greater than 65535, PORT must not be less than 0, PORT must be an integer number; ' +
          'DATABASE_URL: DATABASE_URL must be a postgres:// URL; QUEUE_PREFIX: QUEUE_PREFIX may hold only letters, digits, _ and -',
      ),
    );
  });

  it('never shows a secret when the settings are described, nor carries settings it does not declare', () => {
    const described = describeConfig(loadConfig(PlatformConfig, { ...valid, JWT_SECRET: 'another-schema-secret', HOME: '/root' }));
    expect(described).not.toHaveProperty('JWT_SECRET');
    expect(described).not.toHaveProperty('HOME');
    expect(described).toMatchObject({ DATABASE_URL: '[secret]', ENCRYPTION_KEYS: '[secret]', REDIS_URL: '[secret]', ENCRYPTION_KEY_ID: 'k1' });
    expect(JSON.stringify(described)).not.toContain('u:p@db');
  });
});

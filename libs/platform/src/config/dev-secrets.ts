import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Environment } from './load-config';

const DEV_SECRETS_FILE = resolve('.data', 'dev-secrets.json');

/**
 * Outside production, secrets that are not set come from `.data/dev-secrets.json`, made on
 * first use, so every local process (services, the token command) agrees without set-up.
 * Production never reads it: missing secrets fail validation at boot.
 */
const SECRET_NAMES = ['JWT_SECRET', 'ENCRYPTION_KEYS', 'ENCRYPTION_KEY_ID'] as const;

export function withDevSecrets(env: Environment): Environment {
  if (env.NODE_ENV === 'production' || SECRET_NAMES.every((name) => env[name])) return env;
  return { ...readOrCreateDevSecrets(), ...definedOnly(env) };
}

function readOrCreateDevSecrets(): Environment {
  if (existsSync(DEV_SECRETS_FILE)) {
    return JSON.parse(readFileSync(DEV_SECRETS_FILE, 'utf8')) as Environment;
  }
  const secrets = {
    JWT_SECRET: randomBytes(32).toString('base64url'),
    ENCRYPTION_KEYS: `dev1:${randomBytes(32).toString('base64')}`,
    ENCRYPTION_KEY_ID: 'dev1',
  };
  mkdirSync(dirname(DEV_SECRETS_FILE), { recursive: true });
  writeFileSync(DEV_SECRETS_FILE, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function definedOnly(env: Environment): Environment {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
}

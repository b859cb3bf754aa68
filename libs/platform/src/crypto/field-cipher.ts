import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ConfigError } from '../config/load-config';
import { PlatformConfig } from '../config/platform.config';

const FORMAT = 'v1';
const ALGORITHM = 'aes-256-gcm';

/**
 * Encrypts personal data for storage: AES-256-GCM with a fresh IV per value. A stored value
 * reads `v1.<keyId>.<iv>.<tag>.<ciphertext>` so keys can rotate: new values use the current
 * key, old ones still decrypt with theirs. The context (e.g. `participant:<id>:phone`) is
 * authenticated, so a value copied onto another record or field does not decrypt.
 */
@Injectable()
export class FieldCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly currentKeyId: string;

  constructor(config: PlatformConfig) {
    this.keys = parseKeys(config.ENCRYPTION_KEYS);
    if (!this.keys.has(config.ENCRYPTION_KEY_ID)) {
      throw new ConfigError(`ENCRYPTION_KEY_ID ${config.ENCRYPTION_KEY_ID} is not among ENCRYPTION_KEYS`);
    }
    this.currentKeyId = config.ENCRYPTION_KEY_ID;
  }

  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, this.key(this.currentKeyId), iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, this.currentKeyId, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  decrypt(stored: string, context: string): string {
    const [format, keyId, iv, tag, ciphertext] = stored.split('.');
    if (format !== FORMAT || !keyId || iv === undefined || tag === undefined || ciphertext === undefined) {
      throw new Error('stored value is not in the encrypted format');
    }
    const decipher = createDecipheriv(ALGORITHM, this.key(keyId), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }

  encryptOptional(plaintext: string | null | undefined, context: string): string | null {
    return plaintext === null || plaintext === undefined ? null : this.encrypt(plaintext, context);
  }

  decryptOptional(stored: string | null, context: string): string | null {
    return stored === null ? null : this.decrypt(stored, context);
  }

  /** True when the value was written under an older key and should be re-encrypted. */
  isStale(stored: string): boolean {
    return stored.split('.')[1] !== this.currentKeyId;
  }

  private key(keyId: string): Buffer {
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`no encryption key with id ${keyId}`);
    return key;
  }
}

function parseKeys(spec: string): Map<string, Buffer> {
  return new Map(
    spec.split(',').map((pair) => {
      const [id, base64] = pair.split(':') as [string, string];
      const key = Buffer.from(base64, 'base64');
      if (key.length !== 32) throw new ConfigError(`ENCRYPTION_KEYS: key ${id} must be 32 bytes (base64), not ${key.length}`);
      return [id, key];
    }),
  );
}

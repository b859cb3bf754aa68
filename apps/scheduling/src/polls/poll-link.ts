import { Injectable } from '@nestjs/common';
import { FieldCipher } from '#platform';

const CONTEXT = 'poll-link:v1';

/**
 * The token in a participant's poll link: the poll id sealed with the platform's field cipher
 * (AES-256-GCM, key id inside), so it cannot be forged or altered and needs no secret of its
 * own; keys rotate as the cipher's do. It names no one and says nothing of the case.
 */
@Injectable()
export class PollLinks {
  constructor(private readonly cipher: FieldCipher) {}

  seal(pollId: string): string {
    return this.cipher.encrypt(pollId, CONTEXT);
  }

  /** The poll id, or null for a token that was not made here. */
  open(token: string): string | null {
    try {
      return this.cipher.decrypt(token, CONTEXT);
    } catch {
      return null;
    }
  }
}

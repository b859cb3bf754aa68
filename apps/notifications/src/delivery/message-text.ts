import { Injectable } from '@nestjs/common';
import { FieldCipher } from '#platform';
import type { MessageText } from '../content/message-composer';

/** A message's text at rest: encrypted, bound to the message, so the log keeps it but a table dump does not show it. */
@Injectable()
export class MessageTexts {
  constructor(private readonly cipher: FieldCipher) {}

  seal(messageId: string, text: MessageText): MessageText {
    return {
      subject: this.cipher.encryptOptional(text.subject, `message:${messageId}:subject`),
      body: this.cipher.encrypt(text.body, `message:${messageId}:body`),
    };
  }

  open(message: { id: string; subject: string | null; body: string }): MessageText {
    return {
      subject: this.cipher.decryptOptional(message.subject, `message:${message.id}:subject`),
      body: this.cipher.decrypt(message.body, `message:${message.id}:body`),
    };
  }
}

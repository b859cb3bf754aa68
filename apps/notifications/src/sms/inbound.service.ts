import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Language } from '#contracts';
import { Outbox } from '#messaging';
import { FieldCipher } from '#platform';
import { AlertRepository } from '../alerts/alert.repository';
import { NumberHash } from '../contacts/number-hash';
import { MessageComposer } from '../content/message-composer';
import { NOTIFICATIONS_DB } from '../database';
import type { MessageEntity } from '../messages/message.entity';
import { MessageRepository } from '../messages/message.repository';
import { OptOutRepository } from '../opt-outs/opt-out.repository';
import { POLL_SMS_TEMPLATE, type PollVerdict } from '../polls/poll-numbering';
import { PollReplies } from '../polls/poll-replies';
import { SessionRepository } from '../sessions/session.repository';
import { readPollAnswer, readReply, type ReplyKind } from './reply-words';

export interface InboundSms {
  MessageSid?: string;
  From?: string;
  Body?: string;
}

/**
 * A reply by SMS. The number is matched to the participant by the latest message sent to it
 * (through its keyed hash: the number itself is never kept). C or YES confirms, R asks to
 * reschedule (and alerts the coordinator), STOP and the other opt-out words stop SMS to the
 * number at once, START undoes it, HELP gets the service's line. Numbers ("1 3", "0", NONE) in
 * reply to an SMS that listed a poll's times answer the poll (poll.answered, and a thank-you; a
 * number not offered or a closed poll get a reply that says so, and nothing is recorded); the
 * reply words keep their meaning there. Anything else goes to the case's facilitators only (kept
 * encrypted, sent nowhere) and gets a neutral automatic reply. The answer is the text to send
 * back (TwiML), or null for none.
 */
@Injectable()
export class InboundService {
  constructor(
    @InjectDataSource(NOTIFICATIONS_DB) private readonly dataSource: DataSource,
    private readonly numbers: NumberHash,
    private readonly messages: MessageRepository,
    private readonly sessions: SessionRepository,
    private readonly optOuts: OptOutRepository,
    private readonly alerts: AlertRepository,
    private readonly outbox: Outbox,
    private readonly cipher: FieldCipher,
    private readonly composer: MessageComposer,
    private readonly pollReplies: PollReplies,
  ) {}

  async receive(sms: InboundSms): Promise<string | null> {
    if (!sms.MessageSid || !sms.From) return null;
    const body = sms.Body ?? '';
    const kind = readReply(body);
    const numberHash = this.numbers.of(sms.From);
    const receivedAt = new Date();
    const { language, verdict } = await this.dataSource.transaction(async (manager): Promise<{ language: Language; verdict: PollVerdict | null }> => {
      const latest = await this.messages.latestTo(manager, numberHash);
      // Numbers answer a poll only where its times were listed, numbered; a reply word never does.
      const numbers = kind === 'other' && latest?.templateId === POLL_SMS_TEMPLATE ? readPollAnswer(body) : null;
      const keyword = numbers ? 'poll-answer' : kind;
      const id = randomUUID();
      const inserted: unknown[] = await manager.query(
        `INSERT INTO notifications.inbound (id, provider_id, channel, number_hash, organisation_id, case_id, participant_id, in_reply_to, keyword, body, received_at)
         VALUES ($1, $2, 'sms', $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (provider_id) DO NOTHING RETURNING id`,
        [id, sms.MessageSid, numberHash, latest?.organisationId ?? null, latest?.caseId ?? null, latest?.participantId ?? null, latest?.id ?? null, keyword,
          keyword === 'other' && latest ? this.cipher.encrypt(body, `inbound:${id}:body`) : null, receivedAt],
      );
      // Twilio retried a webhook we had handled: answer the same, change nothing.
      const repeat = inserted.length === 0;
      if (numbers) return { language: latest!.language, verdict: await this.pollReplies.answer(manager, latest!, numbers, receivedAt, repeat) };
      if (!repeat) await this.act(manager, kind, id, numberHash, latest, receivedAt);
      return { language: latest?.language ?? 'en', verdict: null };
    });
    if (verdict) return this.pollReplyText(verdict, language);
    if (kind === 'help') return this.composer.serviceText('sms-help', language);
    if (kind === 'other') return this.composer.serviceText('sms-auto-reply', language);
    return null;
  }

  private pollReplyText(verdict: PollVerdict, language: Language): string {
    switch (verdict.kind) {
      case 'answered':
        return this.composer.serviceText('sms-poll-answered', language);
      case 'numbers':
        return this.composer.serviceText('sms-poll-numbers', language, { count: verdict.count });
      case 'closed':
        return this.composer.serviceText('sms-poll-closed', language);
    }
  }

  private async act(manager: EntityManager, kind: ReplyKind, inboundId: string, numberHash: string, latest: MessageEntity | null, at: Date): Promise<void> {
    const participantId = latest?.participantId ?? null;
    switch (kind) {
      case 'stop':
        if (await this.optOuts.optOutNumber(manager, numberHash, latest?.recipientId ?? null, at, 'reply')) {
          await this.outbox.record(manager, {
            type: 'channel.opted-out',
            caseId: latest?.caseId ?? null,
            organisationId: latest?.organisationId ?? null,
            payload: { participantId: latest?.recipientId ?? null, channel: 'sms', optedOutAt: at.toISOString() },
          });
        }
        return;
      case 'start':
        await this.optOuts.optInNumber(manager, numberHash, at);
        return;
      case 'confirm':
      case 'reschedule': {
        if (!latest?.sessionId || !participantId || latest.sessionVersion === null || latest.purpose === 'poll' || latest.purpose === 'cancellation') return;
        const facts = { sessionId: latest.sessionId, sessionVersion: latest.sessionVersion, participantId, channel: 'sms' as const, receivedAt: at.toISOString() };
        const type = kind === 'confirm' ? 'reply.attendance-confirmed' : 'reply.reschedule-requested';
        await this.outbox.record(manager, { type, caseId: latest.caseId, organisationId: latest.organisationId, payload: facts });
        if (kind === 'reschedule') await this.alert(manager, 'reschedule-requested', inboundId, latest, 'asked by SMS for another time');
        return;
      }
      case 'other':
        if (latest) await this.alert(manager, 'reply-received', inboundId, latest, 'a reply for the facilitators');
        return;
      case 'help':
        return;
    }
  }

  private async alert(manager: EntityManager, kind: 'reschedule-requested' | 'reply-received', inboundId: string, latest: MessageEntity, detail: string): Promise<void> {
    const session = latest.sessionId ? await this.sessions.find(manager, latest.sessionId) : null;
    await this.alerts.raise(manager, {
      organisationId: latest.organisationId,
      caseId: latest.caseId,
      kind,
      sessionId: latest.sessionId,
      participantId: latest.participantId,
      inboundId,
      facilitatorIds: session?.facilitatorIds ?? [],
      detail,
    });
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Outbox } from '#messaging';
import type { MessageEntity } from '../messages/message.entity';
import { SessionRepository } from '../sessions/session.repository';
import { judgeAnswer, type PollVerdict } from './poll-numbering';
import { PollRepository } from './poll.repository';

/**
 * A reply by numbers to an SMS that listed a poll's times: judged against the poll kept from
 * poll.opened, and a taken answer carried back to scheduling as poll.answered (ids only: the
 * poll, the participant asked, the chosen options, empty for none).
 */
@Injectable()
export class PollReplies {
  constructor(
    private readonly polls: PollRepository,
    private readonly sessions: SessionRepository,
    private readonly outbox: Outbox,
  ) {}

  /** What the reply comes to; a repeat (Twilio sending the same webhook again) is judged alike and records nothing. */
  async answer(manager: EntityManager, message: MessageEntity, numbers: number[], at: Date, repeat: boolean): Promise<PollVerdict> {
    const poll = message.reminderId ? await this.polls.ofReminder(manager, message.reminderId) : null;
    if (!poll) return { kind: 'closed' };
    // Notifications keeps a copy of a session once it is booked; scheduling's polls close then, or when it is cancelled.
    const settled = (await this.sessions.find(manager, poll.sessionId)) !== null;
    const verdict = judgeAnswer(poll, numbers, at, settled);
    if (verdict.kind === 'answered' && !repeat) {
      await this.outbox.record(manager, {
        type: 'poll.answered',
        caseId: poll.caseId,
        organisationId: poll.organisationId,
        payload: { pollId: poll.id, participantId: poll.participantId, chosenOptionIds: verdict.chosenOptionIds, answeredAt: at.toISOString() },
      });
    }
    return verdict;
  }
}

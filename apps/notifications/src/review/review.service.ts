import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '#auth';
import { ConflictError, NotFoundError } from '#platform';
import { ContactRoutes } from '../contacts/contact-routes';
import { MessageComposer, type MessageText } from '../content/message-composer';
import { NOTIFICATIONS_DB } from '../database';
import { MessageTexts } from '../delivery/message-text';
import type { MessageEntity } from '../messages/message.entity';
import { MessageRepository } from '../messages/message.repository';
import { SendScheduler } from '../reminders/send-scheduler';
import { SessionRepository } from '../sessions/session.repository';
import type { HeldMessageView } from './dto/review.dto';

/**
 * The review queue: messages the content policy held back. A practitioner of the organisation
 * may edit one (the new text is screened again against the case's people, asked of cases now),
 * release it once the policy allows it, or discard it. Nothing held is ever sent as it was.
 */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource(NOTIFICATIONS_DB) private readonly dataSource: DataSource,
    private readonly messages: MessageRepository,
    private readonly sessions: SessionRepository,
    private readonly routes: ContactRoutes,
    private readonly composer: MessageComposer,
    private readonly texts: MessageTexts,
    private readonly scheduler: SendScheduler,
  ) {}

  async list(principal: Principal): Promise<HeldMessageView[]> {
    const held = await this.messages.held(this.dataSource.manager, principal.organisationId);
    return held.map((m) => this.view(m));
  }

  /** The new text, screened again; it stays held, with the policy's reasons (none when it may go). */
  async edit(principal: Principal, messageId: string, text: MessageText): Promise<HeldMessageView> {
    const reasons = await this.screen(await this.held(principal, messageId), text);
    return this.dataSource.transaction(async (manager) => {
      const message = await this.lockHeld(manager, principal, messageId);
      const sealed = this.texts.seal(message.id, { subject: message.channel === 'email' ? text.subject ?? null : null, body: text.body });
      await this.messages.move(manager, message, 'held', `edited by ${principal.userId}`, { ...sealed, holdReasons: reasons });
      return this.view(message);
    });
  }

  /**
   * Screened once more as it stands; released and queued if the policy allows it, else a 409 with
   * the reasons. One with no text (its template did not render) must be edited first: an empty
   * text passes the screening but is no message.
   */
  async release(principal: Principal, messageId: string): Promise<HeldMessageView> {
    const current = await this.held(principal, messageId);
    const text = this.texts.open(current);
    if (text.body.trim() === '') {
      const why = current.holdReasons?.length ? ` (${current.holdReasons.join('; ')})` : '';
      throw new ConflictError('empty-text', `message ${messageId} has no text: its template did not render${why}; edit the text before releasing it`, current.holdReasons ?? []);
    }
    const reasons = await this.screen(current, text);
    if (reasons.length > 0) throw new ConflictError('still-blocked', `the content policy still holds this message: ${reasons.join('; ')}`, reasons);
    const released = await this.dataSource.transaction(async (manager) => {
      const message = await this.lockHeld(manager, principal, messageId);
      await this.messages.move(manager, message, 'released', `released by ${principal.userId}`, { holdReasons: [] });
      await this.messages.move(manager, message, 'queued');
      return message;
    });
    await this.scheduler.message(released.id);
    return this.view(released);
  }

  async discard(principal: Principal, messageId: string): Promise<HeldMessageView> {
    return this.dataSource.transaction(async (manager) => {
      const message = await this.lockHeld(manager, principal, messageId);
      await this.messages.move(manager, message, 'discarded', `discarded by ${principal.userId}`);
      return this.view(message);
    });
  }

  private async screen(message: MessageEntity, text: MessageText): Promise<string[]> {
    const caseId = message.caseId!;
    const session = message.sessionId ? await this.sessions.find(this.dataSource.manager, message.sessionId) : null;
    const otherIds = (session?.participantIds ?? []).filter((id) => id !== message.participantId);
    const routes = await this.routes.routes([message.participantId!, ...otherIds].map((participantId) => ({ caseId, participantId })));
    const route = routes.get(caseId, message.participantId!);
    if (!route.recipient) throw new ConflictError('unreachable', `the participant cannot be reached now: ${route.unreachableReason}`);
    return this.composer.screen(text, message.channel, route.recipient, routes.recipients(caseId, otherIds));
  }

  private async held(principal: Principal, messageId: string): Promise<MessageEntity> {
    const message = await this.messages.find(this.dataSource.manager, messageId);
    return this.visibleHeld(principal, messageId, message);
  }

  private async lockHeld(manager: Parameters<MessageRepository['lock']>[0], principal: Principal, messageId: string): Promise<MessageEntity> {
    return this.visibleHeld(principal, messageId, await this.messages.lock(manager, messageId));
  }

  private visibleHeld(principal: Principal, messageId: string, message: MessageEntity | null): MessageEntity {
    if (!message || message.organisationId !== principal.organisationId) throw new NotFoundError('message', messageId);
    if (message.status !== 'held') throw new ConflictError('not-held', `message ${messageId} is ${message.status}, not held`);
    return message;
  }

  private view(m: MessageEntity): HeldMessageView {
    const text = this.texts.open(m);
    return {
      id: m.id,
      caseId: m.caseId,
      sessionId: m.sessionId,
      participantId: m.participantId,
      channel: m.channel,
      purpose: m.purpose,
      templateId: m.templateId,
      status: m.status,
      reasons: m.holdReasons ?? [],
      subject: text.subject,
      body: text.body,
      createdAt: m.createdAt,
    };
  }
}

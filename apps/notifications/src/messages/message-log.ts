import { Controller, Get, Injectable } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { REVIEWERS } from '../access/roles';
import { NOTIFICATIONS_DB } from '../database';
import { MessageTexts } from '../delivery/message-text';
import { purposeOf } from '../delivery/channels';
import { ReminderRepository } from '../reminders/reminder.repository';
import { MessageRepository } from './message.repository';

/**
 * The message log of a case: to which participant, channel, template, status and times, the text;
 * never an address. A reminder quiet hours deferred has no message yet but is shown as `planned`,
 * with why and when it will go (`goesAt`), so the coordinator sees it is coming.
 */
@Injectable()
export class MessageLogService {
  constructor(
    @InjectDataSource(NOTIFICATIONS_DB) private readonly dataSource: DataSource,
    private readonly messages: MessageRepository,
    private readonly reminders: ReminderRepository,
    private readonly texts: MessageTexts,
  ) {}

  async ofCase(principal: Principal, caseId: string) {
    const messages = await this.messages.ofCase(this.dataSource.manager, principal.organisationId, caseId);
    const history = await this.messages.history(this.dataSource.manager, messages.map((m) => m.id));
    const deferred = await this.reminders.deferredOfCase(this.dataSource.manager, principal.organisationId, caseId);
    const sent = messages.map((m) => ({
      id: m.id,
      sessionId: m.sessionId,
      sessionVersion: m.sessionVersion,
      participantId: m.participantId,
      recipientId: m.recipientId,
      channel: m.channel,
      templateId: m.templateId,
      language: m.language,
      purpose: m.purpose,
      status: m.status,
      ...this.texts.open(m),
      createdAt: m.createdAt,
      sentAt: m.sentAt,
      goesAt: null,
      statuses: history.filter((h) => h.messageId === m.id).map(({ status, at, detail }) => ({ status, at, detail })),
    }));
    const planned = deferred.map((r) => ({
      id: r.id,
      sessionId: r.sessionId,
      sessionVersion: r.sessionVersion,
      participantId: r.participantId,
      recipientId: null,
      // Only an SMS is deferred by quiet hours.
      channel: 'sms' as const,
      templateId: null,
      language: null,
      purpose: purposeOf(r.kind),
      status: 'planned' as const,
      subject: null,
      body: null,
      createdAt: r.createdAt,
      sentAt: null,
      goesAt: r.dueAt,
      statuses: [{ status: 'planned' as const, at: r.updatedAt, detail: `deferred by quiet hours until ${new Date(r.dueAt).toISOString()}` }],
    }));
    return [...sent, ...planned].sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@Roles(...REVIEWERS)
@Controller('cases/:caseId/messages')
export class MessageLogController {
  constructor(private readonly log: MessageLogService) {}

  @Get()
  @ApiOperation({ summary: 'Every message of a case, oldest first, with its status history, and reminders deferred by quiet hours as planned with the time they go (empty for a case of another organisation)' })
  list(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string) {
    return this.log.ofCase(user, caseId);
  }
}

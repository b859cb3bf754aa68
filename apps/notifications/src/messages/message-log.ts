import { Controller, Get, Injectable } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentUser, type Principal, Roles } from '#auth';
import { UuidParam } from '#platform';
import { REVIEWERS } from '../access/roles';
import { NOTIFICATIONS_DB } from '../database';
import { MessageTexts } from '../delivery/message-text';
import { MessageRepository } from './message.repository';

/** The message log of a case: to which participant, channel, template, status and times, the text; never an address. */
@Injectable()
export class MessageLogService {
  constructor(
    @InjectDataSource(NOTIFICATIONS_DB) private readonly dataSource: DataSource,
    private readonly messages: MessageRepository,
    private readonly texts: MessageTexts,
  ) {}

  async ofCase(principal: Principal, caseId: string) {
    const messages = await this.messages.ofCase(this.dataSource.manager, principal.organisationId, caseId);
    const history = await this.messages.history(this.dataSource.manager, messages.map((m) => m.id));
    return messages.map((m) => ({
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
      statuses: history.filter((h) => h.messageId === m.id).map(({ status, at, detail }) => ({ status, at, detail })),
    }));
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@Roles(...REVIEWERS)
@Controller('cases/:caseId/messages')
export class MessageLogController {
  constructor(private readonly log: MessageLogService) {}

  @Get()
  @ApiOperation({ summary: 'Every message of a case, oldest first, with its status history (empty for a case of another organisation)' })
  list(@CurrentUser() user: Principal, @UuidParam('caseId') caseId: string) {
    return this.log.ofCase(user, caseId);
  }
}

import { Controller, Get, HttpCode, Injectable, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentUser, type Principal, Roles } from '#auth';
import { FieldCipher, InvalidInputError, NotFoundError, UuidParam } from '#platform';
import { REPLY_READERS } from '../access/roles';
import { NOTIFICATIONS_DB } from '../database';
import { AlertRepository } from './alert.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Open alerts of an organisation; a forwarded reply carries its text, read here and sent nowhere. */
@Injectable()
export class AlertsService {
  constructor(
    @InjectDataSource(NOTIFICATIONS_DB) private readonly dataSource: DataSource,
    private readonly alerts: AlertRepository,
    private readonly cipher: FieldCipher,
  ) {}

  async open(principal: Principal, caseId: string | null) {
    const alerts = await this.alerts.open(this.dataSource.manager, principal.organisationId, caseId);
    const replies: { id: string; body: string | null; received_at: Date }[] = await this.dataSource.query(
      `SELECT id, body, received_at FROM notifications.inbound WHERE id = ANY($1)`,
      [alerts.flatMap((a) => (a.inboundId ? [a.inboundId] : []))],
    );
    return alerts.map((a) => {
      const reply = replies.find((r) => r.id === a.inboundId);
      return { ...a, reply: reply ? { receivedAt: reply.received_at, text: reply.body ? this.cipher.decrypt(reply.body, `inbound:${reply.id}:body`) : null } : null };
    });
  }

  async acknowledge(principal: Principal, alertId: string): Promise<void> {
    const alert = await this.alerts.find(this.dataSource.manager, alertId);
    if (!alert || alert.organisationId !== principal.organisationId) throw new NotFoundError('alert', alertId);
    await this.alerts.acknowledge(this.dataSource.manager, alertId, principal.userId);
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@Roles(...REPLY_READERS)
@Controller('notifications/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ApiOperation({ summary: 'Open alerts: failed deliveries, unreachable participants, reschedule requests, replies for the facilitators' })
  @ApiQuery({ name: 'caseId', required: false })
  list(@CurrentUser() user: Principal, @Query('caseId') caseId?: string) {
    if (caseId !== undefined && !UUID.test(caseId)) throw InvalidInputError.field('caseId', 'isUuid', 'caseId must be a UUID');
    return this.alerts.open(user, caseId ?? null);
  }

  @Post(':alertId/acknowledge')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark an alert as seen' })
  acknowledge(@CurrentUser() user: Principal, @UuidParam('alertId') alertId: string): Promise<void> {
    return this.alerts.acknowledge(user, alertId);
  }
}

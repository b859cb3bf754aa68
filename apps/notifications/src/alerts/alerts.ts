import { Controller, Get, HttpCode, Injectable, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentUser, type Principal, Roles } from '#auth';
import { FieldCipher, ForbiddenError, InvalidInputError, NotFoundError, UuidParam } from '#platform';
import { ALERT_READERS, REPLY_READERS } from '../access/roles';
import { NOTIFICATIONS_DB } from '../database';
import { FacilitatorRepository } from '../facilitators/facilitator.repository';
import type { AlertEntity } from './alert.entity';
import { AlertRepository } from './alert.repository';
import { sightOf } from './reply-access';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Open alerts of an organisation. A forwarded reply carries its text, read here and sent
 * nowhere, by whom reply-access.ts says: the case's facilitators, or the coordinators where
 * notifications knows none of them by token (`readableBy`).
 */
@Injectable()
export class AlertsService {
  constructor(
    @InjectDataSource(NOTIFICATIONS_DB) private readonly dataSource: DataSource,
    private readonly alerts: AlertRepository,
    private readonly facilitators: FacilitatorRepository,
    private readonly cipher: FieldCipher,
  ) {}

  async open(principal: Principal, caseId: string | null) {
    const manager = this.dataSource.manager;
    // Open alerts are few (they get acknowledged): the organisation's are sifted by the one rule, not by a copy of it in SQL.
    const alerts = await this.alerts.open(manager, principal.organisationId, caseId);
    const readers = await this.facilitators.userIdsOfCases(manager, principal.organisationId, alerts.map((a) => a.caseId));
    const seen = alerts.map((alert) => ({ alert, sight: sightOf(principal, alert, readersOf(readers, alert)) })).filter(({ sight }) => sight.visible);
    const replies = await this.alerts.replies(manager, seen.flatMap(({ alert }) => (alert.inboundId ? [alert.inboundId] : [])));
    return seen.map(({ alert, sight }) => {
      const reply = alert.inboundId ? replies.get(alert.inboundId) : undefined;
      const text = reply?.body && sight.readsReply ? this.cipher.decrypt(reply.body, `inbound:${reply.id}:body`) : null;
      return { ...alert, readableBy: sight.readableBy, reply: reply ? { receivedAt: reply.receivedAt, text } : null };
    });
  }

  async acknowledge(principal: Principal, alertId: string): Promise<void> {
    const manager = this.dataSource.manager;
    const alert = await this.alerts.find(manager, alertId);
    const readers = alert ? await this.facilitators.userIdsOfCases(manager, principal.organisationId, [alert.caseId]) : new Map<string, string[]>();
    const sight = alert && sightOf(principal, alert, readersOf(readers, alert));
    if (!sight?.visible) throw new NotFoundError('alert', alertId);
    if (!sight.mayAcknowledge) throw new ForbiddenError("a reply for the case's facilitators is acknowledged by them, who read it");
    await this.alerts.acknowledge(manager, alertId, principal.userId);
  }
}

/** The token subjects of the alert's case's facilitators, none when it has no case or none is known. */
function readersOf(readers: Map<string, string[]>, alert: AlertEntity): string[] {
  return (alert.caseId && readers.get(alert.caseId)) || [];
}

@ApiTags('notifications')
@ApiBearerAuth()
@Roles(...ALERT_READERS, ...REPLY_READERS)
@Controller('notifications/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ApiOperation({
    summary:
      "Open alerts: failed deliveries, unreachable participants, reschedule requests (coordinators), replies for the facilitators (a case's facilitators, with the text; coordinators see that one arrived, and its text only when no facilitator of the case is known by token: readableBy)",
  })
  @ApiQuery({ name: 'caseId', required: false })
  list(@CurrentUser() user: Principal, @Query('caseId') caseId?: string) {
    if (caseId !== undefined && !UUID.test(caseId)) throw InvalidInputError.field('caseId', 'isUuid', 'caseId must be a UUID');
    return this.alerts.open(user, caseId ?? null);
  }

  @Post(':alertId/acknowledge')
  @HttpCode(204)
  @ApiOperation({ summary: "Mark an alert as seen; a reply only by whoever reads its text (403 for a coordinator when it is the facilitators')" })
  acknowledge(@CurrentUser() user: Principal, @UuidParam('alertId') alertId: string): Promise<void> {
    return this.alerts.acknowledge(user, alertId);
  }
}

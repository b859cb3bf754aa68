import { Body, Controller, Get, Inject, Injectable, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { SESSION_KINDS, type SessionKind } from '#contracts';
import { CurrentUser, type Principal, Roles } from '#auth';
import { InvalidInputError } from '#platform';
import { PLANNERS } from '../access/roles';
import { NOTIFICATIONS_DB } from '../database';
import { NotificationsConfig } from '../notifications.config';
import { parseOffsets } from './reminder-plan';
import { ReminderRepository } from './reminder.repository';

export class ReminderPlanDto {
  @ApiPropertyOptional({ enum: SESSION_KINDS, description: 'For every session of this kind (leave out, with participantId, for the organisation default)' })
  @IsOptional()
  @IsIn(SESSION_KINDS)
  sessionKind?: SessionKind;

  @ApiPropertyOptional({ description: 'For one participant, whatever the session' })
  @IsOptional()
  @IsUUID()
  participantId?: string;

  @ApiProperty({ description: 'Send a confirmation when a session is booked' })
  @IsBoolean()
  confirmation!: boolean;

  @ApiProperty({ type: [Number], description: 'Reminders, minutes before the start (at most 5, up to 14 days)' })
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(14 * 24 * 60, { each: true })
  offsetsMinutes!: number[];
}

/** Reminder plans of an organisation, for sessions planned from now on (the most specific wins). */
@Injectable()
export class ReminderPlansService {
  constructor(
    @InjectDataSource(NOTIFICATIONS_DB) private readonly dataSource: DataSource,
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
    private readonly reminders: ReminderRepository,
  ) {}

  async list(principal: Principal) {
    const rows = await this.reminders.settings(this.dataSource.manager, principal.organisationId, []);
    const all = await this.dataSource.query(
      `SELECT session_kind AS "sessionKind", participant_id AS "participantId", confirmation, offsets_minutes AS "offsetsMinutes"
       FROM notifications.reminder_plan WHERE organisation_id = $1 AND participant_id IS NOT NULL`,
      [principal.organisationId],
    );
    return { defaults: { confirmation: true, offsetsMinutes: parseOffsets(this.config.REMINDER_OFFSETS_MINUTES) }, plans: [...rows, ...all] };
  }

  async save(principal: Principal, dto: ReminderPlanDto): Promise<void> {
    if (dto.sessionKind && dto.participantId) {
      throw InvalidInputError.field('participantId', 'oneScope', 'a plan is for a session kind or for a participant, not both');
    }
    await this.reminders.saveSettings(this.dataSource.manager, {
      id: randomUUID(),
      organisationId: principal.organisationId,
      sessionKind: dto.sessionKind ?? null,
      participantId: dto.participantId ?? null,
      confirmation: dto.confirmation,
      offsetsMinutes: dto.offsetsMinutes,
      updatedBy: principal.userId,
    });
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@Roles(...PLANNERS)
@Controller('notifications/reminder-plans')
export class ReminderPlansController {
  constructor(private readonly plans: ReminderPlansService) {}

  @Get()
  @ApiOperation({ summary: 'The defaults and the organisation plans (by session kind, by participant)' })
  list(@CurrentUser() user: Principal) {
    return this.plans.list(user);
  }

  @Put()
  @ApiOperation({ summary: 'Set the plan for the organisation, a session kind or one participant' })
  save(@CurrentUser() user: Principal, @Body() dto: ReminderPlanDto): Promise<void> {
    return this.plans.save(user, dto);
  }
}

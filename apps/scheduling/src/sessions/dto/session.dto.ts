import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  ATTENDANCE_CONFIRMED_VIA,
  type AttendanceConfirmedVia,
  SESSION_KINDS,
  SESSION_OUTCOMES,
  type SessionKind,
  type SessionOutcome,
  VENUE_KINDS,
  type VenueKind,
} from '#contracts';
import { SESSION_STATUSES, type SessionStatus } from '../session.entity';

export class ListSessionsQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ enum: SESSION_STATUSES })
  @IsOptional()
  @IsIn(SESSION_STATUSES)
  status?: SessionStatus;

  @ApiPropertyOptional({ description: 'Only sessions a participant asked to move (true), or none asked (false), at their current version' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  rescheduleRequested?: boolean;
}

export class SuggestionsQuery {
  @ApiPropertyOptional({ description: 'How many options, 1 to 20 (default 5)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  k?: number;
}

export class ChainRuleView {
  @ApiProperty() session!: string;
  @ApiPropertyOptional() minGapMinutes?: number;
  @ApiPropertyOptional() maxGapMinutes?: number;
}

export class SessionChangeView {
  @ApiProperty() version!: number;
  @ApiProperty() action!: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status!: SessionStatus;
  @ApiPropertyOptional({ nullable: true }) startsAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) venueId!: string | null;
  @ApiProperty() actor!: string;
  @ApiProperty() at!: string;
}

export class SessionView {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: SESSION_KINDS }) kind!: SessionKind;
  @ApiProperty({ enum: SESSION_STATUSES }) status!: SessionStatus;
  @ApiProperty({ description: 'Goes up with each reschedule and cancellation' }) version!: number;
  @ApiProperty() durationMinutes!: number;
  @ApiPropertyOptional({ nullable: true }) delivery!: string | null;
  @ApiProperty({ type: [String] }) participantIds!: string[];
  @ApiProperty({ type: [String] }) facilitatorIds!: string[];
  @ApiPropertyOptional({ nullable: true }) notBefore!: string | null;
  @ApiProperty({ type: [ChainRuleView], description: 'Sessions of the case it must follow' }) after!: ChainRuleView[];
  @ApiPropertyOptional({ nullable: true }) startsAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) endsAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) venueId!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'A hold lapses then unless confirmed' }) holdExpiresAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) cancelReason!: string | null;
  @ApiProperty() requestedAt!: string;
}

export class AttendanceConfirmationView {
  @ApiProperty() participantId!: string;
  @ApiProperty({ enum: ATTENDANCE_CONFIRMED_VIA }) via!: AttendanceConfirmedVia;
  @ApiProperty() confirmedAt!: string;
}

export class RescheduleRequestView {
  @ApiProperty() participantId!: string;
  @ApiProperty() requestedAt!: string;
}

export class SessionOutcomeView {
  @ApiProperty({ enum: SESSION_OUTCOMES }) outcome!: SessionOutcome;
  @ApiProperty() recordedAt!: string;
}

/** A session with what has been said of it: confirmations and reschedule requests (current version), outcome. */
export class SessionRecordView extends SessionView {
  @ApiProperty({ type: [AttendanceConfirmationView], description: 'Attendance confirmed for the current version' })
  attendance!: AttendanceConfirmationView[];

  @ApiProperty({ type: [RescheduleRequestView], description: 'Participants who asked to move the current version; a reschedule answers them' })
  rescheduleRequests!: RescheduleRequestView[];

  @ApiPropertyOptional({ type: SessionOutcomeView, nullable: true }) outcome!: SessionOutcomeView | null;
}

export class SessionDetailView extends SessionRecordView {
  @ApiProperty({ type: [SessionChangeView] }) history!: SessionChangeView[];
}

export class NearMissView {
  @ApiProperty({ description: 'The one attendee who would have to move' }) personId!: string;
  @ApiProperty() role!: string;
  @ApiProperty() reason!: string;
}

export class SuggestionView {
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty() venueId!: string;
  @ApiProperty({ enum: VENUE_KINDS }) venueKind!: VenueKind;
  @ApiProperty() venueLabel!: string;
  @ApiPropertyOptional({ type: NearMissView, description: 'Absent for an option that suits everyone' }) nearMiss?: NearMissView;
}

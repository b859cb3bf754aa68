import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { SESSION_OUTCOMES, type SessionOutcome } from '#contracts';

export class ConfirmAttendanceDto {
  @ApiProperty({ description: 'The participant of the session whose attendance is confirmed' })
  @IsUUID()
  participantId!: string;
}

export class RecordOutcomeDto {
  @ApiProperty({ enum: SESSION_OUTCOMES })
  @IsIn(SESSION_OUTCOMES)
  outcome!: SessionOutcome;
}

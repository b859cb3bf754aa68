import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '#contracts';
import { HandlesEvent } from '#messaging';
import { AttendanceService } from './attendance.service';

/** Participants' replies to reminders, from the notifications service. */
@Injectable()
export class ReplyEventsHandler {
  constructor(private readonly attendance: AttendanceService) {}

  @HandlesEvent('reply.attendance-confirmed')
  onAttendanceConfirmed(event: DomainEvent<'reply.attendance-confirmed'>, manager: EntityManager): Promise<void> {
    return this.attendance.confirmedByReply(manager, event);
  }

  @HandlesEvent('reply.reschedule-requested')
  onRescheduleRequested(event: DomainEvent<'reply.reschedule-requested'>, manager: EntityManager): Promise<void> {
    return this.attendance.rescheduleRequested(manager, event);
  }
}

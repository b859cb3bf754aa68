import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '#auth';
import { InvalidInputError, NotFoundError } from '#platform';
import { SCHEDULING_DB } from '../database';
import type { PersonEntity } from '../people/person.entity';
import { PeopleRepository } from '../people/people.repository';
import { SchedulingConfig } from '../scheduling.config';
import { requireOrdered } from '../venues/weekly-windows';
import { AvailabilityRepository } from './availability.repository';
import { busyFromCalendar, CalendarError } from './calendar-import';
import type { AddExceptionDto, AvailabilityView, CalendarImportView, ExceptionView, ImportCalendarDto, SetWeeklyAvailabilityDto } from './dto/availability.dto';

/** Availability as coordinators enter it for the people of their organisation. */
@Injectable()
export class AvailabilityService {
  constructor(
    @InjectDataSource(SCHEDULING_DB) private readonly dataSource: DataSource,
    @Inject(SchedulingConfig) private readonly config: SchedulingConfig,
    private readonly people: PeopleRepository,
    private readonly availability: AvailabilityRepository,
  ) {}

  async setWeekly(principal: Principal, personId: string, dto: SetWeeklyAvailabilityDto): Promise<AvailabilityView> {
    requireOrdered('weekly', dto.weekly);
    await this.dataSource.transaction(async (manager) => {
      await this.person(manager, principal, personId);
      await this.availability.replaceWeekly(manager, personId, dto.weekly);
    });
    return this.get(principal, personId);
  }

  async addException(principal: Principal, personId: string, dto: AddExceptionDto): Promise<ExceptionView> {
    const span: [number, number] = [Date.parse(dto.start), Date.parse(dto.end)];
    if (span[1] <= span[0]) throw InvalidInputError.field('end', 'isAfterStart', 'end must be after start');
    const id = await this.dataSource.transaction(async (manager) => {
      await this.person(manager, principal, personId);
      return this.availability.addException(manager, personId, span, dto.available);
    });
    return { id, start: new Date(span[0]).toISOString(), end: new Date(span[1]).toISOString(), available: dto.available };
  }

  /** Busy time from the person's calendar file over the coming weeks, replacing the last import. */
  async importCalendar(principal: Principal, personId: string, dto: ImportCalendarDto): Promise<CalendarImportView> {
    const from = new Date();
    const to = new Date(from.getTime() + this.config.CALENDAR_IMPORT_DAYS * 86_400_000);
    return this.dataSource.transaction(async (manager) => {
      const person = await this.person(manager, principal, personId);
      let busy: [number, number][];
      try {
        busy = busyFromCalendar(dto.ics, person.timeZone, from.getTime(), to.getTime());
      } catch (error) {
        if (error instanceof CalendarError) throw InvalidInputError.field('ics', 'isCalendar', `ics: ${error.message}`);
        throw error;
      }
      await this.availability.replaceCalendarBusy(manager, personId, busy, from, to);
      return { busyPeriods: busy.length, from: from.toISOString(), to: to.toISOString() };
    });
  }

  async get(principal: Principal, personId: string): Promise<AvailabilityView> {
    const manager = this.dataSource.manager;
    const person = await this.person(manager, principal, personId);
    const [weekly, exceptions] = await Promise.all([
      this.availability.weekly(manager, [personId]),
      this.availability.exceptions(manager, [personId], new Date(0), new Date(8.64e15)),
    ]);
    return {
      personId,
      timeZone: person.timeZone,
      weekly: weekly.get(personId) ?? [],
      exceptions: (exceptions.get(personId) ?? []).map((e) => ({
        id: e.id,
        start: new Date(e.span[0]).toISOString(),
        end: new Date(e.span[1]).toISOString(),
        available: e.available,
      })),
    };
  }

  /** A person of the caller's organisation; anyone else is as unknown as an id that never was. */
  private async person(manager: EntityManager, principal: Principal, personId: string): Promise<PersonEntity> {
    const person = await this.people.findOne(manager, personId);
    if (!person || person.organisationId !== principal.organisationId) throw new NotFoundError('person', personId);
    return person;
  }
}

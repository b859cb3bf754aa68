import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { REPORTING_DB } from '../database';
import { EventLogRepository } from '../events/event-log.repository';
import { Projector } from '../projections/projector';

export interface ReplayResult {
  events: number;
  tookMs: number;
}

/**
 * Rebuilds the read model from the event log alone, in one transaction: readers see the old
 * figures until the new ones commit, and an event arriving meanwhile waits for the fact tables'
 * lock, then projects onto the rebuilt model.
 */
@Injectable()
export class ReplayService {
  constructor(
    @InjectDataSource(REPORTING_DB) private readonly dataSource: DataSource,
    private readonly log: EventLogRepository,
    private readonly projector: Projector,
  ) {}

  rebuild(): Promise<ReplayResult> {
    const started = performance.now();
    return this.dataSource.transaction(async (manager) => {
      await this.projector.rebuild(manager);
      return { events: await this.log.count(manager), tookMs: Math.round(performance.now() - started) };
    });
  }
}

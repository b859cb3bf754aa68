import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { NOTIFICATIONS_DB } from './database';

/**
 * Work that must follow a commit: a job queued inside a transaction can run before the rows it
 * reads are visible (and would run for rows a rollback removes). Queued here, it runs once the
 * transaction commits and is forgotten if it rolls back. Should the process die in between, the
 * rows are still planned and the reminder sweeper queues their jobs.
 */
@Injectable()
export class AfterCommit implements EntitySubscriberInterface, OnModuleInit {
  private readonly logger = new Logger('AfterCommit');
  private readonly pending = new WeakMap<QueryRunner, (() => Promise<void>)[]>();

  constructor(@InjectDataSource(NOTIFICATIONS_DB) private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  /** Runs `work` when the manager's transaction commits; at once outside a transaction. */
  async run(manager: EntityManager, work: () => Promise<void>): Promise<void> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) return work();
    this.pending.set(runner, [...(this.pending.get(runner) ?? []), work]);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    // A savepoint released: the outer transaction has yet to commit.
    if (event.queryRunner.isTransactionActive) return;
    const work = this.pending.get(event.queryRunner) ?? [];
    this.pending.delete(event.queryRunner);
    for (const w of work) {
      // The commit stands whatever happens here; what did not get queued, the sweeper queues.
      await w().catch((error: Error) => this.logger.warn(`work after commit failed, left to the reminder sweeper: ${error.message}`));
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }
}

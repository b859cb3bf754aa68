import { Module } from '@nestjs/common';
import { QueueInspector } from './queue-inspector';
import { QueuesController } from './queues.controller';

/** The operations endpoints over the event queues; imported once by each API root. */
@Module({ controllers: [QueuesController], providers: [QueueInspector] })
export class OpsModule {}

import { Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { PlatformConfig } from '../config/platform.config';
import { REDACTED_PATHS } from './redaction';

/** Probes, and Twilio's status callbacks (several for every SMS sent): a line each would be a line per message. */
const QUIET_ROUTES = ['/health/live', '/health/ready', '/metrics', '/webhooks/twilio/status'];

/** pino for every log line, request-scoped with a correlation id, personal data redacted. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [PlatformConfig],
      useFactory: (config: PlatformConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          genReqId: (req: IncomingMessage) => {
            const given = req.headers['x-request-id'];
            return typeof given === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID();
          },
          autoLogging: { ignore: (req: IncomingMessage) => QUIET_ROUTES.includes((req.url ?? '').split('?')[0]!) },
          // The URL may carry a signed poll token; the route path is what operations need.
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              path: req.url.split('?')[0],
            }),
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}

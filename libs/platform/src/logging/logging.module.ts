import { Module, RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { PlatformConfig } from '../config/platform.config';
import { REDACTED_PATHS } from './redaction';

/**
 * Probes, and Twilio's status callbacks (two or more for every SMS sent): kept out of request
 * logging altogether, as a line (and a request-scoped logger) each would cost as much as the
 * callback's own work.
 */
const QUIET_ROUTES = ['health/live', 'health/ready', 'metrics', 'webhooks/twilio/status'];

/** pino for every log line, request-scoped with a correlation id, personal data redacted. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [PlatformConfig],
      useFactory: (config: PlatformConfig) => ({
        exclude: QUIET_ROUTES.map((path) => ({ path, method: RequestMethod.ALL })),
        pinoHttp: {
          level: config.LOG_LEVEL,
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          genReqId: (req: IncomingMessage) => {
            const given = req.headers['x-request-id'];
            return typeof given === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID();
          },
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

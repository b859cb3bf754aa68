import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { DomainError } from './domain-errors';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
  correlationId?: string;
}

/**
 * One error shape for the whole API. Domain errors and Nest's HTTP exceptions pass through
 * with their status; anything else is a bug: a 500 with a correlation id, logged once, and
 * never a stack trace or a driver message in the response.
 */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception, request);
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request & { id?: string }): ErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: exception.status,
        error: exception.code,
        message: exception.message,
        ...(exception.details === undefined ? {} : { details: exception.details }),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const message = typeof raw === 'string' ? raw : String((raw as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, error: codeFor(status), message };
    }
    const correlationId = String(request.id ?? randomUUID());
    this.logger.error({ err: exception, correlationId, route: request.route?.path }, 'unhandled error');
    return { statusCode: 500, error: 'internal', message: 'Internal error', correlationId };
  }
}

function codeFor(status: number): string {
  const codes: Record<number, string> = {
    400: 'bad-request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not-found',
    405: 'method-not-allowed',
    409: 'conflict',
    413: 'payload-too-large',
    415: 'unsupported-media-type',
    429: 'too-many-requests',
  };
  return codes[status] ?? 'http-error';
}

import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { httpRequestDuration } from './metrics';

@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const stop = httpRequestDuration.startTimer({ method: req.method });
    res.on('finish', () => {
      // The route pattern, never the raw URL: ids would explode the label set.
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched';
      stop({ route, status: String(res.statusCode) });
    });
    next();
  }
}

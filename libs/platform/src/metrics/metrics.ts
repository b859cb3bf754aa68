import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * One Prometheus registry per process. Several Nest applications may be created in one process
 * (tests, the composed system), so metrics are made once here rather than per module instance.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'convene_' });

export const httpRequestDuration = new Histogram({
  name: 'convene_http_request_duration_seconds',
  help: 'HTTP request duration by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

export const eventsPublished = new Counter({
  name: 'convene_events_published_total',
  help: 'Domain events relayed from an outbox to subscriber queues',
  labelNames: ['source', 'type'] as const,
  registers: [metricsRegistry],
});

export const eventsHandled = new Counter({
  name: 'convene_events_handled_total',
  help: 'Domain events handled by a consumer, by outcome (handled, duplicate, failed)',
  labelNames: ['service', 'type', 'outcome'] as const,
  registers: [metricsRegistry],
});

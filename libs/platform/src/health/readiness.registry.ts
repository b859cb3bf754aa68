import { Injectable } from '@nestjs/common';

export type ReadinessProbe = () => Promise<unknown>;

/**
 * What a process must reach to take traffic. Each service's database and the Redis connection
 * register here, so one readiness endpoint serves a single service or the composed system.
 */
@Injectable()
export class ReadinessRegistry {
  private readonly probes = new Map<string, ReadinessProbe>();

  register(name: string, probe: ReadinessProbe): void {
    this.probes.set(name, probe);
  }

  entries(): [string, ReadinessProbe][] {
    return [...this.probes.entries()];
  }
}

import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Server } from 'node:http';
import { AuthConfig, AuthModule, type Principal, type Role, TokenService } from '#auth';
import { configureApi, type Environment, PlatformModule } from '#platform';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TEST_JWT_SECRET, testEnvironment } from './test-environment';

export interface TestApp {
  app: INestApplication;
  http: Server;
  env: Environment;
  database: TestDatabase;
  /** A bearer token for a made-up user with these roles in this organisation. */
  token(roles: Role | Role[], organisationId?: string, options?: { userId?: string; partnershipId?: string }): string;
  close(): Promise<void>;
}

const tokens = new TokenService(Object.assign(new AuthConfig(), { JWT_SECRET: TEST_JWT_SECRET }));

/**
 * A service's modules behind the real HTTP pipeline (auth, validation, errors), on a database
 * and queue prefix of this test file's own, against the real Postgres and Redis.
 */
export async function createTestApp(imports: (Type | DynamicModule)[], overrides: Environment = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const env = testEnvironment(database.url, overrides);
  const moduleRef = await Test.createTestingModule({ imports: [PlatformModule.forRoot({ env }), AuthModule, ...imports] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureApi(app, 'test');
  await app.init();
  let users = 0;
  return {
    app,
    http: app.getHttpServer() as Server,
    env,
    database,
    token(roles, organisationId = 'org-a', options = {}) {
      users += 1;
      const principal: Principal = {
        userId: options.userId ?? `user-${users}`,
        roles: Array.isArray(roles) ? roles : [roles],
        organisationId,
        partnershipId: options.partnershipId ?? null,
      };
      return tokens.issue(principal, 3600);
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

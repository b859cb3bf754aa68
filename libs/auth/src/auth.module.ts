import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ENVIRONMENT, Environment, loadConfig } from '#platform';
import { AuthConfig } from './auth.config';
import { AuthGuard } from './auth.guard';
import { TokenService } from './token.service';

/** Bearer-token authentication and role checks for every route of the process. */
@Global()
@Module({
  providers: [
    { provide: AuthConfig, inject: [ENVIRONMENT], useFactory: (env: Environment) => loadConfig(AuthConfig, env) },
    { provide: TokenService, inject: [AuthConfig], useFactory: (config: AuthConfig) => new TokenService(config) },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService],
})
export class AuthModule {}

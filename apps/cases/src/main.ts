import { Module } from '@nestjs/common';
import { AuthModule } from '#auth';
import { OpsModule } from '#messaging';
import { PlatformModule, runApi } from '#platform';
import { CasesModule } from './cases.module';

@Module({ imports: [PlatformModule.forRoot(), AuthModule, OpsModule, CasesModule] })
class CasesApiRoot {}

void runApi(CasesApiRoot, 'Convene cases API', { rpc: true });

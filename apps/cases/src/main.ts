import { Module } from '@nestjs/common';
import { AuthModule } from '#auth';
import { PlatformModule, runApi } from '#platform';
import { CasesModule } from './cases.module';

@Module({ imports: [PlatformModule.forRoot(), AuthModule, CasesModule] })
class CasesApiRoot {}

void runApi(CasesApiRoot, 'Convene cases API', { rpc: true });

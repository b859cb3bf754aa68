import { Module } from '@nestjs/common';
import { AuthModule } from '#auth';
import { OpsModule } from '#messaging';
import { PlatformModule, runApi } from '#platform';
import { ReportingModule } from './reporting.module';

@Module({ imports: [PlatformModule.forRoot(), AuthModule, OpsModule, ReportingModule] })
class ReportingApiRoot {}

void runApi(ReportingApiRoot, 'Convene reporting API');

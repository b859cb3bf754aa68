import { DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { ServiceName } from '#contracts';
import { PlatformConfig } from '../config/platform.config';
import { ReadinessRegistry } from '../health/readiness.registry';
import { migrateSchema } from './migrate';

export interface ServiceDatabaseOptions {
  service: ServiceName;
  // TypeORM's own option types: entity classes and migration classes.
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

/**
 * A service's own data source, named after it and bound to its own schema. Repositories inject
 * it with `@InjectDataSource(service)`, so a service cannot reach another's tables by accident,
 * and several services can be composed into one process.
 */
@Module({})
export class ServiceDatabaseModule {
  static forService(options: ServiceDatabaseOptions): DynamicModule {
    const { service } = options;
    return {
      module: ServiceDatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          name: service,
          inject: [PlatformConfig],
          useFactory: (config: PlatformConfig) => ({
            // The name here too: Nest closes the data source by the name in these options.
            name: service,
            type: 'postgres' as const,
            url: config.DATABASE_URL,
            schema: service,
            entities: options.entities,
            migrations: options.migrations,
            migrationsTableName: 'migrations',
            migrationsRun: config.MIGRATIONS_RUN,
            synchronize: false,
            logging: false,
            extra: { max: 10, application_name: `convene-${service}` },
          }),
          dataSourceFactory: async (dataSourceOptions) => {
            if (!dataSourceOptions) throw new Error(`no data source options for ${service}`);
            // Migrations run here, under a lock, before any provider can use the data source.
            const dataSource = new DataSource({ ...dataSourceOptions, migrationsRun: false } as DataSourceOptions);
            await dataSource.initialize();
            if (dataSourceOptions.migrationsRun) await migrateSchema(dataSource, service);
            return dataSource;
          },
        }),
      ],
      providers: [
        {
          provide: `readiness:db:${service}`,
          inject: [getDataSourceToken(service), ReadinessRegistry],
          useFactory: (dataSource: DataSource, registry: ReadinessRegistry) =>
            registry.register(`database:${service}`, () => dataSource.query('SELECT 1')),
        },
      ],
      exports: [TypeOrmModule],
    };
  }
}

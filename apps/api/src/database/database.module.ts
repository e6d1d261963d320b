import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { type ConnectionTarget, dataSourceOptions } from './data-source';

/** The app's connection pool, working as the app role (RLS applies to every query). */
@Module({})
export class DatabaseModule {
  static forRoot(target: ConnectionTarget): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        // Each feature module registers its own entities (TypeOrmModule.forFeature): this folder knows none.
        TypeOrmModule.forRoot({
          ...dataSourceOptions(target),
          autoLoadEntities: true,
          retryAttempts: 3,
          retryDelay: 1000,
        }),
      ],
    };
  }
}

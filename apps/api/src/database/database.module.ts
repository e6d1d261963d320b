import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { type ConnectionTarget, dataSourceOptions } from './data-source';

/** Where the app connects and as whom: for the few parts that keep a pool of their own (the job queue). */
export const CONNECTION_TARGET = Symbol('CONNECTION_TARGET');

/** The app's connection pool, working as the app role (RLS applies to every query). */
@Module({})
export class DatabaseModule {
  static forRoot(target: ConnectionTarget): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [{ provide: CONNECTION_TARGET, useValue: target }],
      exports: [CONNECTION_TARGET],
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

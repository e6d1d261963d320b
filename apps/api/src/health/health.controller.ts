import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthResponse } from '@rapport/domain';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../access/access.decorators';
import { pendingMigrations } from '../database/migrator';
import { APP_VERSION } from '../version';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 200 when the database answers and the schema is current; 503 otherwise, for load balancers. */
  @Public()
  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    let database: HealthResponse['database'] = 'up';
    let pending: string[] = [];
    try {
      pending = await pendingMigrations(this.dataSource);
    } catch {
      database = 'down';
    }
    const isHealthy = database === 'up' && pending.length === 0;
    void reply.status(isHealthy ? 200 : 503);
    return {
      status: isHealthy ? 'ok' : 'degraded',
      database,
      migrations: { current: database === 'up' && pending.length === 0, pending },
      version: APP_VERSION,
    };
  }
}

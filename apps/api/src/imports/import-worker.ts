import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ImportRunner, LEASE_SECONDS } from './import-runner';
import { queryRow } from '../database/query-rows';

/**
 * Picks queued imports (and ones whose worker died: their lease ran out) and runs them, one at a time per
 * process. Any number of replicas may run this: the claim is atomic and skips locked rows.
 */
@Injectable()
export class ImportWorker implements OnApplicationShutdown {
  private readonly logger = new Logger(ImportWorker.name);
  private running: Promise<void> | null = null;
  private isStopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: ImportRunner,
  ) {}

  /** Starts work now instead of at the next tick (after an import is queued). */
  wake(): void {
    this.tick();
  }

  @Interval(2000)
  tick(): void {
    if (this.running || this.isStopping) return;
    this.running = this.drain()
      .catch((error: unknown) => this.logger.error({ err: error }, 'Import worker failed'))
      .finally(() => {
        this.running = null;
      });
  }

  async onApplicationShutdown(): Promise<void> {
    this.isStopping = true;
    await this.running;
  }

  private async drain(): Promise<void> {
    while (!this.isStopping) {
      const claimed = await queryRow<{ tenant_id: string; import_id: string }>(
        this.dataSource.manager,
        `SELECT tenant_id, import_id FROM claim_next_import(make_interval(secs => $1))`,
        [LEASE_SECONDS],
      );
      if (!claimed) return;
      await this.runner.run(claimed.tenant_id, claimed.import_id);
    }
  }
}

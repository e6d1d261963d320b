import type { Logger } from '@nestjs/common';

/**
 * One periodic job of this process: a tick that finds the previous one still running does nothing (the
 * next tick catches up with what is due), and a failure is logged rather than thrown into the timer.
 */
export class PeriodicWork {
  private isRunning = false;

  constructor(
    private readonly logger: Pick<Logger, 'error'>,
    private readonly failure: string,
  ) {}

  async run(work: () => Promise<unknown>): Promise<void> {
    if (this.isRunning) return;
    this.isRunning = true;
    try {
      await work();
    } catch (error) {
      this.logger.error({ err: error }, this.failure);
    } finally {
      this.isRunning = false;
    }
  }
}

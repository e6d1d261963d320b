import { Injectable } from '@nestjs/common';

/**
 * Businesses whose history is being written at the time it happened (the demo business's ten weeks): the
 * planner's and the dispatcher's ticks leave them alone meanwhile, so no follow-up of that history is
 * planned or sent at today's time. Held in this process, which is the one that writes the history.
 */
@Injectable()
export class ReplayingBusinesses {
  private readonly held = new Set<string>();

  hold(tenantId: string): void {
    this.held.add(tenantId);
  }

  release(tenantId: string): void {
    this.held.delete(tenantId);
  }

  isHeld(tenantId: string): boolean {
    return this.held.has(tenantId);
  }
}

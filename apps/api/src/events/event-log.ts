import { Injectable } from '@nestjs/common';
import type { BusinessEventType } from '@rapport/domain';
import { JobQueue } from '../jobs/job-queue';
import { type TenantManager, tenantIdOf } from '../tenancy/tenant-database';
import { BusinessEventsRepository } from './business-events.repository';

/** The job that tells a business's endpoints of one event. */
export interface FanoutJob {
  tenantId: string;
  eventId: string;
  /** Only this endpoint (a test event); else every endpoint that asked for the type. */
  endpointId?: string;
}

/**
 * Records what happened in a business, in the transaction of the change itself, with the job that tells
 * its endpoints: committed together, so no event is lost and none is told of a change that was undone.
 */
@Injectable()
export class EventLog {
  constructor(
    private readonly events: BusinessEventsRepository,
    private readonly jobs: JobQueue,
  ) {}

  async record(
    manager: TenantManager,
    type: BusinessEventType,
    data: Record<string, unknown>,
    occurredAt: Date = new Date(),
    endpointId?: string,
  ): Promise<string> {
    const eventId = await this.events.insert(manager, { type, data, occurredAt });
    const job: FanoutJob = { tenantId: tenantIdOf(manager), eventId, ...(endpointId ? { endpointId } : {}) };
    await this.jobs.sendWithin(manager, 'event-fanout', job);
    return eventId;
  }
}

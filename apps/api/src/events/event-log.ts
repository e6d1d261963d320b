import { Injectable } from '@nestjs/common';
import { type BusinessEventType, isNotificationKind } from '@rapport/domain';
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

/** The job that works out which members hear of one event, and how. */
export interface MemberNoticesJob {
  tenantId: string;
  eventId: string;
}

/**
 * Records what happened in a business, in the transaction of the change itself, with the job that tells
 * its endpoints (and, for what people hear of, the job that tells the members): committed together, so no
 * event is lost and none is told of a change that was undone.
 */
@Injectable()
export class EventLog {
  constructor(
    private readonly events: BusinessEventsRepository,
    private readonly jobs: JobQueue,
  ) {}

  /** Whether an endpoint of the business listens for this type: else an event nobody hears need not be made. */
  isHeard(manager: TenantManager, type: BusinessEventType): Promise<boolean> {
    return this.events.isHeard(manager, type);
  }

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
    if (isNotificationKind(type) && !endpointId)
      await this.jobs.sendWithin<MemberNoticesJob>(manager, 'member-notices', {
        tenantId: job.tenantId,
        eventId,
      });
    return eventId;
  }
}

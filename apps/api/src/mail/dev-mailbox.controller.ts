import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DevMailboxMessageResponse } from '@rapport/domain';
import { CurrentViewer, LocalOrSignedIn, type Viewer } from '../access/access.decorators';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { NotFoundError } from '../errors/app-error';
import { ParseId } from '../errors/parse-id.pipe';
import { DevMailboxRepository, type DevMailboxRow } from './dev-mailbox.repository';

/**
 * The development mail catcher: the emails the dev transport kept, newest first, optionally for one
 * recipient. Open only where DEV_MAILBOX allows (by default only on a loopback PUBLIC_URL outside
 * production); elsewhere 404. This machine sees every email; a signed-in person sees the emails addressed
 * to them and, with a role that reads the business's automations, the emails of their active business.
 */
@ApiTags('dev mailbox')
@Controller('dev/mailbox')
export class DevMailboxController {
  constructor(
    private readonly mailbox: DevMailboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @LocalOrSignedIn()
  @Get()
  async list(
    @CurrentViewer() viewer: Viewer,
    @Query('to') to?: string,
  ): Promise<DevMailboxMessageResponse[]> {
    assertDevMailboxOpen(this.config);
    return (await this.mailbox.list(viewer, typeof to === 'string' ? to : undefined)).map(toResponse);
  }

  @LocalOrSignedIn()
  @Get(':id')
  async get(
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseId()) id: string,
  ): Promise<DevMailboxMessageResponse> {
    assertDevMailboxOpen(this.config);
    const row = await this.mailbox.find(viewer, id);
    if (!row) throw new NotFoundError('Email');
    return toResponse(row);
  }
}

/** The development mailbox's routes answer 404 where DEV_MAILBOX does not open it. */
export function assertDevMailboxOpen(config: AppConfig): void {
  if (!config.mail.isDevMailboxOpen) throw new NotFoundError('Route');
}

function toResponse(row: DevMailboxRow): DevMailboxMessageResponse {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    from: row.from,
    to: row.to,
    replyTo: row.replyTo,
    subject: row.subject,
    html: row.html,
    text: row.text,
    category: row.category,
  };
}

import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DevMailboxReplyResponse } from '@rapport/domain';
import { CurrentViewer, LocalOrSignedIn, type Viewer } from '../access/access.decorators';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { NotFoundError, ValidationFailedError } from '../errors/app-error';
import { ParseId } from '../errors/parse-id.pipe';
import { assertDevMailboxOpen } from '../mail/dev-mailbox.controller';
import { DevMailboxRepository } from '../mail/dev-mailbox.repository';
import { DevMailboxReplyDto } from './dto/dev-reply.dto';
import { inboundParsePost } from './inbound-parse-post';
import { parseReplyAddress } from './reply-address';
import { RepliesService } from './replies.service';

/**
 * "Reply as the recipient" in the development mailbox: answering a follow-up without a mail provider.
 * The reply is posted as Inbound Parse would post it and stored by the same service, so it lands on the
 * buyer's answer or case exactly as a real reply would. Who may reply is who may read the email.
 */
@ApiTags('dev mailbox')
@Controller('dev/mailbox')
export class DevReplyController {
  constructor(
    private readonly mailbox: DevMailboxRepository,
    private readonly replies: RepliesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @LocalOrSignedIn()
  @Post(':id/reply')
  @HttpCode(200)
  async reply(
    @CurrentViewer() viewer: Viewer,
    @Param('id', ParseId()) id: string,
    @Body() body: DevMailboxReplyDto,
  ): Promise<DevMailboxReplyResponse> {
    assertDevMailboxOpen(this.config);
    const email = await this.mailbox.find(viewer, id);
    if (!email) throw new NotFoundError('Email');
    if (!email.replyTo || !parseReplyAddress(email.replyTo)) {
      throw new ValidationFailedError([
        {
          field: 'id',
          reason: 'is an email without a reply address: only follow-ups and case replies take replies',
        },
      ]);
    }
    const inbound = await inboundParsePost({
      from: email.to,
      to: email.replyTo,
      subject: email.subject,
      original: { sentAt: email.createdAt, from: email.from, text: email.text },
      text: body.text,
    });
    return { stored: await this.replies.store(inbound, new Date()) };
  }
}

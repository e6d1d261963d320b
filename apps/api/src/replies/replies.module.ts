import { Module } from '@nestjs/common';
import { DevReplyController } from './dev-reply.controller';
import { InboundParseController } from './inbound-parse.controller';
import { RepliesController } from './replies.controller';
import { RepliesService } from './replies.service';

/** Buyers' email replies: received through Inbound Parse, stored on their answer or case, listed when unmatched. */
@Module({
  controllers: [InboundParseController, RepliesController, DevReplyController],
  providers: [RepliesService],
})
export class RepliesModule {}

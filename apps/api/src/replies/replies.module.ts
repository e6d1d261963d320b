import { Module } from '@nestjs/common';
import { DevReplyController } from './dev-reply.controller';
import { InboundParseController } from './inbound-parse.controller';
import { RepliesController } from './replies.controller';
import { RepliesService } from './replies.service';
import { CaseRecordsModule } from '../cases/case-records.module';
import { RepliesRepository } from './replies.repository';

/** Buyers' email replies: received through Inbound Parse, stored on their answer or case, listed when unmatched. */
@Module({
  imports: [CaseRecordsModule],
  controllers: [InboundParseController, RepliesController, DevReplyController],
  providers: [RepliesService, RepliesRepository],
})
export class RepliesModule {}

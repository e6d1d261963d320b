import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { OrdersModule } from '../orders/orders.module';
import { CustomerBatchWriter } from './customer-batch-writer';
import { ImportRunner } from './import-runner';
import { ImportWorker } from './import-worker';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';
import { InteractionBatchWriter } from './interaction-batch-writer';

@Module({
  imports: [AccountsModule, InteractionsModule, OrdersModule],
  controllers: [ImportsController],
  providers: [
    ImportsRepository,
    ImportsService,
    ImportRunner,
    ImportWorker,
    CustomerBatchWriter,
    InteractionBatchWriter,
  ],
})
export class ImportsModule {}

import { Module } from '@nestjs/common';
import { CustomersController } from './customers.controller';
import { CustomersRepository } from './customers.repository';
import { CustomerTimelineRepository } from './customer-timeline.repository';
import { CustomersService } from './customers.service';

@Module({
  controllers: [CustomersController],
  providers: [CustomersRepository, CustomerTimelineRepository, CustomersService],
  exports: [CustomersRepository, CustomerTimelineRepository, CustomersService],
})
export class CustomersModule {}

import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { FollowUpsModule } from '../followups/followups.module';
import { OrdersModule } from '../orders/orders.module';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [AccountsModule, OrdersModule, FollowUpsModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class SeedModule {}

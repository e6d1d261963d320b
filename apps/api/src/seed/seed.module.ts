import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { OrdersModule } from '../orders/orders.module';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [AccountsModule, OrdersModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class SeedModule {}

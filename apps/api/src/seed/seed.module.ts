import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthModule } from '../auth/auth.module';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [AccountsModule, AuthModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class SeedModule {}

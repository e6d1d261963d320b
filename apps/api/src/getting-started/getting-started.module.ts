import { Module } from '@nestjs/common';
import { GettingStartedController } from './getting-started.controller';
import { GettingStartedRepository } from './getting-started.repository';

/** The checklist a new business works through; it reads the other features' rows and writes none. */
@Module({ controllers: [GettingStartedController], providers: [GettingStartedRepository] })
export class GettingStartedModule {}

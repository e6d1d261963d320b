import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue';

/** The job queue, for every feature that hands work to it. */
@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}

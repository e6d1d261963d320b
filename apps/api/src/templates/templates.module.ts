import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EmailTemplatesService } from './email-templates.service';
import { TemplateCompiler } from './template-compiler';
import { TemplatesController } from './templates.controller';

/** Email templates: the built-in ones in four languages, a business's own, their checks and rendering. */
@Module({
  imports: [AuditModule],
  controllers: [TemplatesController],
  providers: [TemplateCompiler, EmailTemplatesService],
  exports: [EmailTemplatesService],
})
export class TemplatesModule {}

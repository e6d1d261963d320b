import { Module } from '@nestjs/common';
import { TemplatesModule } from '../templates/templates.module';
import { SurveyPreviewer } from './survey-previewer';
import { SurveysController } from './surveys.controller';
import { SurveysRepository } from './surveys.repository';

/** Surveys and their versions, and the preview of how a buyer meets one. */
@Module({
  imports: [TemplatesModule],
  controllers: [SurveysController],
  providers: [SurveysRepository, SurveyPreviewer],
  exports: [SurveysRepository],
})
export class SurveysModule {}

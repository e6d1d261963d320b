import { Inject, Injectable } from '@nestjs/common';
import {
  type BuyerLocale,
  type SurveyDefinition,
  type SurveyPreviewResponse,
  templateLocale,
} from '@rapport/domain';
import { renderAnswerPage } from '../answers/answer-page';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { TenantManager } from '../tenancy/tenant-database';
import { EmailTemplatesService } from '../templates/email-templates.service';
import { businessOf } from '../templates/preview-context';
import { surveyQuestionContext } from '../templates/survey-question';
import { templateContext } from '../templates/template-context';

const SAMPLE_PRODUCTS = ['Sourdough loaf', 'Rye bread'];

/**
 * A survey as a buyer would meet it before it is saved: the business's opinion-request email with the
 * survey's first question inline, and the answer page. Links point at a token that answers nothing.
 */
@Injectable()
export class SurveyPreviewer {
  constructor(
    private readonly templates: EmailTemplatesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async preview(
    manager: TenantManager,
    definition: SurveyDefinition,
    locale: BuyerLocale | null,
  ): Promise<SurveyPreviewResponse> {
    const business = await businessOf(manager);
    const language = templateLocale(locale, business.locale);
    const answerUrl = `${this.config.publicUrl}/api/a/preview`;
    const context = templateContext({
      business,
      customerName: 'Alex Sample',
      order: { number: '#1001', total: '42.50', currency: 'EUR', products: SAMPLE_PRODUCTS },
      locale: language,
      unsubscribeUrl: `${this.config.publicUrl}/api/u/preview`,
      surveyUrl: answerUrl,
      surveyQuestion: surveyQuestionContext(definition, language, business.name, answerUrl),
    });
    const email = await this.templates.render(manager, 'opinion-request', language, context, new Map());
    const pageHtml = renderAnswerPage({
      brand: { name: business.name, logoUrl: business.logo_url, color: business.brand_color },
      locale: language,
      definition,
      products: SAMPLE_PRODUCTS,
      answers: {},
      problems: [],
      missing: [],
      isSaved: false,
      action: answerUrl,
      reviews: [],
    });
    return { emailHtml: email.html, pageHtml };
  }
}

import { inject, Injectable } from '@angular/core';
import type {
  BuyerLocale,
  SaveSurveyRequest,
  SurveyDefinition,
  SurveyPreviewResponse,
  SurveyResponse,
} from '@rapport/domain';
import { ApiClient } from '../http/api-client';

@Injectable({ providedIn: 'root' })
export class SurveysApi {
  private readonly api = inject(ApiClient);

  list(): Promise<SurveyResponse[]> {
    return this.api.get<SurveyResponse[]>('/api/surveys');
  }

  get(id: string): Promise<SurveyResponse> {
    return this.api.get<SurveyResponse>(`/api/surveys/${id}`);
  }

  create(survey: SaveSurveyRequest): Promise<SurveyResponse> {
    return this.api.post<SurveyResponse>('/api/surveys', survey);
  }

  save(id: string, survey: SaveSurveyRequest): Promise<SurveyResponse> {
    return this.api.put<SurveyResponse>(`/api/surveys/${id}`, survey);
  }

  preview(definition: SurveyDefinition, locale: BuyerLocale): Promise<SurveyPreviewResponse> {
    return this.api.post<SurveyPreviewResponse>('/api/surveys/preview', { definition, locale });
  }
}

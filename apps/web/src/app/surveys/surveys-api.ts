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
  private readonly http = inject(ApiClient);

  list(): Promise<SurveyResponse[]> {
    return this.http.get<SurveyResponse[]>('/api/surveys');
  }

  get(id: string): Promise<SurveyResponse> {
    return this.http.get<SurveyResponse>(`/api/surveys/${id}`);
  }

  create(survey: SaveSurveyRequest): Promise<SurveyResponse> {
    return this.http.post<SurveyResponse>('/api/surveys', survey);
  }

  save(id: string, survey: SaveSurveyRequest): Promise<SurveyResponse> {
    return this.http.put<SurveyResponse>(`/api/surveys/${id}`, survey);
  }

  preview(definition: SurveyDefinition, locale: BuyerLocale): Promise<SurveyPreviewResponse> {
    return this.http.post<SurveyPreviewResponse>('/api/surveys/preview', { definition, locale });
  }
}

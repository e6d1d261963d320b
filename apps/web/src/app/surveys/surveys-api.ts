import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  BuyerLocale,
  SaveSurveyRequest,
  SurveyDefinition,
  SurveyPreviewResponse,
  SurveyResponse,
} from '@rapport/domain';
import { firstValueFrom } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class SurveysApi {
  private readonly http = inject(HttpClient);

  list(): Promise<SurveyResponse[]> {
    return firstValueFrom(this.http.get<SurveyResponse[]>('/api/surveys'));
  }

  get(id: string): Promise<SurveyResponse> {
    return firstValueFrom(this.http.get<SurveyResponse>(`/api/surveys/${id}`));
  }

  create(survey: SaveSurveyRequest): Promise<SurveyResponse> {
    return firstValueFrom(this.http.post<SurveyResponse>('/api/surveys', survey));
  }

  save(id: string, survey: SaveSurveyRequest): Promise<SurveyResponse> {
    return firstValueFrom(this.http.put<SurveyResponse>(`/api/surveys/${id}`, survey));
  }

  preview(definition: SurveyDefinition, locale: BuyerLocale): Promise<SurveyPreviewResponse> {
    return firstValueFrom(
      this.http.post<SurveyPreviewResponse>('/api/surveys/preview', { definition, locale }),
    );
  }
}

import { inject, Injectable } from '@angular/core';
import type {
  AnswerDetailResponse,
  AnswerListQuery,
  AnswerResponse,
  Page,
  ProductRatingResponse,
  UnmatchedReplyResponse,
} from '@rapport/domain';
import { toParams } from '../http/to-params';
import { ApiClient } from '../http/api-client';

@Injectable({ providedIn: 'root' })
export class AnswersApi {
  private readonly api = inject(ApiClient);

  list(query: AnswerListQuery): Promise<Page<AnswerResponse>> {
    return this.api.get<Page<AnswerResponse>>('/api/answers', query);
  }

  get(id: string): Promise<AnswerDetailResponse> {
    return this.api.get<AnswerDetailResponse>(`/api/answers/${id}`);
  }

  products(): Promise<ProductRatingResponse[]> {
    return this.api.get<ProductRatingResponse[]>('/api/answers/products');
  }

  unmatchedReplies(): Promise<UnmatchedReplyResponse[]> {
    return this.api.get<UnmatchedReplyResponse[]>('/api/replies/unmatched');
  }

  /** The export link for the same filters (a plain download, the session cookie goes with it). */
  exportUrl(query: AnswerListQuery): string {
    const params = toParams({ ...query, cursor: undefined, limit: undefined }).toString();
    return `/api/answers/export.csv${params ? `?${params}` : ''}`;
  }
}

import { inject, Injectable } from '@angular/core';
import type {
  CaseAssigneeResponse,
  CaseDetailResponse,
  CaseListQuery,
  CaseResponse,
  Page,
  UpdateCaseRequest,
} from '@rapport/domain';
import { ApiClient } from '../http/api-client';

@Injectable({ providedIn: 'root' })
export class CasesApi {
  private readonly http = inject(ApiClient);

  list(query: CaseListQuery): Promise<Page<CaseResponse>> {
    return this.http.get<Page<CaseResponse>>('/api/cases', query);
  }

  get(id: string): Promise<CaseDetailResponse> {
    return this.http.get<CaseDetailResponse>(`/api/cases/${id}`);
  }

  update(id: string, changes: UpdateCaseRequest): Promise<CaseDetailResponse> {
    return this.http.patch<CaseDetailResponse>(`/api/cases/${id}`, changes);
  }

  addNote(id: string, body: string): Promise<CaseDetailResponse> {
    return this.http.post<CaseDetailResponse>(`/api/cases/${id}/notes`, { body });
  }

  assignees(): Promise<CaseAssigneeResponse[]> {
    return this.http.get<CaseAssigneeResponse[]>('/api/cases/assignees');
  }

  takeCases(takesCases: boolean): Promise<CaseAssigneeResponse[]> {
    return this.http.put<CaseAssigneeResponse[]>('/api/cases/assignees/me', { takesCases });
  }

  reply(id: string, body: string): Promise<CaseDetailResponse> {
    return this.http.post<CaseDetailResponse>(`/api/cases/${id}/replies`, { body });
  }
}

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
  private readonly api = inject(ApiClient);

  list(query: CaseListQuery): Promise<Page<CaseResponse>> {
    return this.api.get<Page<CaseResponse>>('/api/cases', query);
  }

  get(id: string): Promise<CaseDetailResponse> {
    return this.api.get<CaseDetailResponse>(`/api/cases/${id}`);
  }

  update(id: string, changes: UpdateCaseRequest): Promise<CaseDetailResponse> {
    return this.api.patch<CaseDetailResponse>(`/api/cases/${id}`, changes);
  }

  addNote(id: string, body: string): Promise<CaseDetailResponse> {
    return this.api.post<CaseDetailResponse>(`/api/cases/${id}/notes`, { body });
  }

  assignees(): Promise<CaseAssigneeResponse[]> {
    return this.api.get<CaseAssigneeResponse[]>('/api/cases/assignees');
  }

  takeCases(takesCases: boolean): Promise<CaseAssigneeResponse[]> {
    return this.api.put<CaseAssigneeResponse[]>('/api/cases/assignees/me', { takesCases });
  }

  reply(id: string, body: string): Promise<CaseDetailResponse> {
    return this.api.post<CaseDetailResponse>(`/api/cases/${id}/replies`, { body });
  }
}

import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CaseAssigneeResponse,
  CaseDetailResponse,
  CaseListQuery,
  CaseResponse,
  Page,
  UpdateCaseRequest,
} from '@rapport/domain';
import { firstValueFrom } from 'rxjs';
import { toParams } from '../http/to-params';

@Injectable({ providedIn: 'root' })
export class CasesApi {
  private readonly http = inject(HttpClient);

  list(query: CaseListQuery): Promise<Page<CaseResponse>> {
    return firstValueFrom(this.http.get<Page<CaseResponse>>('/api/cases', { params: toParams(query) }));
  }

  get(id: string): Promise<CaseDetailResponse> {
    return firstValueFrom(this.http.get<CaseDetailResponse>(`/api/cases/${id}`));
  }

  update(id: string, changes: UpdateCaseRequest): Promise<CaseDetailResponse> {
    return firstValueFrom(this.http.patch<CaseDetailResponse>(`/api/cases/${id}`, changes));
  }

  addNote(id: string, body: string): Promise<CaseDetailResponse> {
    return firstValueFrom(this.http.post<CaseDetailResponse>(`/api/cases/${id}/notes`, { body }));
  }

  assignees(): Promise<CaseAssigneeResponse[]> {
    return firstValueFrom(this.http.get<CaseAssigneeResponse[]>('/api/cases/assignees'));
  }

  takeCases(takesCases: boolean): Promise<CaseAssigneeResponse[]> {
    return firstValueFrom(this.http.put<CaseAssigneeResponse[]>('/api/cases/assignees/me', { takesCases }));
  }

  reply(id: string, body: string): Promise<CaseDetailResponse> {
    return firstValueFrom(this.http.post<CaseDetailResponse>(`/api/cases/${id}/replies`, { body }));
  }
}

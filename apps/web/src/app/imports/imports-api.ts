import { inject, Injectable } from '@angular/core';
import type {
  ImportKind,
  ImportProblemResponse,
  ImportResponse,
  Page,
  StartImportRequest,
} from '@rapport/domain';
import { ApiClient } from '../http/api-client';

@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly api = inject(ApiClient);

  /** Sends the file as the raw body: the server stores it as it streams in. */
  upload(kind: ImportKind, file: File): Promise<ImportResponse> {
    return this.api.postFile<ImportResponse>(`/api/imports/${kind}`, file, 'text/csv', {
      fileName: file.name,
    });
  }

  get(id: string): Promise<ImportResponse> {
    return this.api.get<ImportResponse>(`/api/imports/${id}`);
  }

  list(): Promise<ImportResponse[]> {
    return this.api.get<ImportResponse[]>('/api/imports');
  }

  /** Refused rows in line order; `cursor` is the previous page's `nextCursor`. */
  problems(id: string, cursor: string | null, limit: number): Promise<Page<ImportProblemResponse>> {
    return this.api.get<Page<ImportProblemResponse>>(`/api/imports/${id}/problems`, { limit, cursor });
  }

  start(id: string, request: StartImportRequest): Promise<ImportResponse> {
    return this.api.post<ImportResponse>(`/api/imports/${id}/start`, request);
  }
}

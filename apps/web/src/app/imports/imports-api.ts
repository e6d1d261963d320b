import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ImportKind,
  ImportProblemResponse,
  ImportResponse,
  Page,
  StartImportRequest,
} from '@rapport/domain';
import { firstValueFrom } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  /** Sends the file as the raw body: the server stores it as it streams in. */
  upload(kind: ImportKind, file: File): Promise<ImportResponse> {
    return firstValueFrom(
      this.http.post<ImportResponse>(`/api/imports/${kind}`, file, {
        params: { fileName: file.name },
        headers: { 'content-type': 'text/csv' },
      }),
    );
  }

  get(id: string): Promise<ImportResponse> {
    return firstValueFrom(this.http.get<ImportResponse>(`/api/imports/${id}`));
  }

  list(): Promise<ImportResponse[]> {
    return firstValueFrom(this.http.get<ImportResponse[]>('/api/imports'));
  }

  /** Refused rows in line order; `cursor` is the previous page's `nextCursor`. */
  problems(id: string, cursor: string | null, limit: number): Promise<Page<ImportProblemResponse>> {
    const params: Record<string, string> = { limit: String(limit) };
    if (cursor) params['cursor'] = cursor;
    return firstValueFrom(
      this.http.get<Page<ImportProblemResponse>>(`/api/imports/${id}/problems`, { params }),
    );
  }

  start(id: string, request: StartImportRequest): Promise<ImportResponse> {
    return firstValueFrom(this.http.post<ImportResponse>(`/api/imports/${id}/start`, request));
  }
}

import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { toParams } from './to-params';

/**
 * The console's calls to the API, each answered as a promise of its JSON: a GET with its filters as the
 * query string (empty ones left out), the others with their body. The session cookie goes with each.
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  get<T>(url: string, query: object = {}): Promise<T> {
    return firstValueFrom(this.http.get<T>(url, { params: toParams(query) }));
  }

  post<T>(url: string, body: unknown = {}): Promise<T> {
    return firstValueFrom(this.http.post<T>(url, body));
  }

  put<T>(url: string, body: unknown = {}): Promise<T> {
    return firstValueFrom(this.http.put<T>(url, body));
  }

  patch<T>(url: string, body: unknown = {}): Promise<T> {
    return firstValueFrom(this.http.patch<T>(url, body));
  }

  /** A file as the raw body, so the server can store it as it streams in. */
  postFile<T>(url: string, file: Blob, contentType: string, query: object = {}): Promise<T> {
    return firstValueFrom(
      this.http.post<T>(url, file, { params: toParams(query), headers: { 'content-type': contentType } }),
    );
  }

  delete<T>(url: string, body?: unknown): Promise<T> {
    return firstValueFrom(this.http.delete<T>(url, body === undefined ? {} : { body }));
  }
}

import { HttpClient } from './http-client';

/**
 * A client elsewhere on the network, as the app sees it behind a proxy it trusts (start the app with
 * TRUSTED_PROXIES=127.0.0.1): every request says it comes from 198.51.100.7.
 */
export class RemoteClient extends HttpClient {
  override request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    return super.request<T>(method, path, body, { 'x-forwarded-for': '198.51.100.7', ...headers });
  }
}

import { randomBytes } from 'node:crypto';

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A small fetch wrapper that behaves like the console in a browser: it keeps cookies, and echoes the
 * XSRF-TOKEN cookie in the X-XSRF-TOKEN header of state-changing requests.
 */
export class HttpClient {
  private readonly cookies = new Map<string, string>();
  private bearer: string | undefined;

  constructor(readonly baseUrl: string) {}

  /** Calls with `Authorization: Bearer <key>` from now on, like an integration (no cookies). */
  withApiKey(key: string): this {
    this.bearer = key;
    return this;
  }

  get<T = unknown>(path: string, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
    return this.request<T>('GET', path, undefined, headers);
  }

  post<T = unknown>(
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult<T>> {
    return this.request<T>('POST', path, body, headers);
  }

  put<T = unknown>(path: string, body?: unknown): Promise<HttpResult<T>> {
    return this.request<T>('PUT', path, body);
  }

  patch<T = unknown>(path: string, body?: unknown): Promise<HttpResult<T>> {
    return this.request<T>('PATCH', path, body);
  }

  delete<T = unknown>(path: string, body?: unknown): Promise<HttpResult<T>> {
    return this.request<T>('DELETE', path, body);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult<T>> {
    const requestHeaders: Record<string, string> = { ...headers };
    if (this.bearer) {
      requestHeaders['authorization'] ??= `Bearer ${this.bearer}`;
    } else {
      if (UNSAFE_METHODS.has(method)) {
        if (!this.cookies.has('XSRF-TOKEN'))
          this.cookies.set('XSRF-TOKEN', randomBytes(32).toString('base64url'));
        requestHeaders['x-xsrf-token'] ??= this.cookies.get('XSRF-TOKEN') ?? '';
      }
      if (this.cookies.size > 0) {
        requestHeaders['cookie'] ??= [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      }
    }
    const init: RequestInit = { method, headers: requestHeaders, redirect: 'manual' };
    if (typeof body === 'string' || body instanceof Uint8Array) {
      init.body = body;
    } else if (body !== undefined) {
      requestHeaders['content-type'] ??= 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, init);
    for (const cookie of response.headers.getSetCookie()) this.storeCookie(cookie);
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.includes('json') ?? false;
    return {
      status: response.status,
      headers: response.headers,
      body: (isJson && text ? JSON.parse(text) : text) as T,
    };
  }

  /** Signs in with email and password; the client then carries the session cookie. */
  async signIn(email: string, password: string): Promise<HttpResult> {
    const result = await this.post('/api/auth/login', { email, password });
    if (result.status !== 200) {
      throw new Error(`Sign-in as ${email} failed with ${result.status}: ${JSON.stringify(result.body)}`);
    }
    return result;
  }

  /** The session cookie as a `name=value` pair, or undefined when signed out. */
  get sessionCookie(): string | undefined {
    const value = this.cookies.get('rapport_session');
    return value ? `rapport_session=${value}` : undefined;
  }

  private storeCookie(header: string): void {
    const [pair, ...attributes] = header.split(';');
    const separator = pair?.indexOf('=') ?? -1;
    if (!pair || separator < 0) return;
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    const isExpired = attributes.some((attribute) =>
      /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(attribute),
    );
    if (value === '' || isExpired) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A small fetch wrapper that keeps the session cookie like a browser would. */
export class HttpClient {
  private cookie: string | undefined;

  constructor(readonly baseUrl: string) {}

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

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult<T>> {
    const init: RequestInit = { method, headers: { ...headers }, redirect: 'manual' };
    const requestHeaders = init.headers as Record<string, string>;
    if (this.cookie) requestHeaders['cookie'] = this.cookie;
    if (typeof body === 'string' || body instanceof Uint8Array) {
      init.body = body;
    } else if (body !== undefined) {
      requestHeaders['content-type'] ??= 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, init);
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
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
    if (result.status !== 200)
      throw new Error(`Sign-in as ${email} failed with ${result.status}: ${JSON.stringify(result.body)}`);
    return result;
  }

  get sessionCookie(): string | undefined {
    return this.cookie;
  }
}

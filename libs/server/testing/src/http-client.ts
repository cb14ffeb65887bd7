/** A response as tests look at it. */
export interface TestResponse<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  body?: unknown;
  /** Raw body text, for malformed or oversized payloads. */
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
}

/** A small JSON client bound to one base URL. */
export class HttpClient {
  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, o: RequestOptions = {}): Promise<TestResponse<T>> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers['authorization'] = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.rawBody !== undefined) body = o.rawBody;
    else if (o.body !== undefined) body = JSON.stringify(o.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(this.baseUrl + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string, o?: RequestOptions) { return this.request<T>('GET', path, o); } // eslint-disable-line @typescript-eslint/no-explicit-any
  post<T = any>(path: string, body?: unknown, o?: RequestOptions) { return this.request<T>('POST', path, { ...o, body }); } // eslint-disable-line @typescript-eslint/no-explicit-any
  patch<T = any>(path: string, body?: unknown, o?: RequestOptions) { return this.request<T>('PATCH', path, { ...o, body }); } // eslint-disable-line @typescript-eslint/no-explicit-any
  delete<T = any>(path: string, o?: RequestOptions) { return this.request<T>('DELETE', path, o); } // eslint-disable-line @typescript-eslint/no-explicit-any
}

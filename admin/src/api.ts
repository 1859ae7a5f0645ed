import { session, forget } from './session';

/** An error the API answered, with its message and, when it concerns one, the field. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly field?: string,
    readonly body?: any,
  ) {
    super(message);
  }
}

let onSignedOut: () => void = () => undefined;
/** Where a 401 sends the user: the sign-in page. */
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

function messageOf(status: number, body: any, path: string): string {
  const raw = body?.message;
  const joined = Array.isArray(raw) ? raw.join('；') : typeof raw === 'string' ? raw : '';
  // The API names the field first (`title: 不能为空。`); the page shows the message by its field instead.
  const text = typeof body?.field === 'string' && joined.startsWith(`${body.field}: `) ? joined.slice(body.field.length + 2) : joined;
  if (status === 404 && /^Cannot (GET|POST|PATCH|DELETE)/.test(text)) return `找不到请求的地址（${path.split('?')[0]}）。`;
  if (status === 403) return '当前令牌无权使用此功能（统计员令牌只能查看）。';
  if (status === 413) return '文件太大。';
  if (status === 429) return text || '请求过于频繁，请稍后再试。';
  if (status >= 500) return `服务端出错（${status}），请稍后再试。`;
  return text || `请求失败（${status}）。`;
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload });
  } catch {
    throw new ApiError('无法连接服务器，请检查网络后重试。', 0);
  }
  if (res.ok) return res;
  const data = await res.json().catch(() => undefined);
  if (res.status === 401 && session.token) {
    forget();
    onSignedOut();
  }
  throw new ApiError(messageOf(res.status, data, path), res.status, data?.field, data);
}

export async function api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const get = <T = any>(path: string) => api<T>('GET', path);

/** A file from the API (it needs the token, so no plain link): fetched as a blob and saved. */
export async function download(path: string, fallbackName: string): Promise<string> {
  const res = await send('GET', path);
  const blob = await res.blob();
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** Query string from the set values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Exit codes, stable for scripts and cron jobs. */
export const EXIT = {
  ok: 0,
  /** Anything not foreseen below. */
  unexpected: 1,
  /** Wrong command, option or local file: fix the call. */
  usage: 2,
  /** No token, or one the service does not accept for this command. */
  auth: 3,
  /** The service refused the request (bad file, unknown round, a bank in use…) or failed. */
  refused: 4,
  /** The service could not be reached. */
  connection: 5,
} as const;

/** A failure the CLI reports with a message for people and an exit code for scripts. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
    /** The service's answer, for --json. */
    readonly detail?: unknown,
  ) {
    super(message);
  }
}

export interface ApiClientOptions {
  url: string;
  token?: string;
}

/** How long a request, download included, may take: a report of tens of thousands of attempts streams for a while. */
const TIMEOUT_MS = 10 * 60_000;

/** The service's HTTP API as the CLI uses it: JSON in and out, multipart uploads, downloads to a file. */
export class ApiClient {
  private readonly base: URL;

  constructor(private readonly options: ApiClientOptions) {
    try {
      this.base = new URL(options.url);
    } catch {
      throw new CliError(EXIT.usage, `服务地址无效：${options.url}（例如 http://127.0.0.1:3000）`);
    }
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:') {
      throw new CliError(EXIT.usage, `服务地址须以 http:// 或 https:// 开头：${options.url}`);
    }
  }

  async getJson<T>(path: string): Promise<T> {
    return (await this.send('GET', path)).json() as Promise<T>;
  }

  async postJson<T>(path: string, body: unknown): Promise<T> {
    return (await this.send('POST', path, { body: JSON.stringify(body), type: 'application/json' })).json() as Promise<T>;
  }

  /** Uploads a file as the form field `file`, with optional text fields. */
  async upload<T>(path: string, file: { name: string; data: Buffer }, fields: Record<string, string> = {}): Promise<T> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file.data)]), file.name);
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    return (await this.send('POST', path, { body: form })).json() as Promise<T>;
  }

  /**
   * Saves a download into `out`: written to a neighbouring file first and renamed once complete,
   * so that a failed download leaves no half-written report behind.
   */
  async download(path: string, out: string): Promise<{ bytes: number; type: string }> {
    const res = await this.send('GET', path);
    if (!res.body) throw new CliError(EXIT.refused, '服务返回了空的文件。');
    const partial = `${out}.part-${process.pid}`;
    let bytes = 0;
    try {
      const counted = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream).on('data', (chunk: Buffer) => (bytes += chunk.length));
      await pipeline(counted, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, out);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
    return { bytes, type: res.headers.get('content-type') ?? '' };
  }

  private async send(method: string, path: string, payload?: { body: string | FormData; type?: string }): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json, */*' };
    if (this.options.token) headers.Authorization = `Bearer ${this.options.token}`;
    if (payload?.type) headers['Content-Type'] = payload.type;
    const url = new URL(path, this.base);
    let res: Response;
    try {
      res = await fetch(url, { method, headers, body: payload?.body, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (err) {
      throw new CliError(EXIT.connection, `无法连接服务 ${this.base.origin}：${reasonOf(err)}。请确认服务已启动，地址（--url 或 TONGZHAN_URL）正确。`);
    }
    if (res.ok) return res;
    const body = await res.json().catch(() => undefined);
    const message = messageOf(body) ?? `${res.status} ${res.statusText}`;
    if (res.status === 401) {
      const hint = this.options.token ? '令牌不正确' : '未设置令牌，请设置环境变量 TONGZHAN_TOKEN（或 ADMIN_TOKEN）';
      throw new CliError(EXIT.auth, `身份验证失败：${hint}。（服务答复：${message}）`, body);
    }
    if (res.status === 403) {
      throw new CliError(EXIT.auth, `无权执行此操作：该令牌只能查看，写入需要管理员令牌（ADMIN_TOKEN）。（服务答复：${message}）`, body);
    }
    throw new CliError(EXIT.refused, `服务拒绝了请求（${res.status}）：${message}`, body);
  }
}

/** The message of a Nest error body, with the sheet and row of a bad upload row. */
function messageOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { message } = body as { message?: unknown };
  if (Array.isArray(message)) return message.join('；');
  return typeof message === 'string' ? message : undefined;
}

function reasonOf(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code === 'ECONNREFUSED') return '连接被拒绝';
  if (cause?.code === 'ENOTFOUND') return '找不到该主机';
  if ((err as Error)?.name === 'TimeoutError') return `${TIMEOUT_MS / 1000} 秒内无响应`;
  return cause?.code ?? cause?.message ?? (err as Error)?.message ?? String(err);
}

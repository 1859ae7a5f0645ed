/** Socket errors of a database that cannot be reached or went away. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * PostgreSQL states that mean "not now" rather than "wrong": class 08 (connection exception),
 * the server shutting down or starting up (57P01 to 57P03), too many connections (53300).
 * A server-side statement timeout (57014) is not among them: the server answered.
 */
const SQLSTATE = /^(08...|57P0[123]|53300)$/;

/** Prisma's codes and driver-adapter kinds for the same situations. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037']);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

const MESSAGES =
  /Connection terminated|connection timeout|timeout expired|Query read timeout|Client has encountered a connection error|Connection refused|terminating connection due to administrator command|the database system is (shutting down|starting up|in recovery mode)|Can't reach database server|Server has closed the connection|Client was closed and is not queryable|Cannot use a pool after calling end/i;

/**
 * True when an error says the database could not be reached (refused, dropped, timed out, shutting
 * down), as opposed to an error in what was asked of it. Follows causes and Prisma's wrapping.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const o = e as Record<string, any>;
    for (const code of [o.code, o.originalCode]) {
      if (typeof code !== 'string') continue;
      if (SOCKET_CODES.has(code) || SQLSTATE.test(code) || PRISMA_CODES.has(code)) return true;
    }
    if (typeof o.kind === 'string' && ADAPTER_KINDS.has(o.kind)) return true;
    if (typeof o.kind === 'string' && o.kind === 'postgres' && typeof o.code === 'string' && SQLSTATE.test(o.code)) return true;
    for (const text of [o.message, o.originalMessage]) if (typeof text === 'string' && MESSAGES.test(text)) return true;
    if (typeof o.code === 'string' && o.code === 'P2010' && typeof o.message === 'string' && /Code: `(08...|57P0[123]|53300)`/.test(o.message)) {
      return true;
    }
    queue.push(o.cause, o.meta?.driverAdapterError, o.driverAdapterError, ...(Array.isArray(o.errors) ? o.errors : []));
  }
  return false;
}

/** Resolves as `promise` does, or rejects after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms (connection timeout)`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

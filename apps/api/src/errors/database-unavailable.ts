/**
 * Whether an error means the database cannot be reached right now (restarting, failing over,
 * refusing connections) rather than that the request or the code is wrong. Such a request is
 * answered 503 with Retry-After: the client may try again in a moment, and a load balancer or
 * monitor sees an outage instead of a bug. The same query succeeds once PostgreSQL is back: the
 * pool drops the broken connections and opens new ones.
 */

/** SQLSTATE class 08 (connection exception) and 57P01–57P04 (shutdown, crash, starting up). */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-4])$/;
/** Prisma: cannot reach the server, timed out reaching it, the server closed the connection. */
const PRISMA_UNREACHABLE = new Set(['P1001', 'P1002', 'P1017']);
/** The socket to the server: refused, reset, timed out, written to after it closed. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
/**
 * node-postgres's own messages for a connection it lost, which carry no code; and a database
 * closed to connections for maintenance (ALLOW_CONNECTIONS false, whose SQLSTATE 55000 is too
 * general to go by), also when Prisma quotes it.
 */
const LOST_CONNECTION = /^(Connection terminated|Client has encountered a connection error and is not queryable)|is not currently accepting connections/;
/** Prisma's driver adapter's own kinds of error (in `meta.driverAdapterError.cause`). */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout']);
/** Prisma's P2039 ("Database error") quotes the driver's SQLSTATE in its message. */
const QUOTED_SQLSTATE = /Code: `(08[0-9A-Z]{3}|57P0[1-4])`/;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { code, kind, message, cause, meta } = error as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (typeof code === 'string' && (PRISMA_UNREACHABLE.has(code) || SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (typeof kind === 'string' && ADAPTER_KINDS.has(kind)) return true;
  if (typeof message === 'string' && (LOST_CONNECTION.test(message) || QUOTED_SQLSTATE.test(message))) return true;
  // Prisma wraps the driver's error (a raw query's P2010 says only "Raw query failed").
  return isDatabaseUnavailable(cause, depth + 1) || isDatabaseUnavailable(meta?.driverAdapterError, depth + 1);
}

/** Seconds a client is asked to wait before trying again: about how long a restart takes. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

import type { IncomingMessage } from 'node:http';

/**
 * The client's address for the anonymous rate limit: the connection's peer, or behind a trusted
 * reverse proxy the last `X-Forwarded-For` entry (the one the proxy itself appended; earlier
 * entries are the client's to invent).
 */
export function clientAddress(req: IncomingMessage, trustForwardedFor: boolean): string {
  if (trustForwardedFor) {
    const header = req.headers['x-forwarded-for'];
    const value = Array.isArray(header) ? header.join(',') : header;
    const last = value?.split(',').pop()?.trim();
    if (last) return last.slice(0, 64);
  }
  return req.socket.remoteAddress ?? 'unknown';
}

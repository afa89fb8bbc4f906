import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error';

/**
 * The JSON body of a small POST (a form of the pages), refused before reading more than
 * `maxBytes` (413) or when it is not `application/json` (415: a cross-site form cannot send it
 * without a CORS preflight, which the gateway never grants).
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
    throw new HttpError(415, 'send the body as application/json', 'UNSUPPORTED_MEDIA_TYPE');
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    throw new HttpError(413, `request body larger than ${maxBytes} bytes`, 'PAYLOAD_TOO_LARGE');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      // Refused at once; the rest of the body is left unread.
      throw new HttpError(413, `request body larger than ${maxBytes} bytes`, 'PAYLOAD_TOO_LARGE');
    }
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'request body is not valid JSON', 'BAD_REQUEST');
  }
}

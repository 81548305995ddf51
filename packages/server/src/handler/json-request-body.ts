import type { Problem } from './problem-response';
import { parseStrictJson } from './strict-json';

/** The largest request body read, in bytes. The bodies served are a few hundred bytes. */
export const MAX_BODY_BYTES = 16 * 1024;

export type JsonRequestBody = { ok: true; value: unknown } | { ok: false; problem: Problem };

function invalidBody(message: string): JsonRequestBody {
  return { ok: false, problem: { status: 400, errorCode: 'invalid_body', message } };
}

const tooLarge = (maxBytes: number): JsonRequestBody => ({
  ok: false,
  problem: {
    status: 413,
    errorCode: 'payload_too_large',
    message: `The body must be at most ${maxBytes} bytes.`,
  },
});

/** `application/json`, with at most a `charset=utf-8` parameter. */
function isJsonContentType(header: string | null): boolean {
  if (header === null) return false;
  const [type, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((parameter) => parameter === '' || /^charset="?utf-8"?$/.test(parameter));
}

/** Reads the body as bytes, stopping as soon as it is larger than the cap. `undefined` when it is. */
async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array | undefined> {
  if (request.body === null) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The request's JSON body, read defensively: `content-type: application/json` only (415 otherwise), at most
 * `MAX_BODY_BYTES` (413), UTF-8, and strict JSON (no duplicate keys, no `__proto__` / `constructor` /
 * `prototype` keys, 400 otherwise). The value is a fresh parse, never the browser's bytes.
 */
export async function readJsonRequestBody(
  request: Request,
  maxBytes: number = MAX_BODY_BYTES,
): Promise<JsonRequestBody> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    return {
      ok: false,
      problem: {
        status: 415,
        errorCode: 'unsupported_media_type',
        message: 'The body must be JSON, sent with content-type: application/json.',
      },
    };
  }
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) return tooLarge(maxBytes);
  const bytes = await readCapped(request, maxBytes);
  if (bytes === undefined) return tooLarge(maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return invalidBody('The body is not valid UTF-8.');
  }
  if (text.trim() === '') return invalidBody('The body is empty; a JSON object is expected.');
  const parsed = parseStrictJson(text);
  if (!parsed.ok) return invalidBody(`The body is not acceptable JSON: ${parsed.reason}.`);
  return { ok: true, value: parsed.value };
}

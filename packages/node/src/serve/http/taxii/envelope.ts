import { badRequest, TaxiiError } from './errors.js'

/**
 * The POST body (TAXII 2.1 §5.4): read from the stream with a running byte count, so
 * `max_content_length` (§4.2, advertised by the API root) holds for chunked bodies and for
 * a Content-Length that lies, not only for the header. Then it must be an envelope
 * (§3.7): a JSON object whose `objects` is a list.
 */
export async function readBody(req: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new TaxiiError(413, 'Request entity too large', `the body is larger than max_content_length, ${maxBytes} bytes`)
  const declared = req.headers.get('content-length')
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge()
  if (req.body === null) return ''
  const reader = req.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => {})
      throw tooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks, size).toString('utf8')
}

export interface Envelope {
  readonly objects: readonly unknown[]
}

export function parseEnvelope(text: string): Envelope {
  if (text.trim() === '') throw badRequest('the body is empty; send a TAXII envelope {"objects": [...]}')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    throw badRequest(`the body is not JSON: ${(err as Error).message}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest('the body must be a TAXII envelope, a JSON object')
  const objects = (value as Record<string, unknown>).objects
  if (!Array.isArray(objects)) throw badRequest('the envelope has no "objects" list')
  if (objects.length === 0) throw badRequest('the envelope\'s "objects" list is empty')
  return { objects }
}

/**
 * A response body that pulls one chunk of text at a time from a synchronous producer, so
 * a feed of 100,000 values is never held whole in memory and the store is queried only as
 * fast as the client reads. The first chunk is produced before the response starts, so a
 * failing query still becomes an error status instead of a truncated 200.
 */
export function textStream(chunks: Iterator<string, void, undefined>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let pending = nextNonEmpty(chunks)
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pending === undefined) {
        controller.close()
        return
      }
      controller.enqueue(encoder.encode(pending))
      pending = nextNonEmpty(chunks)
    },
    cancel() {
      chunks.return?.()
    },
  })
}

function nextNonEmpty(chunks: Iterator<string, void, undefined>): string | undefined {
  for (;;) {
    const n = chunks.next()
    if (n.done === true) return undefined
    if (n.value !== '') return n.value
  }
}

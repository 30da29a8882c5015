import type { JsonSchema, MediaTypeObject, RefObject, ResponseObject } from './types.js'

/** Shared pieces of the description: references, error responses, JSON bodies. */
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` })
export const responseRef = (name: string): RefObject => ({ $ref: `#/components/responses/${name}` })
export const json = (schema: JsonSchema): Record<string, MediaTypeObject> => ({ 'application/json': { schema } })

export function ok(description: string, schema: JsonSchema): ResponseObject {
  return { description, content: json(schema) }
}

/** The errors every authenticated route can answer (docs/http-api.md, Conventions). */
export const AUTH_ERRORS = {
  '401': responseRef('Unauthorized'),
  '403': responseRef('Forbidden'),
} as const

export const BAD_REQUEST = { '400': responseRef('BadRequest') } as const
export const NOT_FOUND = { '404': responseRef('NotFound') } as const

/** Routes that need no token (the document-level default is bearer or basic). */
export const NO_AUTH: Record<string, string[]>[] = [{}]

/**
 * The parts of OpenAPI 3.1 (spec.openapis.org/oas/v3.1.0) that certmesh's description
 * uses, typed so the document is checked by the compiler. Schemas are JSON Schema
 * 2020-12 (OpenAPI 3.1 §4.8.24), kept loose here on purpose.
 */
export type JsonSchema = { [key: string]: unknown }

export interface ParameterObject {
  name: string
  in: 'query' | 'path' | 'header'
  description?: string
  required?: boolean
  schema: JsonSchema
  style?: 'form' | 'simple'
  explode?: boolean
}

export interface MediaTypeObject {
  schema: JsonSchema
  example?: unknown
}

export interface ResponseObject {
  description: string
  headers?: Record<string, { description: string; schema: JsonSchema }>
  content?: Record<string, MediaTypeObject>
}

export interface RefObject {
  $ref: string
}

export interface OperationObject {
  operationId: string
  summary: string
  description?: string
  tags: string[]
  security?: Record<string, string[]>[]
  parameters?: ParameterObject[]
  requestBody?: { required?: boolean; description?: string; content: Record<string, MediaTypeObject> }
  responses: Record<string, ResponseObject | RefObject>
}

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'
export type PathItemObject = Partial<Record<Method, OperationObject>> & { parameters?: ParameterObject[] }

export interface OpenApiDocument {
  openapi: '3.1.0'
  info: { title: string; version: string; description?: string; license?: { name: string; identifier?: string } }
  servers?: { url: string; description?: string }[]
  tags?: { name: string; description?: string }[]
  security: Record<string, string[]>[]
  paths: Record<string, PathItemObject>
  components: {
    securitySchemes: Record<string, { type: 'http'; scheme: 'bearer' | 'basic'; description?: string }>
    schemas: Record<string, JsonSchema>
    responses: Record<string, ResponseObject>
  }
}

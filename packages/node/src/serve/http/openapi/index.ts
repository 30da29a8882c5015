export { openApiDocument } from './document.js'
export { openapiRoutes } from './routes.js'
export type { OpenApiDocument, OperationObject, PathItemObject } from './types.js'

export { isBuiltinId, isBuiltinObject } from './builtin.js'

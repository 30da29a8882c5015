export { checkStix, type CheckedObject, type CheckMessage, type CheckOptions, type CheckReport } from './check-stix.js'
export { checkStixPattern } from './pattern-check.js'

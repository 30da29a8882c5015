export { main } from './run.js'

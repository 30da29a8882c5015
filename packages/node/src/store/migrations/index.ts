export { MIGRATIONS, type Migration } from './list.js'
export { runMigrations, schemaVersion } from './runner.js'

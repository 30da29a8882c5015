/**
 * Store failures. Each kind is its own class with a stable `name`, so the node entry and
 * the HTTP layer can map them once; all extend `StoreError` for a single catch.
 */
export class StoreError extends Error {
  override name = 'StoreError'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** The database would not run with the durability DESIGN.md invariant 5 requires. */
export class StoreDurabilityError extends StoreError {
  override name = 'StoreDurabilityError'
}

/** The file was written by a newer certmesh (its `user_version` is above what this code knows). */
export class StoreSchemaTooNewError extends StoreError {
  override name = 'StoreSchemaTooNewError'
  constructor(
    readonly path: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `database ${path} has schema version ${found}, newer than the ${known} this certmesh knows: ` +
        `upgrade certmesh, or open a database written by this version`,
    )
  }
}

/** A read-only handle was opened on a database whose schema still needs migrating. */
export class StoreSchemaOutdatedError extends StoreError {
  override name = 'StoreSchemaOutdatedError'
  constructor(
    readonly path: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `database ${path} has schema version ${found} but this certmesh needs ${known}: ` +
        `open it read-write once (start the node) to migrate it`,
    )
  }
}

/** A numbered migration threw; the whole migration transaction was rolled back. */
export class StoreMigrationError extends StoreError {
  override name = 'StoreMigrationError'
}

/**
 * The caller handed the store something malformed (a bad timestamp, hash or network).
 * The ingest pipeline validates objects first, so this is a bug upstream, not bad peer input.
 */
export class StoreInputError extends StoreError {
  override name = 'StoreInputError'
}

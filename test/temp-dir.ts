import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Temp dirs that tests leave nothing behind with. Every dir made here is recorded, and
 * test/setup.ts registers one `afterAll` per test file that removes whatever is still
 * recorded. That hook is registered before any of the file's own hooks, and vitest runs
 * after-hooks in stack order (the default `sequence.hooks`), so it runs after the file's
 * own `afterAll`s have stopped the nodes and child processes that hold files open.
 *
 * Harnesses that own a node remove their dir themselves in their stop/close (after the
 * node stopped) so a long file does not pile dirs up; the file-end sweep catches the rest,
 * including dirs of a harness whose start threw half-way.
 */
const recorded = new Set<string>()

/** A fresh dir `${tmpdir()}/${prefix}XXXXXX`, removed at the latest when the test file ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  recorded.add(dir)
  return dir
}

/** Removes one dir made by tempDir now (call it only once nothing holds files in it). */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
  recorded.delete(dir)
}

/** Removes every dir made by tempDir in this test file; test/setup.ts calls it. */
export function removeAllTempDirs(): void {
  for (const dir of [...recorded]) removeTempDir(dir)
}

/**
 * A group of temp dirs a test file removes itself (e.g. in afterEach), for helpers whose
 * callers already clean up per test. Each dir is also in the file-end sweep above.
 */
export class TempDirGroup {
  private readonly dirs: string[] = []

  constructor(private readonly prefix: string) {}

  make(): string {
    const dir = tempDir(this.prefix)
    this.dirs.push(dir)
    return dir
  }

  removeAll(): void {
    for (const dir of this.dirs.splice(0)) removeTempDir(dir)
  }
}

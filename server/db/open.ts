import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { migrate } from './migrate'

export const DEFAULT_DATABASE_PATH = 'data/local.db'

/** How long a writer waits for another connection's write lock before failing. */
const BUSY_TIMEOUT_MS = 5_000

/**
 * Opens (creating the folder and file if needed) and migrates the database. WAL lets readers and
 * one writer work at once, also across processes (the server and `npm run api:token`).
 */
export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  useWriteAheadLog(db)
  // In WAL mode NORMAL still never corrupts the file; a power cut may lose the last commits only.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  migrate(db)
  return db
}

/**
 * Switches the file to WAL (kept in the file: once one process has set it, the others find it
 * set). Two processes opening the same new file at once both ask for the lock this needs, and
 * SQLite answers the loser SQLITE_BUSY at once, without waiting on busy_timeout (seen in CI with
 * server/test/consistency-across-processes.test.ts): so try again, for up to BUSY_TIMEOUT_MS.
 * Throws the last SqliteError when the file stays locked that long.
 */
function useWriteAheadLog(db: Database.Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS
  const pause = new Int32Array(new SharedArrayBuffer(4))
  for (;;) {
    try {
      db.pragma('journal_mode = WAL')
      return
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error
      // Opening is synchronous (better-sqlite3): wait 20 ms without spinning.
      Atomics.wait(pause, 0, 0, 20)
    }
  }
}

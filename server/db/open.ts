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
  db.pragma('journal_mode = WAL')
  // In WAL mode NORMAL still never corrupts the file; a power cut may lose the last commits only.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  migrate(db)
  return db
}

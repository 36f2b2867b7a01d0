import type Database from 'better-sqlite3'
import { timestamp } from '../../domain/dates'

export interface MemberRow {
  id: string
  email: string
  name: string
  surname: string
  admin: number
  /** When the membership began (only from find(): the list stays lean for 10,000 members) */
  creation_date?: string
}

const COLUMNS = 'users.id, users.email, users.name, users.surname, memberships.admin'

export function membersRepository(db: Database.Database) {
  // Rows in email order straight from the memberships_by_email index (migration 008): no sort. Each
  // membership's email is a copy of users.email kept by triggers; the answer reads users.email.
  const inEmailOrder = `SELECT ${COLUMNS} FROM memberships JOIN users ON users.id = memberships.user_id
      WHERE memberships.organization_id = ? ORDER BY memberships.email`
  const list = db.prepare<[string], MemberRow>(inEmailOrder)
  // The whole answer as JSON text, made by SQLite: no row objects in JavaScript and no second pass to
  // serialize them, which at 100,000 members was a third of the time and grew faster than the list
  // (bench/scale.ts). The shape is OrganizationUserDetail's, in the same order as list(). The order
  // comes from the subquery, which SQLite reads in index order; an ORDER BY inside
  // json_group_array() would sort again in a temporary B-tree whatever the index.
  const listJson = db
    .prepare<[string], string>(
      `SELECT json_group_array(json_object('id', id, 'email', email, 'name', name, 'surname', surname,
                'admin', json(CASE admin WHEN 1 THEN 'true' ELSE 'false' END)))
         FROM (${inEmailOrder})`,
    )
    .pluck()
  const one = db.prepare<[string, string], MemberRow>(
    `SELECT ${COLUMNS}, memberships.creation_date FROM memberships JOIN users ON users.id = memberships.user_id
      WHERE memberships.organization_id = ? AND memberships.user_id = ?`,
  )
  const insert = db.prepare(
    'INSERT INTO memberships (organization_id, user_id, admin, creation_date) VALUES (?, ?, ?, ?)',
  )
  const setAdmin = db.prepare('UPDATE memberships SET admin = ? WHERE organization_id = ? AND user_id = ?')
  const adminCount = db.prepare<[string], { count: number }>(
    'SELECT count(*) AS count FROM memberships WHERE organization_id = ? AND admin = 1',
  )
  const remove = db.prepare('DELETE FROM memberships WHERE organization_id = ? AND user_id = ?')

  return {
    /** Every member, by email. */
    list: (organizationId: string) => list.all(organizationId),
    /** Every member, by email, as the JSON text of the list answer (`[]` for none). */
    listJson: (organizationId: string) => listJson.get(organizationId)!,
    find: (organizationId: string, userId: string) => one.get(organizationId, userId),
    add: (organizationId: string, userId: string, admin: boolean) =>
      void insert.run(organizationId, userId, admin ? 1 : 0, timestamp()),
    setAdmin: (organizationId: string, userId: string, admin: boolean) =>
      void setAdmin.run(admin ? 1 : 0, organizationId, userId),
    countAdmins: (organizationId: string) => adminCount.get(organizationId)!.count,
    /**
     * Removes the membership, and in the same statement the user's place in every project of the
     * organization and all their roles there (foreign keys of migration 007). Call inside a transaction.
     */
    remove: (organizationId: string, userId: string) => void remove.run(organizationId, userId),
  }
}

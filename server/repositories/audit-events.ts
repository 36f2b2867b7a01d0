import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { timestamp } from '../../domain/dates'

/** What GET /projects/{name}/audit answers per event (AuditList in the official clients' models). */
export type AuditAction = 'create' | 'update' | 'delete' | 'info'

/** An audit event as stored (migration 009); `user` is the actor's e-mail address, null for the server. */
export interface AuditEventRow {
  id: string
  date: string
  action: AuditAction
  user: string | null
  event: string
  object_type: string
  object_name: string
}

/** One write to record: which project, who (a user id, or null for the server), and what. */
export interface NewAuditEvent {
  projectId: string
  /**
   * The user who made the change, a person or a service user (acting by its role); their e-mail
   * address is kept with the event.
   */
  userId: string | null
  action: AuditAction
  /** The object's type in the API's words: project, user, role_assignment, service_user, ... */
  objectType: string
  objectName: string
  /** One sentence, with the old and new value where there is one. Never a token or a secret. */
  event: string
  /** Defaults to now; the seed passes its own days. */
  date?: string
}

/** The actions an audit event can have, as the official clients document `action`. */
export const AUDIT_ACTIONS: readonly AuditAction[] = ['create', 'update', 'delete', 'info']

export interface AuditEventPage {
  action?: AuditAction
  /** At most this many events (the endpoint's default is 50). */
  limit: number
  offset: number
}

/**
 * Audit events of projects (shared/API.md, "Projects, access and audit"). `record` is meant to run
 * inside the transaction of the write it describes, so that an event exists exactly when its write
 * does. Events are listed newest first and kept after the object they name is deleted.
 *
 * The insertion order (`sequence`) is the table's last rowid plus one: SQLite finds the largest
 * rowid without reading the table, where the largest `sequence` would need a scan per event (the
 * seed and the bench record tens of thousands).
 */
export function auditEventsRepository(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO audit_events (id, project_id, organization_id, date, action, user_id, user_email, event,
                               object_type, object_name, sequence)
     SELECT @id, projects.id, projects.organization_id, @date, @action, @user_id,
            coalesce((SELECT email FROM users WHERE users.id = @user_id),
                     (SELECT email FROM service_users WHERE service_users.id = @user_id)),
            @event, @object_type, @object_name,
            coalesce((SELECT max(rowid) FROM audit_events), 0) + 1
       FROM projects WHERE projects.id = @project_id`,
  )
  const page = db.prepare<
    { project_id: string; action: AuditAction | null; limit: number; offset: number },
    AuditEventRow
  >(
    `SELECT id, date, action, user_email AS user, event, object_type, object_name
       FROM audit_events
      WHERE project_id = @project_id AND (@action IS NULL OR action = @action)
      ORDER BY sequence DESC LIMIT @limit OFFSET @offset`,
  )

  return {
    /** Records one event; returns its id. Throws if the project does not exist. */
    record(event: NewAuditEvent): string {
      const id = randomUUID()
      const result = insert.run({
        id,
        project_id: event.projectId,
        date: event.date ?? timestamp(new Date()),
        action: event.action,
        user_id: event.userId,
        event: event.event,
        object_type: event.objectType,
        object_name: event.objectName,
      })
      if (result.changes !== 1) throw new Error(`No project ${event.projectId} to record an audit event in`)
      return id
    },
    /** A project's events, newest first, `limit` from `offset`, optionally of one action. */
    list(projectId: string, { action, limit, offset }: AuditEventPage): AuditEventRow[] {
      return page.all({ project_id: projectId, action: action ?? null, limit, offset })
    },
  }
}

import type Database from 'better-sqlite3'

/** A live project as stored (migrations 001, 002, 007, 011); `labels` and `cors_origins` are JSON text. */
export interface ProjectRow {
  id: string
  name: string
  creation_date: string
  organization_id: string
  organization_name: string
  /** The organization's subscription start: its periods decide which usage counts against the limit. */
  subscription_start_date: string
  advanced_permissions: number
  labels: string
  cors_origins: string
  /** The credit limit (credits), null for none. */
  credit_limit: number | null
}

/** What PATCH /projects/{name} may change; absent fields stay. */
export interface ProjectChanges {
  name?: string
  advanced_permissions?: boolean
  labels?: Record<string, string>
  cors_origins?: string[]
  /** null clears the limit. */
  credit_limit?: number | null
}

export interface NewProject {
  id: string
  name: string
  organization_id: string
  creation_date: string
  advanced_permissions: boolean
  labels: Record<string, string>
  cors_origins: string[]
}

const COLUMNS = `projects.id, projects.name, projects.creation_date, projects.organization_id,
  organizations.name AS organization_name, organizations.subscription_start_date,
  projects.advanced_permissions, projects.labels, projects.cors_origins, projects.credit_limit`
const FROM = 'projects JOIN organizations ON organizations.id = projects.organization_id'

/**
 * Projects of organizations. Only live projects are found or listed: a deleted one is kept (its
 * usage stays, counted as deleted: migration 002) but is no longer a project anyone can open.
 */
export function projectsRepository(db: Database.Database) {
  const byName = db.prepare<[string], ProjectRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE projects.name = ? AND projects.deletion_date IS NULL`,
  )
  const ofOrganization = db.prepare<[string], ProjectRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
      WHERE projects.organization_id = ? AND projects.deletion_date IS NULL ORDER BY projects.name`,
  )
  // Projects a user is in, optionally of one organization (NULL: all), plus every live project of
  // the organizations the user is admin of: what GET /projects lists.
  const visible = db.prepare<{ user: string; organization: string | null }, ProjectRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
      WHERE projects.deletion_date IS NULL
        AND (@organization IS NULL OR projects.organization_id = @organization)
        AND (EXISTS (SELECT 1 FROM project_users
                      WHERE project_users.project_id = projects.id AND project_users.user_id = @user)
             OR EXISTS (SELECT 1 FROM memberships
                         WHERE memberships.organization_id = projects.organization_id
                           AND memberships.user_id = @user AND memberships.admin = 1))
      ORDER BY projects.name`,
  )
  // A deleted project keeps its name within its organization (its usage history is named by it).
  const deletedNamed = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM projects WHERE organization_id = ? AND name = ? AND deletion_date IS NOT NULL',
  )
  const insert = db.prepare(
    `INSERT INTO projects (id, organization_id, name, creation_date, advanced_permissions, labels, cors_origins)
     VALUES (@id, @organization_id, @name, @creation_date, @advanced_permissions, @labels, @cors_origins)`,
  )
  const markDeleted = db.prepare(
    'UPDATE projects SET deletion_date = ? WHERE id = ? AND deletion_date IS NULL',
  )
  const removeUsers = db.prepare('DELETE FROM project_users WHERE project_id = ?')
  // Reads the primary key's (organization_id, day, ...) range: only the period's rows.
  const creditsOfRange = db.prepare<[string, string, string, string], { used: number }>(
    `SELECT coalesce(sum(value), 0) AS used FROM usage_daily
      WHERE organization_id = ? AND day >= ? AND day < ? AND project_id = ? AND metric = 'credits'`,
  )
  const update = db.prepare(
    `UPDATE projects SET name = coalesce(@name, name),
            advanced_permissions = coalesce(@advanced_permissions, advanced_permissions),
            labels = coalesce(@labels, labels), cors_origins = coalesce(@cors_origins, cors_origins),
            credit_limit = CASE WHEN @set_limit THEN @credit_limit ELSE credit_limit END
      WHERE id = @id AND deletion_date IS NULL`,
  )

  return {
    /** The live project of this name (names of live projects are globally unique). */
    findByName: (name: string) => byName.get(name),
    /** The organization's live projects, by name. */
    listOfOrganization: (organizationId: string) => ofOrganization.all(organizationId),
    /**
     * The live projects `userId` may see, by name: those they are a project user of, and all of the
     * organizations they are admin of; only `organizationId`'s when given.
     */
    listVisibleTo: (userId: string, organizationId: string | null) =>
      visible.all({ user: userId, organization: organizationId }),
    /** Whether a deleted project of the organization had this name. */
    wasDeletedName: (organizationId: string, name: string) =>
      deletedNamed.get(organizationId, name) !== undefined,
    insert: (project: NewProject) =>
      void insert.run({
        ...project,
        advanced_permissions: project.advanced_permissions ? 1 : 0,
        labels: JSON.stringify(project.labels),
        cors_origins: JSON.stringify(project.cors_origins),
      }),
    /**
     * Credits the project used on the days [start, end) (UTC days, end exclusive), both object
     * types, rounded to two decimals as the usage answers are.
     */
    creditsUsed(project: Pick<ProjectRow, 'id' | 'organization_id'>, start: string, end: string): number {
      const { used } = creditsOfRange.get(project.organization_id, start, end, project.id)!
      return Math.round(used * 100) / 100
    },
    /** Applies the changes given; call inside the transaction that checked them. */
    update(projectId: string, changes: ProjectChanges): void {
      update.run({
        id: projectId,
        name: changes.name ?? null,
        advanced_permissions:
          changes.advanced_permissions === undefined ? null : changes.advanced_permissions ? 1 : 0,
        labels: changes.labels === undefined ? null : JSON.stringify(changes.labels),
        cors_origins: changes.cors_origins === undefined ? null : JSON.stringify(changes.cors_origins),
        set_limit: changes.credit_limit === undefined ? 0 : 1,
        credit_limit: changes.credit_limit ?? null,
      })
    },
    /**
     * Marks the project deleted at `when` and removes its users (and so their role assignments);
     * its usage and its row stay. Call inside a transaction.
     */
    delete(projectId: string, when: string): void {
      removeUsers.run(projectId)
      markDeleted.run(when, projectId)
    },
  }
}

export type ProjectsRepository = ReturnType<typeof projectsRepository>

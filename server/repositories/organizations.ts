import type Database from 'better-sqlite3'

export interface OrganizationRow {
  id: string
  name: string
  creation_date: string
  subscription: string
  subscription_self_service: number
  subscription_start_date: string
  subscription_end_date: string | null
  status: string
  two_factor_authentication_forced: number
  overage_usage: number
  voucher: string | null
}

export interface NewOrganization {
  id: string
  name: string
  creation_date: string
  subscription: string
  subscription_start_date: string
  subscription_end_date: string | null
  two_factor_authentication_forced?: boolean
  voucher?: string | null
}

export type OrganizationChanges = Partial<
  Pick<OrganizationRow, 'name' | 'subscription' | 'subscription_start_date' | 'subscription_end_date'>
> & { two_factor_authentication_forced?: boolean }

const COLUMNS = `organizations.id, organizations.name, organizations.creation_date, organizations.subscription,
  subscriptions.self_service AS subscription_self_service, organizations.subscription_start_date,
  organizations.subscription_end_date, organizations.status,
  organizations.two_factor_authentication_forced, organizations.overage_usage, organizations.voucher`
const FROM = 'organizations JOIN subscriptions ON subscriptions.name = organizations.subscription'

export function organizationsRepository(db: Database.Database) {
  const byName = db.prepare<[string], OrganizationRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE organizations.name = ?`,
  )
  const byId = db.prepare<[string], OrganizationRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE organizations.id = ?`,
  )
  const ofMember = db.prepare<
    [string],
    Pick<OrganizationRow, 'id' | 'name' | 'creation_date' | 'status' | 'two_factor_authentication_forced'>
  >(
    `SELECT organizations.id, organizations.name, organizations.creation_date, organizations.status,
            organizations.two_factor_authentication_forced
       FROM memberships JOIN organizations ON organizations.id = memberships.organization_id
      WHERE memberships.user_id = ?
      ORDER BY organizations.name`,
  )
  const insert = db.prepare(
    `INSERT INTO organizations (id, name, creation_date, subscription, subscription_start_date, subscription_end_date,
       two_factor_authentication_forced, voucher)
     VALUES (@id, @name, @creation_date, @subscription, @subscription_start_date, @subscription_end_date,
       @two_factor_authentication_forced, @voucher)`,
  )
  const update = db.prepare(
    `UPDATE organizations SET name = @name, subscription = @subscription,
       subscription_start_date = @subscription_start_date, subscription_end_date = @subscription_end_date,
       two_factor_authentication_forced = @two_factor_authentication_forced
     WHERE id = @id`,
  )
  // Deleted projects (and everything in them) are left out; their usage is kept apart.
  const LIVE = 'projects.organization_id = @id AND projects.deletion_date IS NULL'
  const counts = db.prepare<[Record<string, string>], Record<string, number>>(
    `SELECT
       (SELECT count(*) FROM projects WHERE ${LIVE}) AS projects,
       (SELECT count(*) FROM memberships WHERE organization_id = @id) AS users,
       (SELECT count(*) FROM deployments JOIN projects ON projects.id = deployments.project_id
         WHERE ${LIVE}) AS deployments,
       (SELECT count(*) FROM deployment_versions
          JOIN deployments ON deployments.id = deployment_versions.deployment_id
          JOIN projects ON projects.id = deployments.project_id
         WHERE ${LIVE}) AS deployment_versions,
       (SELECT count(*) FROM pipelines JOIN projects ON projects.id = pipelines.project_id
         WHERE ${LIVE}) AS pipelines,
       (SELECT count(*) FROM pipeline_versions
          JOIN pipelines ON pipelines.id = pipeline_versions.pipeline_id
          JOIN projects ON projects.id = pipelines.project_id
         WHERE ${LIVE}) AS pipeline_versions,
       (SELECT count(*) FROM buckets JOIN projects ON projects.id = buckets.project_id
         WHERE ${LIVE}) AS buckets,
       (SELECT count(*) FROM environments JOIN projects ON projects.id = environments.project_id
         WHERE ${LIVE}) AS environments`,
  )

  return {
    findByName: (name: string) => byName.get(name),
    findById: (id: string) => byId.get(id),
    /** The caller's organizations, by name. */
    listOfMember: (userId: string) => ofMember.all(userId),
    insert: (organization: NewOrganization) =>
      void insert.run({
        ...organization,
        two_factor_authentication_forced: organization.two_factor_authentication_forced ? 1 : 0,
        voucher: organization.voucher ?? null,
      }),
    update(id: string, changes: OrganizationChanges): void {
      const current = byId.get(id)
      if (!current) return
      update.run({
        id,
        name: changes.name ?? current.name,
        subscription: changes.subscription ?? current.subscription,
        subscription_start_date: changes.subscription_start_date ?? current.subscription_start_date,
        subscription_end_date:
          changes.subscription_end_date === undefined
            ? current.subscription_end_date
            : changes.subscription_end_date,
        two_factor_authentication_forced:
          changes.two_factor_authentication_forced === undefined
            ? current.two_factor_authentication_forced
            : changes.two_factor_authentication_forced
              ? 1
              : 0,
      })
    },
    /** Live projects, members, deployments, pipelines, their versions, buckets and environments. */
    resourceCounts: (id: string) => counts.get({ id })!,
  }
}

// Request schemas. They check shapes and types only (a known field of the wrong type is a 400);
// the rules on values (name pattern, email, dates, subscriptions) are checked by the routes with
// domain/ so that the messages match the dashboard's forms word for word. Unknown fields
// are allowed and ignored. `description` is the phrase used in the error message ("must be ...").

const string = (description: string) => ({ type: 'string', description })
const dateOrNull = { type: ['string', 'null'], description: 'a date string written YYYY-MM-DD, or null' }

export const organizationNameParams = {
  type: 'object',
  required: ['organization_name'],
  properties: { organization_name: string('an organization name') },
}

export const memberParams = {
  type: 'object',
  required: ['organization_name', 'user_id'],
  properties: { organization_name: string('an organization name'), user_id: string('a user id') },
}

export const organizationCreateBody = {
  type: 'object',
  required: ['name', 'subscription'],
  properties: {
    name: string('a string (the organization name)'),
    subscription: string('a string (free, professional or enterprise)'),
    subscription_end_date: dateOrNull,
  },
}

export const organizationUpdateBody = {
  type: 'object',
  properties: {
    name: string('a string (the new organization name)'),
    subscription: string('a string (free, professional or enterprise)'),
    subscription_start_date: string('a date string written YYYY-MM-DD'),
    subscription_end_date: dateOrNull,
  },
}

/** Current generation: `subscription` optional (default free), `voucher` and 2FA enforcement. */
export const organizationCreateBodyCurrent = {
  type: 'object',
  required: ['name'],
  properties: {
    ...organizationCreateBody.properties,
    voucher: string('a string (a voucher code)'),
    two_factor_authentication_forced: { type: 'boolean', description: 'true or false' },
  },
}

/** Current generation: admins may also switch 2FA enforcement. */
export const organizationUpdateBodyCurrent = {
  type: 'object',
  properties: {
    ...organizationUpdateBody.properties,
    two_factor_authentication_forced: { type: 'boolean', description: 'true or false' },
  },
}

export const voucherParams = {
  type: 'object',
  required: ['code'],
  properties: { code: string('a voucher code') },
}

export const memberCreateBody = {
  type: 'object',
  required: ['email'],
  properties: {
    email: string('a string (the email address)'),
    admin: { type: 'boolean', description: 'true or false' },
  },
}

export const memberUpdateBody = {
  type: 'object',
  required: ['admin'],
  properties: { admin: { type: 'boolean', description: 'true or false' } },
}

export const usageQuery = {
  type: 'object',
  properties: {
    start_date: string('a date written YYYY-MM-DD, given once'),
    end_date: string('a date written YYYY-MM-DD, given once'),
    interval: string('"day" or "month", given once'),
  },
}

export const projectParams = {
  type: 'object',
  required: ['project_name'],
  properties: { project_name: string('a project name') },
}

export const projectUserParams = {
  type: 'object',
  required: ['project_name', 'user_id'],
  properties: { project_name: string('a project name'), user_id: string('a user id') },
}

export const roleAssignmentParams = {
  type: 'object',
  required: ['project_name', 'id'],
  properties: { project_name: string('a project name'), id: string('a role assignment id') },
}

export const projectsQuery = {
  type: 'object',
  properties: { organization: string('an organization name, given once') },
}

/** Both generations: `name` and `organization_name`; `gb_seconds` (2022) and `credits` are limits. */
export const projectCreateBody = {
  type: 'object',
  required: ['name', 'organization_name'],
  properties: {
    name: string('a string (the project name)'),
    organization_name: string('a string (the name of an organization you are admin of)'),
    advanced_permissions: { type: 'boolean', description: 'true or false' },
  },
}

/** Current generation: labels (strings by string keys) and CORS origins (strings) besides. */
export const projectCreateBodyCurrent = {
  type: 'object',
  required: ['name', 'organization_name'],
  properties: {
    ...projectCreateBody.properties,
    labels: {
      type: ['object', 'null'],
      additionalProperties: { type: 'string' },
      description: 'an object whose values are strings, or null',
    },
    cors_origins: {
      type: ['array', 'null'],
      items: { type: 'string' },
      description: 'a list of origins (strings), or null',
    },
  },
}

export const projectUserCreateBody = {
  type: 'object',
  required: ['user_id'],
  properties: { user_id: string('a string (the id of a member of the organization)') },
}

const objectType = (types: string) => ({ type: ['string', 'null'], description: `${types}, or null` })

/** 2022: a user and a role, on the project or on one object named by `object_type` and `object_name`. */
export const roleAssignmentCreateBody = {
  type: 'object',
  required: ['user_id', 'role'],
  properties: {
    user_id: string('a string (the id of a member of the organization)'),
    role: string('a string (the name of a role of the project)'),
    object_name: {
      type: ['string', 'null'],
      description: 'a string (the name of a deployment, pipeline or project), or null',
    },
    object_type: objectType('"project", "deployment" or "pipeline"'),
  },
}

/** Current: a role for an assignee (a user's id or a deployment's name) on an optional resource. */
export const roleAssignmentCreateBodyCurrent = {
  type: 'object',
  required: ['role', 'assignee', 'assignee_type'],
  properties: {
    role: string('a string (the name of a role of the project)'),
    assignee: string("a string (a user's id or a deployment's name)"),
    assignee_type: string('"user" or "deployment"'),
    resource: { type: ['string', 'null'], description: 'a string (the name of the resource), or null' },
    resource_type: objectType('"project", "deployment", "pipeline" or "bucket"'),
  },
}

export const roleAssignmentsQuery = {
  type: 'object',
  properties: {
    assignee: string("a user's id or a deployment's name, given once"),
    assignee_type: string('"user" or "deployment", given once'),
    resource: string('the name of a resource, given once'),
    resource_type: string('"project", "deployment", "pipeline" or "bucket", given once'),
  },
}

/**
 * PATCH /projects/{name}, 2022 (the Python 3.7 and R 0.5 clients' ProjectUpdate): `gb_seconds`
 * is the limit, an integer or null (none).
 */
export const projectUpdateBody = {
  type: 'object',
  properties: {
    name: string('a string (the new project name)'),
    advanced_permissions: { type: 'boolean', description: 'true or false' },
    gb_seconds: { type: ['integer', 'null'], description: 'a whole number (the limit), or null for none' },
    suspend: { type: 'boolean', description: 'true or false' },
  },
}

/** Current generation (the Python 4.12 client's ProjectUpdate): `credits` is the limit, labels and CORS origins besides. */
export const projectUpdateBodyCurrent = {
  type: 'object',
  properties: {
    name: projectUpdateBody.properties.name,
    advanced_permissions: projectUpdateBody.properties.advanced_permissions,
    credits: { type: ['number', 'null'], description: 'a number of credits (the limit), or null for none' },
    suspend: projectUpdateBody.properties.suspend,
    labels: projectCreateBodyCurrent.properties.labels,
    cors_origins: projectCreateBodyCurrent.properties.cors_origins,
  },
}

export const serviceUserParams = {
  type: 'object',
  required: ['project_name', 'service_user_id'],
  properties: { project_name: string('a project name'), service_user_id: string('a service user id') },
}

/**
 * Service users (ServiceUserCreate in the official clients): every field optional, on create and on
 * update alike; `expiry_date` is read by the current generation only (2022 ignores it, as any unknown field).
 */
export const serviceUserBody = {
  type: 'object',
  properties: {
    name: { type: ['string', 'null'], description: 'a string (the service user name), or null' },
    description: { type: ['string', 'null'], description: 'a string of at most 400 characters, or null' },
    expiry_date: {
      type: ['string', 'null'],
      description: 'a date (YYYY-MM-DD) or a date and time in UTC, or null for no expiry',
    },
  },
}

/** GET /projects/{name}/audit: values are checked by the route, so that each gets its own sentence. */
export const auditQuery = {
  type: 'object',
  properties: {
    action: string('create, update, delete or info, given once'),
    limit: string('a whole number from 1 to 1000, given once'),
    offset: string('a whole number, 0 or more, given once'),
  },
}

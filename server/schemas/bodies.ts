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

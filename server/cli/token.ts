// `npm run api:token -- --email <email> [--staff]`: prints a new API token as the last line.
import { parseArgs } from 'node:util'
import { issueToken } from '../auth/issue-token'
import { DEFAULT_DATABASE_PATH } from '../db/open'

function main(): void {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, staff: { type: 'boolean', default: false } },
  })
  if (!values.email) {
    console.error('Usage: npm run api:token -- --email <email> [--staff]')
    process.exitCode = 2
    return
  }
  const databasePath = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH
  try {
    const token = issueToken(databasePath, values.email, { staff: values.staff })
    console.log(
      `A new API token for ${values.email}${values.staff ? ' (platform staff)' : ''} in ${databasePath}.`,
    )
    console.log('Paste it into the dashboard, or send it as "Authorization: Token <token>":')
    console.log(token)
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
  }
}

main()

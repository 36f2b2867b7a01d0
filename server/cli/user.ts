// `npm run api:user -- --email <email> --password <password> [--totp] [--staff]`: creates or
// updates a user who signs in with a password; with --totp, the last two lines of output are the
// otpauth:// URI and the secret (for an authenticator app, or a test that makes codes).
import { parseArgs } from 'node:util'
import { setUserCredentials } from '../auth/user-credentials'
import { DEFAULT_DATABASE_PATH } from '../db/open'

const USAGE = 'Usage: npm run api:user -- --email <email> --password <password> [--totp] [--staff]'

async function main(): Promise<void> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        totp: { type: 'boolean', default: false },
        staff: { type: 'boolean', default: false },
      },
    }))
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
    process.exitCode = 2
    return
  }
  if (!values.email || values.password === undefined) {
    console.error(USAGE)
    process.exitCode = 2
    return
  }
  const databasePath = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH
  try {
    const result = await setUserCredentials(databasePath, {
      email: values.email,
      password: values.password,
      totp: values.totp,
      staff: values.staff,
    })
    console.log(
      `${result.created ? 'Created' : 'Updated'} ${values.email}${values.staff ? ' (platform staff)' : ''} in ${databasePath}: signs in with this password.`,
    )
    if (result.totp) {
      console.log('Two-factor authentication: add this to an authenticator app (URI, then the secret):')
      console.log(result.totp.uri)
      console.log(result.totp.secret)
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
  }
}

await main()

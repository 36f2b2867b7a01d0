import { Fragment } from 'react'

/**
 * An email address that wraps only where a reader expects it to: after the `@` and before each
 * `.` (`<wbr>` there; each part between them keeps to one line, so the browser breaks nowhere
 * else, not even after a hyphen). A part longer than its box scrolls with the box rather than being cut.
 */
export function EmailText({ email }: { email: string }) {
  const parts = email.split(/(?<=@)|(?=\.)/)
  return (
    <span className="ui-email">
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          <span>{part}</span>
        </Fragment>
      ))}
    </span>
  )
}

import { useQuery } from '@tanstack/react-query'
import { isApiError } from '../../../api/client'
import { voucherQueries } from '../queries'
import { useDebouncedValue } from './use-debounced-value'

/** How long typing must pause before a code is looked up. */
const VOUCHER_CHECK_DELAY_MS = 400

export interface VoucherCheck {
  /** The trimmed code as typed; '' when none. */
  code: string
  /** Waiting for typing to pause, or for the API. */
  isChecking: boolean
  /** The API's description of the code as typed, once known. */
  description: string | null
  /** The API does not know the code (404). */
  isUnknown: boolean
  unknownMessage: string
  /** Any other failure of the check (the API says again on create). */
  failure: string | null
}

/** GET /vouchers/{code} for the code once typing pauses (react-query caches each code's answer). */
export function useVoucherCheck(typed: string): VoucherCheck {
  const code = typed.trim()
  const settled = useDebouncedValue(code, VOUCHER_CHECK_DELAY_MS)
  const query = useQuery({ ...voucherQueries.detail(settled), enabled: settled !== '' })
  const isCurrent = settled === code && code !== ''
  return {
    code,
    isChecking: code !== '' && (!isCurrent || query.isFetching),
    description: isCurrent && query.data ? query.data.description || 'A valid voucher.' : null,
    isUnknown: isCurrent && isApiError(query.error, 404),
    unknownMessage: `There is no voucher with the code “${code}”. Check it, or leave the field empty.`,
    failure: isCurrent && query.error && !isApiError(query.error, 404) ? query.error.message : null,
  }
}

/** The hint under the voucher field: what it is, then what the API said of the code. */
export function VoucherStatus({ check }: { check: VoucherCheck }) {
  return (
    <span role="status" aria-live="polite">
      {check.code === ''
        ? 'A code you were given, e.g. for free credits. Checked as you type.'
        : check.isChecking
          ? 'Checking the voucher…'
          : check.description
            ? `Voucher: ${check.description}`
            : check.failure
              ? `The voucher could not be checked: ${check.failure}`
              : null}
    </span>
  )
}

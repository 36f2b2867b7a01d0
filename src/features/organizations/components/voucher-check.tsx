import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { voucherQueries } from '../queries'

export interface VoucherCheck {
  /** The trimmed code as typed; '' when none. */
  code: string
  /** Asks the API about the code as it is now (when the field is left). */
  check: () => void
  /**
   * Whether the code as it is now may be sent (`isKnown`): true when it is empty, known, or could
   * not be checked (the API says again on create); false when the API does not know it. With the
   * API's description when it gave one. Asks first when the code has not been checked yet (Enter
   * straight from the field).
   */
  confirm: () => Promise<{ isKnown: boolean; description: string | null }>
  /** Waiting for the API's answer about the code as typed. */
  isChecking: boolean
  /** The API's description of the code as typed, once known. */
  description: string | null
  /** The API does not know the code as typed (its 404). */
  isUnknown: boolean
  unknownMessage: string
  /** Any other failure of the check (the API says again on create). */
  failure: string | null
}

/**
 * GET /vouchers/{code} for the code once the person leaves the field or submits, never while
 * they type: a code half typed is not "unknown", and a request per keystroke would be noise.
 * react-query caches each code's answer.
 */
export function useVoucherCheck(typed: string): VoucherCheck {
  const queryClient = useQueryClient()
  const code = typed.trim()
  const [checked, setChecked] = useState('')
  const query = useQuery({ ...voucherQueries.detail(checked), enabled: checked !== '' })
  const isCurrent = checked === code && code !== ''
  return {
    code,
    check: () => setChecked(code),
    confirm: async () => {
      if (code === '') return { isKnown: true, description: null }
      setChecked(code)
      try {
        const voucher = await queryClient.fetchQuery(voucherQueries.detail(code))
        return { isKnown: voucher !== null, description: voucher?.description || null }
      } catch {
        return { isKnown: true, description: null }
      }
    },
    isChecking: isCurrent && query.isFetching,
    description: isCurrent && query.data ? query.data.description || 'A valid voucher.' : null,
    isUnknown: isCurrent && query.data === null,
    unknownMessage: `There is no voucher with the code “${code}”. Check it, or leave the field empty.`,
    failure: isCurrent && query.error ? query.error.message : null,
  }
}

/** The hint under the voucher field: what it is, then what the API said of the code. */
export function VoucherStatus({ check }: { check: VoucherCheck }) {
  return (
    <span role="status" aria-live="polite">
      {check.isChecking
        ? 'Checking the voucher…'
        : check.description
          ? `Voucher: ${check.description}`
          : check.failure
            ? `The voucher could not be checked: ${check.failure}`
            : 'A code you were given, e.g. for free credits. Checked when you leave the field.'}
    </span>
  )
}

// A credit budget as typed into the budget card, apart from ./credit-budget.ts's arithmetic: the
// locale-aware number reading (src/lib/parse-number.ts) loads with the form that takes the text,
// not with every page that draws the budget line (the usage page).
import { readNumber } from '../../../lib/parse-number'

/** The most decimals a budget takes: credits are billed to the cent. */
const BUDGET_DECIMALS = 2

/**
 * Reads a budget as typed, in the reader's locale (src/lib/parse-number.ts; `locale` for tests):
 * `{budget}` in credits, above 0 with at most two decimals, or `{problem}`, a sentence saying what
 * to type.
 */
export function readBudgetText(text: string, locale?: string): { budget: number } | { problem: string } {
  const reading = readNumber(text, { maxFractionDigits: BUDGET_DECIMALS }, locale)
  if (reading.status === 'problem') return { problem: reading.problem }
  if (reading.status === 'empty' || reading.value <= 0)
    return { problem: 'Enter a number of credits above 0, with at most two decimals.' }
  return { budget: reading.value }
}

/** {@link readBudgetText}'s budget, or null when the text is not one. */
export function parseBudget(text: string, locale?: string): number | null {
  const read = readBudgetText(text, locale)
  return 'budget' in read ? read.budget : null
}

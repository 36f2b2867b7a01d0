// The outcome of giving a new member their project roles, pair by pair.

/** One project role asked for in the add-member dialog. */
export interface Grant {
  project: string
  role: string
}

export type GrantResult = Grant & ({ ok: true } | { ok: false; error: string })

/** The pairs to send: blanks dropped, each project+role pair once. */
export function grantsToSend(pairs: readonly Grant[]): Grant[] {
  const seen = new Set<string>()
  return pairs.filter(({ project, role }) => {
    const key = `${project}\n${role}`
    if (!project || !role || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * The results after a retry: the earlier ones with each retried pair's new outcome in its place,
 * so what worked before is kept and never asked again.
 */
export function mergeResults(
  earlier: readonly GrantResult[],
  retried: readonly GrantResult[],
): GrantResult[] {
  const byPair = new Map(retried.map((result) => [`${result.project}\n${result.role}`, result]))
  return earlier.map((result) => byPair.get(`${result.project}\n${result.role}`) ?? result)
}

/** The pairs that failed and may be tried again. */
export const failedGrants = (results: readonly GrantResult[]): Grant[] =>
  results.filter((result) => !result.ok).map(({ project, role }) => ({ project, role }))

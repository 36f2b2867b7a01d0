// How long a list page takes to follow a keystroke in its search box: from the keydown event to
// the result count (the `[role="search"] [role="status"]` beside the box, rendered with the rows)
// changing, measured in the page itself.
import { expect, type Page } from '@playwright/test'

/**
 * Types `keys` (letters or 'Backspace') one at a time into the page's search box (a searchbox
 * whose name starts with "Search") and, for each key whose `timedKeys` entry is true (those that
 * change the count: the others cannot be seen to land), the milliseconds until the count changed.
 * With `staleSelector` (what marks a view still catching up with the typing, e.g. a dimmed
 * grid), until the count changed and nothing matches it any more: the whole page has followed.
 */
export async function measureKeystrokes(
  page: Page,
  keys: readonly string[],
  timedKeys: readonly boolean[],
  staleSelector?: string,
): Promise<number[]> {
  const search = page.getByRole('searchbox', { name: /^Search/ })
  await search.focus()
  await page.evaluate(() =>
    document.addEventListener(
      'keydown',
      (event) => ((window as unknown as { __keyAt: number }).__keyAt = event.timeStamp),
      true,
    ),
  )
  const times: number[] = []
  for (const [position, key] of keys.entries()) {
    if (!timedKeys[position]) {
      const before = await search.inputValue()
      const expected = key === 'Backspace' ? before.slice(0, -1) : before + key
      await page.keyboard.press(key)
      await expect(search).toHaveValue(expected)
      continue
    }
    await page.evaluate((stale) => {
      const status = document.querySelector('[role="search"] [role="status"]')!
      const before = status.textContent
      ;(window as unknown as { __updated: Promise<number> }).__updated = new Promise((resolve, reject) => {
        const observer = new MutationObserver(() => {
          if (status.textContent === before || (stale && document.querySelector(stale))) return
          observer.disconnect()
          resolve(performance.now())
        })
        observer.observe(stale ? document.body : status, {
          childList: true,
          characterData: true,
          subtree: true,
          attributes: Boolean(stale),
          ...(stale ? { attributeFilter: ['class'] } : {}),
        })
        setTimeout(() => reject(new Error(`the count stayed "${before}"`)), 10_000)
      })
    }, staleSelector ?? '')
    await page.keyboard.press(key)
    const updatedAt = await page.evaluate(
      () => (window as unknown as { __updated: Promise<number> }).__updated,
    )
    const keyAt = await page.evaluate(() => (window as unknown as { __keyAt: number }).__keyAt)
    times.push(updatedAt - keyAt)
  }
  return times
}

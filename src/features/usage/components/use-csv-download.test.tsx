import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ToastProvider } from '../../../components/ui/toast'
import { useCsvDownload } from './use-csv-download'

// The CSV writer's code failing to load, as after a redeploy: its chunk is gone.
vi.mock('../lib/usage-csv', () => {
  throw new Error('Failed to fetch dynamically imported module')
})

function DownloadButton({ write }: { write: () => { fileName: string; text: string } }) {
  const download = useCsvDownload()
  return <button onClick={() => download(write)}>Download CSV</button>
}

describe('useCsvDownload', () => {
  it('says what to do, and writes nothing, when the CSV writer does not load', async () => {
    const write = vi.fn(() => ({ fileName: 'usage.csv', text: 'a,b\n' }))
    render(
      <ToastProvider>
        <DownloadButton write={write} />
      </ToastProvider>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }))
    expect(
      await screen.findByText(
        'The CSV could not be made: its code did not load. Reload the page and try again.',
      ),
    ).toBeInTheDocument()
    expect(write).not.toHaveBeenCalled()
  })
})

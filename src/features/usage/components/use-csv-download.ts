import { useCallback } from 'react'
import { useToast } from '../../../components/ui/toast'
import { downloadText } from './download'

/** The CSV writer of the usage pages (lib/usage-csv.ts), as a module. */
export type CsvWriter = typeof import('../lib/usage-csv')

/** What a page saves: the file's name and its text (RFC 4180 CSV). */
export interface CsvFile {
  fileName: string
  text: string
}

/**
 * A Download CSV button's action: `download(write)` fetches the CSV writer, which stays off the
 * usage page's first download (most visits never save a CSV), calls `write` with it and saves the
 * file it returns. Should the writer's code not load (the app was redeployed since the page
 * opened, or the network is gone), an error toast says so and what to do; nothing is saved.
 */
export function useCsvDownload(): (write: (csv: CsvWriter) => CsvFile) => void {
  const toast = useToast()
  return useCallback(
    (write) => {
      import('../lib/usage-csv').then(
        (csv) => {
          const { fileName, text } = write(csv)
          downloadText(fileName, text)
        },
        () =>
          toast.show({
            tone: 'error',
            message: 'The CSV could not be made: its code did not load. Reload the page and try again.',
          }),
      )
    },
    [toast],
  )
}

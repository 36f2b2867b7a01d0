// The usage page's Download CSV button, for every level: the level's CSV of the model on screen,
// the days begun only (a running range's days to come hold no usage yet), with the range before
// beside it when comparing.
import type { UsageInterval } from '../../../api/types'
import type { IsoDate } from '../../../../domain/dates'
import { Button } from '../../../components/ui/button'
import { bucketsSoFar } from '../lib/usage-report'
import type { UsageLevel } from '../model/levels'
import type { UsageModel } from '../model/usage-model'
import type { UsageSubject } from '../queries'
import { useCsvDownload } from './use-csv-download'

interface CsvButtonProps {
  level: UsageLevel
  subject: UsageSubject
  interval: UsageInterval
  /** The model on screen. */
  model: UsageModel
  /** The range before's model, when comparing. */
  previous?: UsageModel | undefined
  /** Series keys hidden in a legend: left out. */
  hidden?: ReadonlySet<string>
  today: IsoDate
  disabled: boolean
}

/** The subject in a file's name: `acme`, or `acme-churn-acme` for a project. */
const subjectName = ({ organization, project }: UsageSubject) =>
  project === undefined ? organization : `${organization}-${project}`

export function CsvButton({
  level,
  subject,
  interval,
  model,
  previous,
  hidden,
  today,
  disabled,
}: CsvButtonProps) {
  const downloadCsv = useCsvDownload()
  return (
    <Button
      onClick={() =>
        downloadCsv(({ csvFileName, usageCsv }) => {
          return {
            fileName: csvFileName(
              level.fileWord,
              subjectName(subject),
              model.range,
              interval,
              previous !== undefined,
            ),
            text: usageCsv(level, bucketsSoFar(model, today), hidden, previous),
          }
        })
      }
      disabled={disabled}
    >
      Download CSV
    </Button>
  )
}

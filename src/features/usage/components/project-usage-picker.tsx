// The way into a project's usage from an organization level without a series of each project
// (2022: per metric): pick one of the organization's projects and open its usage with the view kept.
import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { Button } from '../../../components/ui/button'
import { SelectField } from '../../../components/ui/field'
import { projectQueries } from '../../projects/queries'

interface ProjectUsagePickerProps {
  organization: string
  /** The project's usage address, with the page's view. */
  partHref: (project: string) => string
}

/** A labelled select of the caller's projects and an Open button; nothing while they load or when there are none. */
export function ProjectUsagePicker({ organization, partHref }: ProjectUsagePickerProps) {
  const projects = useQuery(projectQueries.list(organization))
  const navigate = useNavigate()
  const [picked, setPicked] = useState('')
  const names = projects.data?.map((project) => project.name) ?? []
  if (names.length === 0) return null
  const chosen = names.includes(picked) ? picked : names[0]!

  function handleSubmit(event: FormEvent) {
    event.preventDefault()
    void navigate(partHref(chosen))
  }

  return (
    <form className="usage-project-picker" aria-label="A project’s usage" onSubmit={handleSubmit}>
      <SelectField label="Project" value={chosen} onChange={(event) => setPicked(event.target.value)}>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </SelectField>
      <Button type="submit">Open its usage</Button>
    </form>
  )
}

import { useState } from 'react'
import { useParams } from 'react-router'
import { useAdministrationRights } from '../../features/organizations/hooks/use-administration-rights'
import { ProjectsPage } from '../../features/projects/components/projects-page'
import { useProjectCreditOutlooks } from '../project-credit-outlooks'

export default function ProjectsRoute() {
  const name = useParams().name ?? ''
  const { canAdminister } = useAdministrationRights(name)
  // One clock per visit: projections and crossing days do not shift while the page is open.
  const [now] = useState(() => new Date())
  const { outlooks, budget } = useProjectCreditOutlooks(name, now)
  return (
    <ProjectsPage organization={name} canAdminister={canAdminister} outlooks={outlooks} budget={budget} />
  )
}

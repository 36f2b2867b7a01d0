import { useParams } from 'react-router'
import { useAdministrationRights } from '../../features/organizations/hooks/use-administration-rights'
import { ProjectsPage } from '../../features/projects/components/projects-page'

export default function ProjectsRoute() {
  const name = useParams().name ?? ''
  const { canAdminister } = useAdministrationRights(name)
  return <ProjectsPage organization={name} canAdminister={canAdminister} />
}

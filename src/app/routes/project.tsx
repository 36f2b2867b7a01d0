import { useParams } from 'react-router'
import { useAdministrationRights } from '../../features/organizations/hooks/use-administration-rights'
import { ProjectPage } from '../../features/projects/components/project-page'

export default function ProjectRoute() {
  const { name = '', project = '' } = useParams()
  const { canAdminister } = useAdministrationRights(name)
  return <ProjectPage key={project} organization={name} project={project} canAdminister={canAdminister} />
}

import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { Resources } from '../../../api/model'
import { QueryView, Skeleton } from '../../../components/ui/query-state'
import { paths } from '../../../lib/paths'
import { organizationQueries } from '../queries'
import { formatCount } from '../../../lib/format-number'

const RESOURCES: { key: keyof Resources; label: string }[] = [
  { key: 'projects', label: 'Projects' },
  { key: 'users', label: 'Users' },
  { key: 'deployments', label: 'Deployments' },
  { key: 'deployment_versions', label: 'Deployment versions' },
  { key: 'pipelines', label: 'Pipelines' },
  { key: 'pipeline_versions', label: 'Pipeline versions' },
  // Current generation only (client 3.13 and 3.16): shown when the API counts them.
  { key: 'buckets', label: 'Buckets' },
  { key: 'environments', label: 'Environments' },
]

/** The resource counts the API gives, as cards; "Users" leads to the members page. */
export function ResourceCards({ name }: { name: string }) {
  const resources = useQuery(organizationQueries.resources(name))
  return (
    <section aria-labelledby="resources-heading" className="stack-sm">
      <h2 id="resources-heading">Resources</h2>
      <QueryView
        query={resources}
        pendingLabel="Loading resource counts"
        pending={
          <ul className="card-grid">
            {RESOURCES.slice(0, 6).map(({ key }) => (
              <li key={key} className="ui-card stack-sm">
                <Skeleton width="60%" />
                <Skeleton width="40%" height="2rem" />
              </li>
            ))}
          </ul>
        }
        errorTitle="Could not load the resource counts"
      >
        {(counts) => (
          <ul className="card-grid">
            {RESOURCES.flatMap(({ key, label }) => {
              const count = counts[key]
              if (count === undefined) return []
              return [
                <li key={key}>
                  <div className="ui-card stat-card">
                    <span className="muted">{label}</span>
                    <span className="stat-card__value">{formatCount(count)}</span>
                    {key === 'users' && (
                      <Link to={paths.members(name)}>
                        See members<span className="visually-hidden"> of {name}</span>
                      </Link>
                    )}
                  </div>
                </li>,
              ]
            })}
          </ul>
        )}
      </QueryView>
    </section>
  )
}

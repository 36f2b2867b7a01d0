import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { readCredential, type Credential } from '../../api/auth-token'
import { requestAnswer } from '../../api/answers'
import { apiRequest, segment } from '../../api/client'
import type { Member, MemberCreate, OrganizationDetail } from '../../api/types'
import { userQueries } from '../auth/queries'
import { organizationQueries } from '../organizations/queries'
import { projectQueries } from '../projects/queries'
import { createLimiter } from '../../lib/limiter'
import { scheduleRemoval } from './pending-removals'

export const memberQueries = {
  all: (organization: string) => ['organizations', organization, 'members'] as const,
  list: (organization: string) =>
    queryOptions({
      queryKey: [...memberQueries.all(organization), 'list'] as const,
      queryFn: ({ signal }) =>
        requestAnswer('memberList', `/organizations/${segment(organization)}/users`, { signal }),
    }),
  detail: (organization: string, userId: string) =>
    queryOptions({
      queryKey: [...memberQueries.all(organization), 'detail', userId] as const,
      queryFn: ({ signal }) =>
        requestAnswer('member', `/organizations/${segment(organization)}/users/${segment(userId)}`, {
          signal,
        }),
    }),
}

const usersPath = (organization: string) => `/organizations/${segment(organization)}/users`
const userPath = (organization: string, userId: string) => `${usersPath(organization)}/${segment(userId)}`

/** POST users: adds one member. Used by the single form and, row by row, by the bulk import. */
export function addMember(organization: string, body: MemberCreate, signal?: AbortSignal): Promise<Member> {
  return requestAnswer('member', usersPath(organization), { method: 'POST', body, signal })
}

/**
 * Everything that shows who is in the organization: the members, the resource counts (users), the
 * admin right, and the projects' users and roles (a removed member leaves every project).
 */
export async function invalidateMembership(queryClient: QueryClient, organization: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: memberQueries.all(organization) }),
    queryClient.invalidateQueries({ queryKey: organizationQueries.resources(organization).queryKey }),
    // A role change may be the caller's own: the settings page asks again whether they are admin.
    queryClient.invalidateQueries({ queryKey: organizationQueries.adminRights(organization) }),
    queryClient.invalidateQueries({ queryKey: projectQueries.all(organization) }),
  ])
}

/** Puts members into the cached list at once, so their rows are there before the refetch lands. */
export function insertIntoList(queryClient: QueryClient, organization: string, ...added: Member[]): void {
  queryClient.setQueryData(memberQueries.list(organization).queryKey, (members) => {
    if (!members) return members
    const known = new Set(members.map((member) => member.id))
    const fresh = added.filter((member) => !known.has(member.id))
    return fresh.length ? [...members, ...fresh] : members
  })
}

export function useAddMember(organization: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: MemberCreate) => addMember(organization, body),
    onSuccess: async (member) => {
      insertIntoList(queryClient, organization, member)
      await invalidateMembership(queryClient, organization)
    },
  })
}

function setAdmin(queryClient: QueryClient, organization: string, userId: string, admin: boolean) {
  queryClient.setQueryData(memberQueries.list(organization).queryKey, (members) =>
    members?.map((member) => (member.id === userId ? { ...member, admin } : member)),
  )
  queryClient.setQueryData(memberQueries.detail(organization, userId).queryKey, (member) =>
    member ? { ...member, admin } : member,
  )
}

/**
 * PATCH admin, optimistically: the row changes at once. On refusal only this member's flag is
 * put back (a snapshot of the whole list would undo other changes made meanwhile), and the
 * refetch afterwards shows the truth, e.g. when another admin acted at the same time.
 */
export function useUpdateMemberRole(organization: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ member, admin }: { member: Member; admin: boolean }) =>
      requestAnswer('member', userPath(organization, member.id), { method: 'PATCH', body: { admin } }),
    onMutate: async ({ member, admin }) => {
      await queryClient.cancelQueries({ queryKey: memberQueries.all(organization) })
      setAdmin(queryClient, organization, member.id, admin)
    },
    onError: (_error, { member }) => setAdmin(queryClient, organization, member.id, member.admin),
    onSettled: () => invalidateMembership(queryClient, organization),
  })
}

/** What a bulk role change did: the members it changed, and those it could not (with the first reason). */
export interface RoleChangeResult {
  changed: Member[]
  failed: Member[]
  firstError: unknown
}

/**
 * PATCH admin of many members, at most 4 requests at a time, optimistically: every row changes at
 * once, and each refused one alone is put back. `members` as they were before the change; those
 * already in the role are not sent. The caller checks the last-admin rule (domain/members.ts)
 * first; the server checks it again for each request.
 */
export function useUpdateMemberRoles(organization: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ members, admin }: { members: readonly Member[]; admin: boolean }) => {
      const toChange = members.filter((member) => member.admin !== admin)
      const limiter = createLimiter(4)
      const results = await Promise.allSettled(
        toChange.map((member) =>
          limiter.run(() =>
            requestAnswer('member', userPath(organization, member.id), { method: 'PATCH', body: { admin } }),
          ),
        ),
      )
      const result: RoleChangeResult = { changed: [], failed: [], firstError: null }
      toChange.forEach((member, index) => {
        const settled = results[index]!
        if (settled.status === 'fulfilled') result.changed.push(member)
        else {
          result.failed.push(member)
          result.firstError ??= settled.reason ?? null
        }
      })
      return result
    },
    onMutate: async ({ members, admin }) => {
      await queryClient.cancelQueries({ queryKey: memberQueries.all(organization) })
      for (const member of members) setAdmin(queryClient, organization, member.id, admin)
    },
    onSuccess: ({ failed }) => {
      for (const member of failed) setAdmin(queryClient, organization, member.id, member.admin)
    },
    onError: (_error, { members }) => {
      for (const member of members) setAdmin(queryClient, organization, member.id, member.admin)
    },
    onSettled: () => invalidateMembership(queryClient, organization),
  })
}

/**
 * The name an organization has now, found by its id among the cached details: a rename (which
 * moves the cache to the new name) may come while a removal waits out its undo window, and the
 * removal must then go to the new address.
 */
export function currentOrganizationName(
  queryClient: QueryClient,
  organizationId: string,
): string | undefined {
  const details = queryClient.getQueriesData<OrganizationDetail>({ queryKey: organizationQueries.all() })
  for (const [key, data] of details)
    if (key.at(-1) === 'detail' && data?.id === organizationId) return data.name
  return undefined
}

/**
 * Schedules the DELETE of `member` behind the undo window (pending-removals.ts; undoRemoval()
 * cancels it). The removal is this admin's, confirmed now: it is sent with their credential even
 * if the tab signs out, or someone else signs in, before the window ends; and to the
 * organization's name at that time (a rename may come meanwhile). `run` sends it (a limiter's, for
 * many at once); `onError` hears a refusal, after the row has come back.
 */
export function scheduleMemberRemoval(
  queryClient: QueryClient,
  organization: string,
  member: Member,
  {
    onError,
    run = (send) => send(),
  }: { onError: (error: unknown) => void; run?: (send: () => Promise<void>) => Promise<void> },
): void {
  const credential = readCredential() ?? undefined
  const organizationId = queryClient.getQueryData(organizationQueries.detail(organization).queryKey)?.id
  scheduleRemoval(organization, member.id, () => {
    const sendTo = (organizationId && currentOrganizationName(queryClient, organizationId)) || organization
    run(() => removeMember(queryClient, sendTo, member, credential)).catch(onError)
  })
}

/**
 * DELETE a member: the request behind the undo toast, sent when the undo window ends. A plain
 * function rather than a hook because it must still run after the page that scheduled it is
 * gone (the admin may navigate away during the window). The row leaves the cached list first,
 * and comes back if the API refuses.
 */
export async function removeMember(
  queryClient: QueryClient,
  organization: string,
  member: Member,
  credential?: Credential,
): Promise<void> {
  const listKey = memberQueries.list(organization).queryKey
  const dropRow = () =>
    queryClient.setQueryData(listKey, (members) => members?.filter((existing) => existing.id !== member.id))
  // Drop it now (no flicker) and again after cancelling a refetch, whose revert may restore it.
  dropRow()
  try {
    await queryClient.cancelQueries({ queryKey: listKey })
    dropRow()
    // keepalive: when the tab closes during the undo window the removal is sent as it goes
    // (pending-removals.ts), and must not be cancelled with the page.
    // The answer is empty (204): nothing is read, so nothing to check.
    await apiRequest(userPath(organization, member.id), {
      method: 'DELETE',
      keepalive: true,
      credential,
    })
    queryClient.removeQueries({ queryKey: memberQueries.detail(organization, member.id).queryKey })
    // Having removed yourself, the organization is no longer yours: the list and switcher must say so.
    if (queryClient.getQueryData(userQueries.me().queryKey)?.id === member.id)
      await queryClient.invalidateQueries({ queryKey: organizationQueries.lists() })
  } catch (error) {
    insertIntoList(queryClient, organization, member)
    throw error
  } finally {
    await invalidateMembership(queryClient, organization)
  }
}

import { api, call } from '../../../api/client.ts';
import type { Membership } from '../../../api/types.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { type Application, LIVE_STATUSES } from '../processes/types.ts';

/** An organization's applications to one process, newest last, as the API lists them. */
export type OwnApplications = Map<string, Application[]>;

/**
 * The applications of each of the given organizations to the process. People see their own
 * organizations' applications whatever their status, so this tells them where they stand.
 */
export function useOwnApplications(processId: string, memberships: readonly Membership[]) {
  const organizationIds = memberships.map((membership) => membership.organizationId).sort();
  const key =
    organizationIds.length > 0 ? `own-applications:${processId}:${organizationIds.join(',')}` : null;
  return useQuery<OwnApplications>(key, async () => {
    const pages = await Promise.all(
      organizationIds.map((organizationId) =>
        call(
          api.GET('/api/v1/participation/processes/{id}/applications', {
            params: { path: { id: processId }, query: { organizationId, limit: 200 } },
          }),
        ),
      ),
    );
    return new Map(
      organizationIds.map((organizationId, index) => [organizationId, pages[index]?.items ?? []]),
    );
  });
}

/** The application that decides the organization's standing: the live one, else the latest. */
export function currentApplicationOf(
  applications: readonly Application[] | undefined,
): Application | undefined {
  if (!applications || applications.length === 0) return undefined;
  return (
    applications.find((application) => LIVE_STATUSES.includes(application.status)) ?? applications.at(-1)
  );
}

export const isAccreditedIn = (applications: readonly Application[] | undefined): boolean =>
  applications?.some((application) => application.status === 'accredited') ?? false;

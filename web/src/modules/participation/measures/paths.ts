import type { ProposalKind } from './types.ts';

/** Addresses of the CBM repository's pages. */

export const measuresPath = (filters: { source?: string; norm?: string } = {}) => {
  const query = new URLSearchParams();
  if (filters.source) query.set('source', filters.source);
  if (filters.norm) query.set('norm', filters.norm);
  const search = query.toString();
  return `/participation/measures${search ? `?${search}` : ''}`;
};

export const measurePath = (measureId: string) => `/participation/measures/${encodeURIComponent(measureId)}`;

export const proposePath = (options: { kind?: ProposalKind; measureId?: string } = {}) => {
  const query = new URLSearchParams();
  if (options.kind) query.set('kind', options.kind);
  if (options.measureId) query.set('measureId', options.measureId);
  const search = query.toString();
  return `/participation/measures/propose${search ? `?${search}` : ''}`;
};

export const proposalsPath = () => '/participation/measures/proposals';

/** The anchor of the "other fora" section on the repository page. */
export const OTHER_FORA_ANCHOR = 'other-fora';

export const contributorPath = (organizationId: string) =>
  `/participation/contributors/${encodeURIComponent(organizationId)}`;

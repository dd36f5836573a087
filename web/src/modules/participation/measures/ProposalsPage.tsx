import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useToast } from '../../../app/toasts.tsx';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, Button, ButtonLink, PageHeader, type TabItem, Tabs } from '../../../ui/index.ts';
import { ParticipationBreadcrumb } from '../processes/ParticipationBreadcrumb.tsx';
import { isolate } from './bidi.ts';
import { type ModerationDecision, ModerationDialog } from './ModerationDialog.tsx';
import { ProposalItem } from './ProposalItem.tsx';
import { measuresPath, proposePath } from './paths.ts';
import type { MeasureSummary, Proposal } from './types.ts';
import { isModerator, proposingMemberships } from './viewer.ts';
import './measures.css';

const TABS = ['queue', 'own'] as const;
type TabId = (typeof TABS)[number];

/**
 * /participation/measures/proposals: what the user's organizations proposed and what became of it;
 * for the secretariat, the queue of proposals waiting for a decision.
 */
export function ProposalsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  usePageTitle(t('measures.proposals.title'));
  const measures = useMeasureIndex();
  const canModerate = isModerator(user);
  const canPropose = proposingMemberships(user).length > 0;

  const requested = searchParams.get('tab');
  const selectedTab: TabId = canModerate ? (requested === 'own' ? 'own' : 'queue') : 'own';
  const own = <OwnProposals measures={measures} />;

  return (
    <>
      <ParticipationBreadcrumb items={[{ to: measuresPath(), label: t('measures.title') }]} />
      <PageHeader
        title={t('measures.proposals.title')}
        description={canModerate ? t('measures.proposals.introModerator') : t('measures.proposals.intro')}
        actions={canPropose && <ButtonLink to={proposePath()}>{t('measures.propose')}</ButtonLink>}
      />
      {canModerate ? (
        <Tabs
          label={t('measures.proposals.tabsLabel')}
          tabs={TABS.map((id): TabItem => ({ id, label: t(`measures.proposals.tabs.${id}`) }))}
          selectedId={selectedTab}
          onSelect={(id) => setSearchParams(id === 'queue' ? {} : { tab: id }, { replace: true })}
        >
          {selectedTab === 'queue' ? <ModerationQueue measures={measures} /> : own}
        </Tabs>
      ) : (
        own
      )}
    </>
  );
}

/** Measure titles for the examples in the lists: one request for the whole repository. */
function useMeasureIndex(): ReadonlyMap<string, MeasureSummary> {
  const measures = useQuery('measures:all', () => call(api.GET('/api/v1/participation/measures')));
  return new Map((measures.data?.items ?? []).map((measure) => [measure.id, measure]));
}

function OwnProposals({ measures }: { measures: ReadonlyMap<string, MeasureSummary> }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const ownIds = new Set(user.memberships.map((membership) => membership.organizationId));
  // The list also holds everyone's accepted proposals (and everything, for the secretariat): keep our
  // own, reading on while a page has none of them so that "nothing yet" is only said when it is true.
  const list = usePagedList(`measure-proposals:own:${user.id}`, async (cursor) => {
    let next = cursor;
    for (;;) {
      const page = await call(
        api.GET('/api/v1/participation/measure-proposals', {
          params: { query: { cursor: next, limit: 100 } },
        }),
      );
      const items = page.items.filter((proposal) => ownIds.has(proposal.organization.id));
      if (items.length > 0 || page.nextCursor === null) return { items, nextCursor: page.nextCursor };
      next = page.nextCursor;
    }
  });
  return (
    <section className="cg-stack" aria-label={t('measures.proposals.tabs.own')}>
      <PagedListView
        list={list}
        loadingStyle="inline"
        emptyTitle={t('measures.proposals.ownEmpty')}
        emptyText={t('measures.proposals.ownEmptyHint')}
      >
        <ul className="cg-cbm-proposals">
          {list.items.map((proposal) => (
            <ProposalItem
              key={proposal.id}
              proposal={proposal}
              measure={proposal.measureId ? measures.get(proposal.measureId) : undefined}
            />
          ))}
        </ul>
      </PagedListView>
    </section>
  );
}

function ModerationQueue({ measures }: { measures: ReadonlyMap<string, MeasureSummary> }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const toast = useToast();
  const [pending, setPending] = useState<{ proposal: Proposal; decision: ModerationDecision }>();
  const queue = usePagedList('measure-proposals:queue', (cursor) =>
    call(
      api.GET('/api/v1/participation/measure-proposals', {
        params: { query: { status: 'submitted', cursor } },
      }),
    ),
  );
  return (
    <section className="cg-stack" aria-label={t('measures.proposals.tabs.queue')}>
      {!user.hasTotp && <Alert tone="warning">{t('measures.moderation.needsTotp')}</Alert>}
      <p className="cg-muted">{t('measures.moderation.intro')}</p>
      <PagedListView list={queue} loadingStyle="inline" emptyTitle={t('measures.moderation.empty')}>
        <ul className="cg-cbm-proposals">
          {queue.items.map((proposal) => (
            <ProposalItem
              key={proposal.id}
              proposal={proposal}
              measure={proposal.measureId ? measures.get(proposal.measureId) : undefined}
              actions={
                <>
                  <Button size="small" onClick={() => setPending({ proposal, decision: 'accept' })}>
                    {t('measures.moderation.accept')}
                    <span className="cg-visually-hidden">: {proposal.title}</span>
                  </Button>
                  <Button
                    size="small"
                    variant="danger"
                    onClick={() => setPending({ proposal, decision: 'reject' })}
                  >
                    {t('measures.moderation.reject')}
                    <span className="cg-visually-hidden">: {proposal.title}</span>
                  </Button>
                </>
              }
            />
          ))}
        </ul>
      </PagedListView>
      <ModerationDialog
        proposal={pending?.proposal}
        decision={pending?.decision ?? 'accept'}
        onClose={() => setPending(undefined)}
        onDone={(decided) => {
          setPending(undefined);
          queue.updateItems((items) => items.filter((item) => item.id !== decided.id));
          toast(
            decided.status === 'accepted'
              ? t('measures.moderation.accepted', { title: isolate(decided.title) })
              : t('measures.moderation.rejected', { title: isolate(decided.title) }),
          );
        }}
      />
    </section>
  );
}

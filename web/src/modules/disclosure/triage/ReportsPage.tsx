import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/auth.tsx';
import { DateTime } from '../../../lib/dates.tsx';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Checkbox, PageHeader, Select, Table, Tabs } from '../../../ui/index.ts';
import {
  OutcomeBadge,
  OverdueBadge,
  PriorityBadge,
  StatusBadge,
  useScoreFormat,
  useTriageLabels,
} from './labels.tsx';
import { type QueueTab, reportPath } from './paths.ts';
import { listProgramsOf, listReports } from './triageApi.ts';
import {
  PRIORITIES,
  type Priority,
  REPORT_STATUSES,
  type ReportQuery,
  type ReportStatus,
  type ReportSummary,
} from './types.ts';
import './triage.css';

/** A query parameter if it is one of the codes, else '' (no filter). */
function oneOf<T extends string>(codes: readonly T[], value: string | null): T | '' {
  return codes.find((code) => code === value) ?? '';
}

/** /disclosure/reports: the queue of the reader's organizations' programs, and the reports they sent. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const labels = useTriageLabels();
  const [searchParams, setSearchParams] = useSearchParams();
  const triageOrgIds = useMemo(
    () => (user?.memberships ?? []).filter((m) => m.isOrgVerified).map((m) => m.organizationId),
    [user],
  );
  // Someone in no verified organization has no queue to work: they start with the reports they sent.
  const tabParam = searchParams.get('tab');
  const tab: QueueTab =
    tabParam === 'mine' || (tabParam !== 'queue' && triageOrgIds.length === 0) ? 'mine' : 'queue';
  const status = oneOf<ReportStatus>(REPORT_STATUSES, searchParams.get('status'));
  const priority = oneOf<Priority>(PRIORITIES, searchParams.get('priority'));
  const programId = searchParams.get('program') ?? '';
  const isAssignedToMe = searchParams.get('assigned') === 'me';
  usePageTitle(t('triage.queue.title'));

  const programs = useQuery(tab === 'queue' ? `triage-programs:${triageOrgIds.join(',')}` : null, () =>
    listProgramsOf(triageOrgIds),
  );

  const query: ReportQuery =
    tab === 'mine'
      ? { mine: true, ...(status ? { status } : {}) }
      : {
          ...(status ? { status } : {}),
          ...(priority ? { priority } : {}),
          ...(programId ? { programId } : {}),
          ...(isAssignedToMe && user ? { assigneeUserId: user.id } : {}),
        };
  const list = usePagedList(`triage-reports:${JSON.stringify(query)}`, (cursor) =>
    listReports(query, cursor),
  );

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearchParams(next, { replace: true });
  };
  const selectTab = (id: string) =>
    setSearchParams({ tab: id === 'mine' ? 'mine' : 'queue' }, { replace: true });

  // Programs of the reader's organizations, and any other program the queue shows.
  const programOptions = useMemo(() => {
    const byId = new Map<string, string>();
    const hasSeveralOrgs = new Set((programs.data ?? []).map((p) => p.orgId)).size > 1;
    for (const program of programs.data ?? []) {
      byId.set(program.id, hasSeveralOrgs ? `${program.name} (${program.orgName})` : program.name);
    }
    for (const item of list.items) if (!byId.has(item.programId)) byId.set(item.programId, item.programName);
    return [...byId]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [programs.data, list.items]);

  const isFiltered = Boolean(status || priority || programId || isAssignedToMe);

  return (
    <>
      <PageHeader title={t('triage.queue.title')} description={t('triage.queue.intro')} />
      <Tabs
        label={t('triage.queue.tabsLabel')}
        tabs={[
          { id: 'queue', label: t('triage.queue.tabQueue') },
          { id: 'mine', label: t('triage.queue.tabMine') },
        ]}
        selectedId={tab}
        onSelect={selectTab}
      >
        <div className="cg-stack cg-triage-tab-panel">
          <div className="cg-triage-filters">
            {tab === 'queue' && (
              <Select
                label={t('triage.queue.program')}
                value={programId}
                onChange={(value) => setParam('program', value)}
                emptyOption={t('common.any')}
                options={programOptions}
              />
            )}
            <Select
              label={t('triage.queue.status')}
              value={status}
              onChange={(value) => setParam('status', value)}
              emptyOption={t('common.any')}
              options={REPORT_STATUSES.map((code) => ({ value: code, label: labels.status(code) }))}
            />
            {tab === 'queue' && (
              <>
                <Select
                  label={t('triage.queue.priority')}
                  value={priority}
                  onChange={(value) => setParam('priority', value)}
                  emptyOption={t('common.any')}
                  options={PRIORITIES.map((code) => ({ value: code, label: labels.priority(code) }))}
                />
                <Checkbox
                  className="cg-triage-filter-check"
                  label={t('triage.queue.assignedToMe')}
                  checked={isAssignedToMe}
                  onChange={(checked) => setParam('assigned', checked ? 'me' : '')}
                />
              </>
            )}
          </div>
          <PagedListView
            list={list}
            loadingStyle="inline"
            emptyTitle={tab === 'queue' ? t('triage.queue.emptyQueue') : t('triage.queue.emptyMine')}
            emptyText={isFiltered ? t('triage.queue.emptyFiltered') : undefined}
          >
            <ReportTable tab={tab} items={list.items} />
          </PagedListView>
        </div>
      </Tabs>
    </>
  );
}

/** The report's title, its product, or what stands in for them while it is encrypted and untitled. */
export function ReportName({ title, isEncrypted }: { title: string | null; isEncrypted: boolean }) {
  const { t } = useTranslation();
  if (title) return <bdi dir="auto">{title}</bdi>;
  return <span>{isEncrypted ? t('triage.encryptedReport') : t('triage.untitledReport')}</span>;
}

function ReportTable({ tab, items }: { tab: QueueTab; items: ReportSummary[] }) {
  const { t } = useTranslation();
  const formatScore = useScoreFormat();
  const isQueue = tab === 'queue';
  const columns = [
    t('triage.queue.columns.report'),
    t('triage.queue.columns.program'),
    t('triage.queue.columns.status'),
    ...(isQueue
      ? [t('triage.queue.columns.priority'), t('triage.queue.columns.ssvc'), t('triage.queue.columns.cvss')]
      : []),
    t('triage.queue.columns.received'),
  ];
  return (
    <Table
      caption={isQueue ? t('triage.queue.tabQueue') : t('triage.queue.tabMine')}
      isCaptionHidden
      columns={columns}
    >
      {items.map((item) => (
        <tr key={item.id}>
          <td>
            <div className="cg-stack-tight">
              <Link to={reportPath(item.id)} className="cg-triage-report-link">
                <ReportName title={item.title} isEncrypted={item.isEncrypted} />
              </Link>
              <span className="cg-small cg-muted cg-cluster cg-triage-row-meta">
                <code className="cg-triage-id">{item.id}</code>
                {item.product && <bdi dir="auto">{item.product}</bdi>}
                {item.isEncrypted && item.title && <span>{t('triage.encryptedMark')}</span>}
              </span>
            </div>
          </td>
          <td>
            <bdi>{item.programName}</bdi>
          </td>
          <td>
            <span className="cg-stack-tight cg-triage-status-cell">
              <StatusBadge status={item.status} />
              {isQueue && item.isAcknowledgeOverdue && <OverdueBadge />}
            </span>
          </td>
          {isQueue && (
            <>
              <td>
                <PriorityBadge priority={item.priority} />
              </td>
              <td>
                {item.triageOutcome ? (
                  <OutcomeBadge kind="triage" outcome={item.triageOutcome} />
                ) : (
                  <span className="cg-muted">{t('triage.notDecided')}</span>
                )}
              </td>
              <td className="cg-triage-number">
                {item.cvssScore !== null ? formatScore(item.cvssScore) : <span className="cg-muted">—</span>}
              </td>
            </>
          )}
          <td>
            <DateTime value={item.createdAt} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

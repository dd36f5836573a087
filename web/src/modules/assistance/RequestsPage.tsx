import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DateTime } from '../../lib/dates.tsx';
import { PagedListView } from '../../lib/PagedListView.tsx';
import { useNow } from '../../lib/useNow.ts';
import { usePagedList } from '../../lib/usePagedList.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Button, ButtonLink, PageHeader, Select, Table, Tabs, TextField, TlpBadge } from '../../ui/index.ts';
import { exportCsvUrl, listRequests } from './assistanceApi.ts';
import { Deadline, StatusBadge } from './badges.tsx';
import { useCodeLabels } from './codes.ts';
import { newRequestPath, requestPath } from './paths.ts';
import { type Box, MESSAGE_TYPES, REQUEST_STATUSES, type RequestSummary } from './types.ts';
import './assistance.css';

/** /requests: requests received by the reader's organizations (inbox) and sent by them (outbox). */
export function RequestsPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const box: Box = searchParams.get('box') === 'outbox' ? 'outbox' : 'inbox';
  const status = oneOf(REQUEST_STATUSES, searchParams.get('status'));
  const type = oneOf(MESSAGE_TYPES, searchParams.get('type'));
  const q = searchParams.get('q') ?? '';
  const [query, setQuery] = useState(q);
  const { label } = useCodeLabels();
  usePageTitle(t('assistance.listTitle'));

  const list = usePagedList(`assistance:${box}:${status}:${type}:${q}`, (cursor) =>
    listRequests({ box, status, type, q }, cursor),
  );

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearchParams(next, { replace: true });
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setParam('q', query.trim());
  };

  return (
    <>
      <PageHeader
        title={t('assistance.listTitle')}
        description={t('assistance.listIntro')}
        actions={<ButtonLink to={newRequestPath()}>{t('assistance.newRequest')}</ButtonLink>}
      />
      <Tabs
        label={t('assistance.boxesLabel')}
        tabs={[
          { id: 'inbox', label: t('assistance.inbox') },
          { id: 'outbox', label: t('assistance.outbox') },
        ]}
        selectedId={box}
        onSelect={(id) => setParam('box', id === 'outbox' ? 'outbox' : '')}
      >
        <div className="cg-stack cg-rfa-tab-panel">
          <form className="cg-rfa-filters" onSubmit={onSearch}>
            <TextField
              label={t('assistance.filters.search')}
              type="search"
              value={query}
              onChange={setQuery}
              maxLength={100}
              dir="auto"
            />
            <Select
              label={t('assistance.filters.status')}
              value={status}
              onChange={(value) => setParam('status', value)}
              emptyOption={t('common.any')}
              options={REQUEST_STATUSES.map((code) => ({
                value: code,
                label: label('requestStatuses', code),
              }))}
            />
            <Select
              label={t('assistance.filters.type')}
              value={type}
              onChange={(value) => setParam('type', value)}
              emptyOption={t('common.any')}
              options={MESSAGE_TYPES.map((code) => ({ value: code, label: label('messageTypes', code) }))}
            />
            <div className="cg-cluster">
              <Button type="submit" variant="secondary">
                {t('common.search')}
              </Button>
              <a className="cg-rfa-export" href={exportCsvUrl({ box, status, type, q })} download>
                {t('assistance.exportCsv')}
              </a>
            </div>
          </form>
          <PagedListView
            list={list}
            loadingStyle="inline"
            emptyTitle={box === 'inbox' ? t('assistance.emptyInbox') : t('assistance.emptyOutbox')}
            emptyText={q || status || type ? t('assistance.emptyFiltered') : undefined}
          >
            <RequestTable box={box} items={list.items} />
          </PagedListView>
        </div>
      </Tabs>
    </>
  );
}

/** A query parameter if it is one of the codes, else '' (no filter). */
function oneOf<T extends string>(codes: readonly T[], value: string | null): T | '' {
  return codes.find((code) => code === value) ?? '';
}

function RequestTable({ box, items }: { box: Box; items: RequestSummary[] }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const now = useNow();
  return (
    <Table
      caption={box === 'inbox' ? t('assistance.inbox') : t('assistance.outbox')}
      isCaptionHidden
      columns={[
        t('assistance.columns.request'),
        box === 'inbox' ? t('assistance.columns.from') : t('assistance.columns.to'),
        t('assistance.columns.status'),
        t('assistance.columns.acknowledgeBy'),
        t('assistance.columns.respondBy'),
        t('assistance.columns.sent'),
      ]}
    >
      {items.map((item) => {
        const isAckOverdue = item.isAcknowledgeOverdue;
        const isResponseOverdue = item.isResponseOverdue;
        const isClosed = Boolean(item.closedAt);
        return (
          <tr key={item.id}>
            <td>
              <div className="cg-stack-tight">
                <span className="cg-cluster cg-rfa-row-meta">
                  <TlpBadge label={item.tlp} />
                  <span className="cg-small cg-muted">{label('messageTypes', item.type)}</span>
                </span>
                <Link to={requestPath(item.id)} dir="auto">
                  {item.title}
                </Link>
              </div>
            </td>
            <td>
              {box === 'inbox' ? (
                <bdi>{item.senderOrg.name}</bdi>
              ) : (
                <ul className="cg-rfa-plain-list">
                  {item.recipients.map((recipient) => (
                    <li key={recipient.org.id}>
                      <bdi>{recipient.org.name}</bdi>
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td>
              {isClosed ? (
                <StatusBadge status="closed" />
              ) : (
                <ul className="cg-rfa-plain-list">
                  {item.recipients.map((recipient) =>
                    recipient.status ? (
                      <li key={recipient.org.id}>
                        <StatusBadge status={recipient.status} />
                        {box === 'outbox' && item.recipients.length > 1 && (
                          <span className="cg-visually-hidden"> {recipient.org.name}</span>
                        )}
                      </li>
                    ) : null,
                  )}
                </ul>
              )}
            </td>
            <td>
              <Deadline value={item.acknowledgeBy} isOverdue={!isClosed && isAckOverdue} now={now} />
            </td>
            <td>
              <Deadline value={item.respondBy} isOverdue={!isClosed && isResponseOverdue} now={now} />
            </td>
            <td>
              <DateTime value={item.createdAt} />
            </td>
          </tr>
        );
      })}
    </Table>
  );
}

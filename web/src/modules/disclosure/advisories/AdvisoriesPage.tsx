import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../../../lib/dates.tsx';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { Card, PageHeader, Table } from '../../../ui/index.ts';
import { FEED_URL, listAdvisories, PROVIDER_METADATA_URL } from './advisoriesApi.ts';
import { AdvisoryStatusBadge } from './labels.tsx';
import { advisoryPath } from './paths.ts';
import type { AdvisorySummary } from './types.ts';
import './advisories.css';

/**
 * /advisories: the published advisories, for anyone, newest first; the coordinators' own unpublished ones
 * above them. The same list is an Atom feed and, as CSAF 2.0, a trusted-provider directory.
 */
export function AdvisoriesPage() {
  const { t } = useTranslation();
  usePageTitle(t('advisories.list.title'));
  const [unpublished, setUnpublished] = useState<AdvisorySummary[]>([]);
  const list = usePagedList('advisories', async (cursor) => {
    const page = await listAdvisories(cursor);
    // The coordinators' unpublished advisories come with the first page only.
    if (!cursor) setUnpublished(page.unpublished);
    return page;
  });

  return (
    <>
      <PageHeader
        title={t('advisories.list.title')}
        description={t('advisories.list.description')}
        actions={
          <>
            <a href={FEED_URL} className="cg-adv-feed-link" type="application/atom+xml">
              {t('advisories.list.feed')}
            </a>
            <a href={PROVIDER_METADATA_URL} type="application/json">
              {t('advisories.list.providerMetadata')}
            </a>
          </>
        }
      />
      <div className="cg-stack">
        {unpublished.length > 0 && (
          <Card
            title={t('advisories.list.unpublishedTitle')}
            description={t('advisories.list.unpublishedHint')}
          >
            <AdvisoryTable
              items={unpublished}
              caption={t('advisories.list.unpublishedTitle')}
              isUnpublished
            />
          </Card>
        )}
        <Card title={t('advisories.list.publishedTitle')}>
          <PagedListView
            list={list}
            emptyTitle={t('advisories.list.empty')}
            emptyText={t('advisories.list.emptyHint')}
            loadingStyle="inline"
          >
            <AdvisoryTable items={list.items} caption={t('advisories.list.publishedTitle')} />
          </PagedListView>
        </Card>
      </div>
    </>
  );
}

function AdvisoryTable({
  items,
  caption,
  isUnpublished = false,
}: {
  items: readonly AdvisorySummary[];
  caption: string;
  isUnpublished?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Table
      caption={caption}
      isCaptionHidden
      columns={[
        t('advisories.fields.trackingId'),
        t('advisories.fields.title'),
        t('advisories.fields.publisher'),
        isUnpublished ? t('advisories.fields.status') : t('advisories.fields.firstPublished'),
        isUnpublished ? t('advisories.list.tlpColumn') : t('advisories.fields.currentRelease'),
      ]}
    >
      {items.map((item) => (
        <tr key={item.id}>
          <td className="cg-nowrap">
            <Link to={advisoryPath(item.id)} className="cg-mono">
              {item.trackingId}
            </Link>
          </td>
          <td>
            <span dir="auto">{item.title}</span>
          </td>
          <td>
            <bdi>{item.publisherName}</bdi>
          </td>
          {isUnpublished ? (
            <>
              <td>
                <AdvisoryStatusBadge status={item.status} />
              </td>
              <td>
                <span className="cg-mono" lang="en">
                  TLP:{item.tlp}
                </span>
              </td>
            </>
          ) : (
            <>
              <td>
                <DateTime value={item.publishedAt} isDateOnly />
              </td>
              <td>
                <DateTime value={item.currentReleaseDate} isDateOnly />
              </td>
            </>
          )}
        </tr>
      ))}
    </Table>
  );
}

import { useTranslation } from 'react-i18next';
import { Day, ExternalLink } from './format.tsx';
import type { IncidentSource } from './types.ts';

/** Sources as a list: title (linked), publisher, dates, and the archived copy when there is one. */
export function SourceList({ sources }: { sources: readonly IncidentSource[] }) {
  const { t } = useTranslation();
  if (sources.length === 0) return <p className="cg-muted">{t('incidents.page.noSources')}</p>;
  return (
    <ol className="cg-inc-sources">
      {sources.map((source, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: sources have no id; the list is shown as stored.
        <li key={index}>
          <cite className="cg-inc-source-title">
            <ExternalLink href={source.url}>{source.title}</ExternalLink>
          </cite>
          <span className="cg-inc-source-meta cg-small cg-muted">
            {source.publisher && <bdi>{source.publisher}</bdi>}
            {source.publishedOn && (
              <span>
                {t('incidents.page.sourcePublished')} <Day value={source.publishedOn} />
              </span>
            )}
            {source.archiveUrl && (
              <span>
                <ExternalLink href={source.archiveUrl}>{t('incidents.page.archivedCopy')}</ExternalLink>
              </span>
            )}
            {source.archivedOn && (
              <span>
                {t('incidents.page.archivedOn')} <Day value={source.archivedOn} />
              </span>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}

import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { DateTime } from '../../../lib/dates.tsx';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { translateDynamic } from '../../../lib/translate.ts';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { Badge, Button, Card, Checkbox, PageHeader, TextField } from '../../../ui/index.ts';
import { ParticipationBreadcrumb } from '../processes/ParticipationBreadcrumb.tsx';
import { isolate, useLanguageNames } from '../statements/labels.tsx';
import type { SearchResult } from '../statements/types.ts';
import { parseSnippet } from './snippet.ts';
import './search.css';

/** The search sources a visitor can narrow to; the API knows them by these names. */
const SOURCES = ['drafts', 'contributions', 'statements', 'measures'] as const;
type Source = (typeof SOURCES)[number];

const isSource = (value: string): value is Source => (SOURCES as readonly string[]).includes(value);

/** /participation/search?q=…&source=…: full-text search over everything published that the viewer may read. */
export function SearchPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = (searchParams.get('q') ?? '').trim();
  const sources = searchParams.getAll('source').filter(isSource);
  const resultsHeadingId = useId();
  usePageTitle(q ? t('search.titleFor', { q }) : t('search.title'));

  const results = usePagedList(q ? `search:${q}:${sources.join(',')}` : null, (cursor) =>
    call(
      api.GET('/api/v1/search', {
        params: { query: { q, ...(sources.length > 0 ? { sources } : {}), limit: 20, cursor } },
      }),
    ),
  );

  const apply = (nextQ: string, nextSources: Source[]) => {
    const params = new URLSearchParams();
    if (nextQ.trim()) params.set('q', nextQ.trim());
    for (const source of nextSources) params.append('source', source);
    setSearchParams(params);
  };

  return (
    <>
      <ParticipationBreadcrumb items={[]} />
      <PageHeader title={t('search.title')} description={t('search.intro')} />
      <div className="cg-stack">
        <Card>
          <SearchForm key={searchParams.toString()} initialQ={q} initialSources={sources} onSearch={apply} />
        </Card>
        {q && (
          <section className="cg-stack" aria-labelledby={resultsHeadingId}>
            <h2 id={resultsHeadingId} className="cg-search-results-heading">
              {t('search.resultsFor', { q: isolate(q) })}
            </h2>
            <PagedListView
              list={results}
              loadingStyle="inline"
              emptyTitle={t('search.empty')}
              emptyText={t('search.emptyHint')}
            >
              <ol className="cg-search-results">
                {results.items.map((result) => (
                  <SearchResultEntry key={`${result.source}:${result.sourceId}`} result={result} />
                ))}
              </ol>
            </PagedListView>
          </section>
        )}
      </div>
    </>
  );
}

type SearchFormProps = {
  initialQ: string;
  initialSources: Source[];
  onSearch: (q: string, sources: Source[]) => void;
};

function SearchForm({ initialQ, initialSources, onSearch }: SearchFormProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState(initialQ);
  const [sources, setSources] = useState<Source[]>(initialSources);
  const [isEmpty, setIsEmpty] = useState(false);

  const toggle = (source: Source, isChecked: boolean) =>
    setSources((current) =>
      isChecked
        ? SOURCES.filter((name) => name === source || current.includes(name))
        : current.filter((name) => name !== source),
    );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!q.trim()) {
      setIsEmpty(true);
      return;
    }
    onSearch(q, sources);
  };

  return (
    <search>
      <form className="cg-search-form" onSubmit={onSubmit} noValidate>
        <div className="cg-search-box">
          <TextField
            type="search"
            label={t('search.queryLabel')}
            value={q}
            onChange={(value) => {
              setQ(value);
              setIsEmpty(false);
            }}
            maxLength={300}
            dir="auto"
            enterKeyHint="search"
            error={isEmpty ? t('search.queryRequired') : undefined}
          />
          <Button type="submit">{t('common.search')}</Button>
        </div>
        <p className="cg-hint cg-search-hint">{t('search.queryHint')}</p>
        <fieldset className="cg-fieldset">
          <legend>{t('search.sourcesLegend')}</legend>
          <p className="cg-hint">{t('search.sourcesHint')}</p>
          <div className="cg-checkbox-group">
            {SOURCES.map((source) => (
              <Checkbox
                key={source}
                label={t(`search.sources.${source}`)}
                checked={sources.includes(source)}
                onChange={(isChecked) => toggle(source, isChecked)}
              />
            ))}
          </div>
        </fieldset>
      </form>
    </search>
  );
}

const sourceTone: Record<string, 'info' | 'success' | 'warning' | 'neutral'> = {
  drafts: 'info',
  contributions: 'neutral',
  statements: 'success',
  measures: 'warning',
};

function SearchResultEntry({ result }: { result: SearchResult }) {
  const { t } = useTranslation();
  const languageName = useLanguageNames();
  // Results point into this web app; anything else is shown as text rather than followed blindly.
  const isInternal = result.url.startsWith('/') && !result.url.startsWith('//');
  return (
    <li className="cg-search-result">
      <div className="cg-cluster cg-search-result-meta">
        <Badge tone={sourceTone[result.source] ?? 'neutral'}>
          {translateDynamic(t, `search.sources.${result.source}`, 'search.sources.other')}
        </Badge>
        {result.language && <span className="cg-muted cg-small">{languageName(result.language)}</span>}
        <span className="cg-muted cg-small">
          <DateTime value={result.publishedAt} isDateOnly />
        </span>
      </div>
      <h3 className="cg-search-result-title">
        {isInternal ? (
          <Link to={result.url} dir="auto">
            {result.title}
          </Link>
        ) : (
          <span dir="auto">{result.title}</span>
        )}
      </h3>
      {result.snippet && (
        <p className="cg-search-snippet" dir="auto" lang={result.language ?? undefined}>
          {parseSnippet(result.snippet).map((part, index) =>
            part.isMatch ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never reorder.
              <mark key={index}>{part.text}</mark>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never reorder.
              <span key={index}>{part.text}</span>
            ),
          )}
        </p>
      )}
    </li>
  );
}

import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client.ts';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { ButtonLink, Card } from '../../../ui/index.ts';
import { excerptOf } from '../processes/PlainText.tsx';
import { isolate } from './bidi.ts';
import { InLanguage } from './localized.tsx';
import { OTHER_FORA_ANCHOR, proposePath } from './paths.ts';
import './measures.css';

/** The site's name is what tells a reader where a link goes; the full address is in the link. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Accepted proposals of other fora that promote confidence-building measures. */
export function OtherFora({ canPropose }: { canPropose: boolean }) {
  const { t } = useTranslation();
  const fora = usePagedList('measure-fora', (cursor) =>
    call(
      api.GET('/api/v1/participation/measure-proposals', {
        params: { query: { kind: 'forum', status: 'accepted', cursor } },
      }),
    ),
  );
  return (
    <div id={OTHER_FORA_ANCHOR} className="cg-cbm-anchor">
      <Card
        title={t('measures.fora.title')}
        description={t('measures.fora.intro')}
        actions={
          canPropose && (
            <ButtonLink to={proposePath({ kind: 'forum' })} variant="secondary" size="small">
              {t('measures.fora.propose')}
            </ButtonLink>
          )
        }
      >
        <PagedListView list={fora} loadingStyle="inline" emptyTitle={t('measures.fora.empty')}>
          <ul className="cg-cbm-fora">
            {fora.items.map((forum) => (
              <li key={forum.id}>
                <h3 className="cg-cbm-forum-title">
                  {forum.url ? (
                    <a href={forum.url} rel="external noreferrer">
                      <InLanguage language={forum.language}>{forum.title}</InLanguage>
                    </a>
                  ) : (
                    <InLanguage language={forum.language}>{forum.title}</InLanguage>
                  )}
                </h3>
                <InLanguage as="p" language={forum.language} isLanguageMarked className="cg-cbm-forum-body">
                  {excerptOf(forum.body, 400)}
                </InLanguage>
                <p className="cg-muted cg-small">
                  {t('measures.fora.proposedBy', { name: isolate(forum.organization.name) })}
                  {forum.url && (
                    <>
                      {' · '}
                      <span className="cg-ltr cg-break">{hostOf(forum.url)}</span>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </PagedListView>
      </Card>
    </div>
  );
}

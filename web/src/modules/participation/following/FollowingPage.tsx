import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useToast } from '../../../app/toasts.tsx';
import { DateTime } from '../../../lib/dates.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { useAction } from '../../../lib/useAction.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import {
  Alert,
  Badge,
  Button,
  ButtonLink,
  CopyButton,
  EmptyState,
  PageHeader,
  PageSpinner,
  Table,
} from '../../../ui/index.ts';
import { isolate } from '../measures/bidi.ts';
import { LocalizedText } from '../measures/localized.tsx';
import { measuresPath } from '../measures/paths.ts';
import { ParticipationBreadcrumb } from '../processes/ParticipationBreadcrumb.tsx';
import { useFollows } from './followStore.ts';
import { type Follow, subjectPath } from './types.ts';
import './following.css';

/** /participation/following: what the user follows, its feeds, and a way to stop. */
export function FollowingPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { messageOf } = useErrorMessages();
  const follows = useFollows(user.id, { isFresh: true });
  usePageTitle(t('following.title'));

  const hasMeasures = follows.items?.some((follow) => follow.subjectType === 'measure') ?? false;
  // Followed measures are titled in the interface's language, as on their own pages.
  const measures = useQuery(hasMeasures ? 'measures:all' : null, () =>
    call(api.GET('/api/v1/participation/measures')),
  );
  const measureTitles = new Map((measures.data?.items ?? []).map((measure) => [measure.id, measure.title]));

  return (
    <>
      <ParticipationBreadcrumb items={[]} />
      <PageHeader title={t('following.title')} description={t('following.intro')} />
      <div className="cg-stack">
        <Alert tone="info" title={t('following.digestTitle')}>
          <p>{t('following.digestText')}</p>
        </Alert>
        {follows.error && <Alert tone="danger">{messageOf(follows.error)}</Alert>}
        {follows.isLoading || !follows.items ? (
          !follows.error && <PageSpinner label={t('common.loading')} />
        ) : follows.items.length === 0 ? (
          <EmptyState
            title={t('following.empty')}
            action={
              <>
                <ButtonLink to="/participation" variant="secondary">
                  {t('following.browseProcesses')}
                </ButtonLink>
                <ButtonLink to={measuresPath()} variant="secondary">
                  {t('following.browseMeasures')}
                </ButtonLink>
              </>
            }
          >
            {t('following.emptyHint')}
          </EmptyState>
        ) : (
          <Table
            caption={t('following.listCaption')}
            isCaptionHidden
            columns={[
              t('following.columns.subject'),
              t('following.columns.type'),
              t('following.columns.since'),
              t('following.columns.feed'),
            ]}
            actionsColumnLabel={t('common.actions')}
          >
            {follows.items.map((follow) => (
              <FollowRow
                key={`${follow.subjectType}:${follow.subjectId}`}
                follow={follow}
                measureTitle={measureTitles.get(follow.subjectId)}
                onUnfollow={() => follows.unfollow(follow.subjectType, follow.subjectId)}
              />
            ))}
          </Table>
        )}
      </div>
    </>
  );
}

type FollowRowProps = {
  follow: Follow;
  measureTitle: Record<string, string> | undefined;
  onUnfollow: () => Promise<boolean>;
};

function FollowRow({ follow, measureTitle, onUnfollow }: FollowRowProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const { messageOf } = useErrorMessages();
  const unfollow = useAction(onUnfollow);
  const feedAddress = new URL(follow.feedUrl, window.location.origin).href;
  const title =
    follow.subjectType === 'measure' && measureTitle ? (
      <LocalizedText texts={measureTitle} isLanguageMarked />
    ) : (
      <span dir="auto">{follow.title}</span>
    );

  const onClick = async () => {
    if (await unfollow.run()) toast(t('following.unfollowedTitle', { title: isolate(follow.title) }));
  };

  return (
    <tr>
      <td>
        <Link to={subjectPath(follow.subjectType, follow.subjectId)}>{title}</Link>
      </td>
      <td>
        <Badge>{t(`following.types.${follow.subjectType}`)}</Badge>
      </td>
      <td>
        <DateTime value={follow.createdAt} isDateOnly />
      </td>
      <td>
        <div className="cg-follow-feed">
          <a href={follow.feedUrl} type="application/atom+xml">
            <span className="cg-follow-feed-icon" aria-hidden="true" />
            {t('following.feed')}
            <span className="cg-visually-hidden">: {follow.title}</span>
          </a>
          <CopyButton
            text={feedAddress}
            label={t('following.copyFeed')}
            copiedLabel={t('common.copied')}
            failedLabel={t('common.copyFailed')}
          />
        </div>
      </td>
      <td>
        <div className="cg-table-actions">
          <Button size="small" variant="secondary" onClick={onClick} isBusy={unfollow.isBusy}>
            {t('following.unfollow')}
            <span className="cg-visually-hidden">: {follow.title}</span>
          </Button>
        </div>
        {unfollow.error && (
          <p className="cg-field-error" role="alert">
            {messageOf(unfollow.error)}
          </p>
        )}
      </td>
    </tr>
  );
}

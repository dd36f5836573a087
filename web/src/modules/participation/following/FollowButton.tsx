import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useAuth } from '../../../app/auth.tsx';
import { useToast } from '../../../app/toasts.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { useAction } from '../../../lib/useAction.ts';
import { Badge, Button, ButtonLink } from '../../../ui/index.ts';
import { signInPath } from '../processes/paths.ts';
import { useFollows } from './followStore.ts';
import type { SubjectType } from './types.ts';
import './following.css';

type FollowButtonProps = {
  subjectType: SubjectType;
  subjectId: string;
  /** Signed-out visitors see a "Sign in to follow" link by default; `hidden` shows them nothing. */
  signedOut?: 'link' | 'hidden';
};

/**
 * Follows or stops following a process, group, draft or measure. Followers get a daily e-mail digest
 * of what changed, and every subject has an Atom feed of the same changes.
 */
export function FollowButton({ subjectType, subjectId, signedOut = 'link' }: FollowButtonProps) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const location = useLocation();
  const toast = useToast();
  const { messageOf } = useErrorMessages();
  const follows = useFollows(user?.id ?? null);
  const isFollowing = follows.isFollowing(subjectType, subjectId);
  const toggle = useAction(async () => {
    if (isFollowing) await follows.unfollow(subjectType, subjectId);
    else await follows.follow(subjectType, subjectId);
    return true;
  });

  if (!user) {
    if (signedOut === 'hidden') return null;
    return (
      <ButtonLink to={signInPath(`${location.pathname}${location.search}`)} variant="secondary">
        {t('following.signInToFollow')}
      </ButtonLink>
    );
  }

  const onClick = async () => {
    // The button stays enabled while busy: disabling it would drop keyboard focus to the page.
    if (toggle.isBusy) return;
    const wasFollowing = isFollowing;
    const result = await toggle.run();
    if (result === undefined) return;
    toast(wasFollowing ? t('following.unfollowed') : t('following.followed'));
  };

  // The button keeps its place whether or not the badge shows, so focus stays on it after a click.
  return (
    <span className="cg-follow">
      {isFollowing && (
        <Badge tone="success">
          <span aria-hidden="true">✓ </span>
          {t('following.isFollowing')}
        </Badge>
      )}
      <Button variant="secondary" onClick={onClick} disabled={follows.isLoading}>
        {isFollowing ? t('following.unfollow') : t('following.follow')}
      </Button>
      {toggle.error && (
        <span className="cg-field-error" role="alert">
          {messageOf(toggle.error)}
        </span>
      )}
    </span>
  );
}

import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/errors.ts';
import { useFragmentToken } from '../../../lib/fragment.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { Alert, Button, Card, PageHeader, TextField } from '../../../ui/index.ts';
import { CaseScreen } from './CasePage.tsx';
import {
  type CaseLink,
  caseIdFromText,
  caseLinkFromFragment,
  forgetCaseLink,
  isParticipantToken,
  readStoredCaseLink,
  storeCaseLink,
} from './caseLink.ts';
import { useCaseErrorMessage } from './errors.ts';
import './cases.css';

/**
 * /cases/join#token=…: the case page for an invited participant without an account. The secret comes in
 * the URL fragment, which browsers never send to servers; it is read once, removed from the address bar,
 * kept for this tab (see caseLink.ts) and sent as X-Participant-Token on every call.
 */
export function CaseJoinPage() {
  // Read the whole fragment before useFragmentToken clears it: the link may carry the case id too.
  const [fromFragment] = useState(() => caseLinkFromFragment(window.location.hash));
  const fragmentToken = useFragmentToken();
  const [isForgotten, setIsForgotten] = useState(false);
  const [link, setLink] = useState<CaseLink | null>(() =>
    fromFragment ? adoptLink(fromFragment) : readStoredCaseLink(),
  );
  // Another link pasted into this tab's address bar changes only the fragment, which loads no page.
  useEffect(() => {
    const onHashChange = () => {
      const next = caseLinkFromFragment(window.location.hash);
      if (!next) return;
      const { pathname, search } = window.location;
      window.history.replaceState(window.history.state, '', `${pathname}${search}`);
      setIsForgotten(false);
      setLink(adoptLink(next));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const forget = () => {
    forgetCaseLink();
    setLink(null);
    setIsForgotten(true);
  };

  if (!link) {
    return (
      <NoLink
        isForgotten={isForgotten}
        isMalformed={fragmentToken !== null && !isParticipantToken(fragmentToken)}
      />
    );
  }
  if (!link.caseId) {
    return (
      <CaseIdForm
        onFound={(caseId) => {
          const next = { ...link, caseId };
          storeCaseLink(next);
          setLink(next);
        }}
      />
    );
  }
  return (
    <>
      <LinkNotice onForget={forget} />
      <CaseScreen
        caseId={link.caseId}
        auth={{ kind: 'participant', token: link.token }}
        renderError={(error) => <LinkError error={error} onForget={forget} />}
      />
    </>
  );
}

/** Keeps a link from the fragment for this tab. The same link opened again keeps the case id found earlier. */
function adoptLink(fromFragment: CaseLink): CaseLink {
  const stored = readStoredCaseLink();
  const link = {
    token: fromFragment.token,
    caseId: fromFragment.caseId ?? (stored?.token === fromFragment.token ? stored.caseId : null),
  };
  storeCaseLink(link);
  return link;
}

/** The page without a usable link: opened bare, cut short when copied, or just forgotten. */
function NoLink({ isForgotten, isMalformed }: { isForgotten: boolean; isMalformed: boolean }) {
  const { t } = useTranslation();
  usePageTitle(t('cases.join.title'));
  return (
    <>
      <PageHeader title={t('cases.join.title')} />
      <Card>
        {isForgotten ? (
          <Alert tone="success" isLive>
            {t('cases.join.forgotten')}
          </Alert>
        ) : (
          <Alert
            tone={isMalformed ? 'danger' : 'info'}
            title={isMalformed ? t('cases.join.badLinkTitle') : undefined}
          >
            <p>{isMalformed ? t('cases.join.badLink') : t('cases.join.noLink')}</p>
          </Alert>
        )}
      </Card>
    </>
  );
}

/** Says whose link this is and how to drop it from a shared computer. */
function LinkNotice({ onForget }: { onForget: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="cg-case-link-notice cg-small">
      <p>{t('cases.join.notice')}</p>
      <Button variant="ghost" size="small" onClick={onForget}>
        {t('cases.join.forget')}
      </Button>
    </div>
  );
}

function LinkError({ error, onForget }: { error: ApiError; onForget: () => void }) {
  const { t } = useTranslation();
  const messageOf = useCaseErrorMessage();
  const isWithdrawn = error.code === 'invalid_participant_token' || error.status === 404;
  return (
    <>
      <PageHeader title={t('cases.join.title')} />
      <Alert
        tone="danger"
        title={isWithdrawn ? t('cases.join.withdrawnTitle') : t('common.errorTitle')}
        isLive
      >
        <p>{isWithdrawn ? t('cases.join.withdrawn') : messageOf(error)}</p>
        {isWithdrawn && <p>{t('cases.join.askCoordinators')}</p>}
      </Alert>
      <p>
        <Button variant="secondary" size="small" onClick={onForget}>
          {t('cases.join.forget')}
        </Button>
      </p>
    </>
  );
}

/** A link without the case id: the invitation mail's subject carries it, in square brackets. */
function CaseIdForm({ onFound }: { onFound: (caseId: string) => void }) {
  const { t } = useTranslation();
  usePageTitle(t('cases.join.title'));
  const [text, setText] = useState('');
  const [isSubmitted, setIsSubmitted] = useState(false);
  const caseId = caseIdFromText(text);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setIsSubmitted(true);
    if (caseId) onFound(caseId);
  };
  return (
    <>
      <PageHeader title={t('cases.join.title')} />
      <Card>
        <form className="cg-form" onSubmit={onSubmit} noValidate>
          <p>{t('cases.join.caseIdIntro')}</p>
          <TextField
            label={t('cases.join.caseIdLabel')}
            hint={t('cases.join.caseIdHint')}
            value={text}
            onChange={setText}
            maxLength={300}
            dir="ltr"
            className="cg-case-code-field"
            required
            error={isSubmitted && !caseId ? t('cases.join.caseIdInvalid') : undefined}
          />
          <div className="cg-cluster">
            <Button type="submit">{t('cases.join.open')}</Button>
          </div>
        </form>
      </Card>
    </>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiError } from '../../api/errors.ts';
import { useAuth } from '../../app/auth.tsx';
import { DateTime } from '../../lib/dates.tsx';
import { readFragmentParam, useFragmentToken } from '../../lib/fragment.ts';
import { useAction } from '../../lib/useAction.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Alert, Card, PageHeader, Spinner } from '../../ui/index.ts';
import { contactsApi } from './contactsApi.ts';
import { useContactErrorMessage } from './errors.ts';
import { contactPath, directoryPath } from './paths.ts';
import type { Contact } from './types.ts';
import './contacts.css';

/**
 * /contacts/reconfirm#id=…&token=…: the one-click link of a reminder mail. The token sits in the
 * fragment, which never reaches a server log; the page posts it as soon as it opens.
 */
export function ReconfirmPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  // Read before useFragmentToken clears the fragment from the address bar.
  const [entryId] = useState(() => readFragmentParam(window.location.hash, 'id'));
  const token = useFragmentToken();
  const errorMessage = useContactErrorMessage();
  // A link's answer is only the outcome (the caller may not be signed in): the entry's id and new validity.
  const [result, setResult] = useState<Pick<Contact, 'id' | 'validUntil'>>();
  const confirm = useAction((id: string, secret: string) => contactsApi.confirm(id, secret));
  const hasPosted = useRef(false);
  usePageTitle(t('contacts.reconfirm.title'));

  const { run } = confirm;
  useEffect(() => {
    // Once only: a second post of a single-use token would report it as used.
    if (hasPosted.current || !token || !entryId) return;
    hasPosted.current = true;
    void run(entryId, token).then(
      (confirmed) => confirmed && setResult({ id: confirmed.id, validUntil: confirmed.validUntil }),
    );
  }, [entryId, token, run]);

  const failure: ApiError | undefined = confirm.error;
  return (
    <>
      <PageHeader title={t('contacts.reconfirm.title')} />
      <Card>
        {!token || !entryId ? (
          <Alert tone="danger" title={t('contacts.reconfirm.incompleteTitle')}>
            <p>{t('contacts.reconfirm.incomplete')}</p>
          </Alert>
        ) : result ? (
          <Alert tone="success" title={t('contacts.reconfirm.doneTitle')} isLive>
            <p>
              {t('contacts.card.validUntil')} <DateTime value={result.validUntil} isDateOnly />
            </p>
            {user && <Link to={contactPath(result.id)}>{t('contacts.reconfirm.viewEntry')}</Link>}
          </Alert>
        ) : failure ? (
          <Alert tone="danger" title={t('contacts.reconfirm.failedTitle')} isLive>
            <p>{errorMessage(failure)}</p>
            <p>{t('contacts.reconfirm.failedHelp')}</p>
            <Link
              to={user ? contactPath(entryId) : `/sign-in?next=${encodeURIComponent(contactPath(entryId))}`}
            >
              {user ? t('contacts.reconfirm.openEntry') : t('contacts.reconfirm.signInToConfirm')}
            </Link>
          </Alert>
        ) : (
          <Spinner label={t('contacts.reconfirm.working')} isLabelVisible />
        )}
      </Card>
      <p className="cg-poc-after-card">
        <Link to={directoryPath()}>{t('contacts.title')}</Link>
      </p>
    </>
  );
}

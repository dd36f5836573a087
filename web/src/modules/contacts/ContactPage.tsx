import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../app/auth.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { useAction } from '../../lib/useAction.ts';
import { useNow } from '../../lib/useNow.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useQuery } from '../../lib/useQuery.ts';
import {
  Alert,
  Badge,
  Button,
  ButtonLink,
  Card,
  CopyButton,
  PageHeader,
  PageSpinner,
} from '../../ui/index.ts';
import { canManageContactsOf, isHolderOf } from './access.ts';
import { ContactFacts, FreshnessBadge } from './ContactDetails.tsx';
import { usePocCodes } from './codes.ts';
import { contactsApi, keyDownloadPath } from './contactsApi.ts';
import { useContactErrorMessage } from './errors.ts';
import { directoryPath, editContactPath } from './paths.ts';
import { useCountries } from './reference.ts';
import './contacts.css';

/** /contacts/:id: one entry, its key, and "confirm these details are still correct". */
export function ContactPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const toast = useToast();
  const now = useNow();
  const { messageOf } = useErrorMessages();
  const contactError = useContactErrorMessage();
  const { roleLabel } = usePocCodes();
  const { countryName } = useCountries();
  const entry = useQuery(`contact:${id}`, () => contactsApi.get(id));
  usePageTitle(entry.data?.name ?? t('contacts.entry.title'));
  const confirm = useAction(() => contactsApi.confirm(id));

  const crumbs = (
    <nav aria-label={t('contacts.breadcrumb')} className="cg-poc-breadcrumb">
      <Link to={directoryPath()}>{t('contacts.title')}</Link>
    </nav>
  );
  if (entry.isLoading && !entry.data) return <PageSpinner label={t('common.loading')} />;
  if (entry.error || !entry.data) {
    return (
      <>
        {crumbs}
        <PageHeader title={t('contacts.entry.title')} />
        <Alert tone="danger">{entry.error ? messageOf(entry.error) : t('errors.unexpected_error')}</Alert>
      </>
    );
  }
  const contact = entry.data;
  const canManage = canManageContactsOf(user, contact.org.id);
  const canConfirm = canManage || isHolderOf(user, contact);
  const canEdit = canConfirm;
  const country = countryName(contact.org.countryCode);

  const onConfirm = async () => {
    const confirmed = await confirm.run();
    // Signed-in callers get the whole entry back (a reconfirm link gets only the dates).
    if (!confirmed || !('name' in confirmed)) return;
    entry.setData(confirmed);
    toast(t('contacts.entry.confirmed'));
  };

  return (
    <>
      {crumbs}
      <PageHeader
        title={<bdi>{contact.name}</bdi>}
        description={
          <>
            <bdi>{contact.org.name}</bdi>
            {country ? ` · ${country}` : ''}
          </>
        }
        meta={
          <>
            <Badge>{roleLabel(contact.role)}</Badge>
            <FreshnessBadge freshness={contact.freshness} />
          </>
        }
        actions={
          canEdit ? (
            <ButtonLink to={editContactPath(contact.id)} variant="secondary">
              {t('common.edit')}
            </ButtonLink>
          ) : undefined
        }
      />
      <div className="cg-stack">
        {canConfirm && (
          <Card title={t('contacts.entry.confirmTitle')}>
            <p>
              {contact.freshness === 'fresh'
                ? t('contacts.entry.confirmFresh')
                : contact.freshness === 'expiring'
                  ? t('contacts.entry.confirmExpiring')
                  : t('contacts.entry.confirmStale')}
            </p>
            {confirm.error && (
              <Alert tone="danger" isLive>
                {contactError(confirm.error)}
              </Alert>
            )}
            <Button onClick={onConfirm} isBusy={confirm.isBusy}>
              {t('contacts.entry.confirm')}
            </Button>
          </Card>
        )}
        <Card title={t('contacts.entry.details')}>
          <ContactFacts contact={contact} now={now} />
          <p className="cg-small cg-muted">
            {t('contacts.entry.holderAndNominator', {
              holder: contact.holder.displayName,
              nominator: contact.nominatedBy.displayName,
            })}
          </p>
        </Card>
        {contact.openpgp && (
          <Card title={t('contacts.entry.keyTitle')}>
            {contact.openpgp.isExpired && (
              <Alert tone="warning">{t('contacts.entry.keyExpiredWarning')}</Alert>
            )}
            <div className="cg-cluster">
              <a className="cg-button cg-button-secondary" href={keyDownloadPath(contact.id)} download>
                {t('contacts.entry.downloadKey')}
              </a>
              <CopyButton
                text={contact.openpgp.armored}
                label={t('contacts.entry.copyKey')}
                copiedLabel={t('common.copied')}
                failedLabel={t('common.copyFailed')}
              />
            </div>
            <details className="cg-poc-details">
              <summary>{t('contacts.entry.showKey')}</summary>
              <pre className="cg-poc-armored" dir="ltr" translate="no">
                {contact.openpgp.armored}
              </pre>
            </details>
          </Card>
        )}
      </div>
    </>
  );
}

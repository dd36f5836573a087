import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../../lib/useAction.ts';
import { Alert, Button, CopyButton, Dialog, Spinner, TextField } from '../../../ui/index.ts';
import { ChoiceGroup } from '../shared/ChoiceGroup.tsx';
import { CaseErrorAlert } from './CaseErrorAlert.tsx';
import { inviteParticipant, searchOrganizations } from './casesApi.ts';
import { useCaseLabels } from './labels.tsx';
import { ProductLinesField, useProductLinesProblem } from './ParticipantWork.tsx';
import { parseProductLines } from './products.ts';
import { INVITED_ROLES, type Invitation, type InvitedRole, type OrganizationSummary } from './types.ts';

type InviteDialogProps = {
  isOpen: boolean;
  caseId: string;
  onClose: () => void;
  onInvited: (invitation: Invitation) => void;
};

/** Invites a vendor, an affected owner or an observer, then shows the secret link once if one was made. */
export function InviteDialog({ isOpen, caseId, onClose, onInvited }: InviteDialogProps) {
  const { t } = useTranslation();
  const [result, setResult] = useState<{ name: string; invitation: Invitation }>();
  const close = () => {
    setResult(undefined);
    onClose();
  };
  return (
    <Dialog isOpen={isOpen} onClose={close} title={t('cases.invite.title')} isWide>
      {result ? (
        <InviteLinkAlert name={result.name} invitation={result.invitation} onDone={close} />
      ) : (
        <InviteForm
          caseId={caseId}
          onCancel={close}
          onInvited={(name, invitation) => {
            onInvited(invitation);
            setResult({ name, invitation });
          }}
        />
      )}
    </Dialog>
  );
}

function InviteForm({
  caseId,
  onCancel,
  onInvited,
}: {
  caseId: string;
  onCancel: () => void;
  onInvited: (name: string, invitation: Invitation) => void;
}) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const [role, setRole] = useState<InvitedRole>('vendor');
  const [organization, setOrganization] = useState<OrganizationSummary>();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [productText, setProductText] = useState('');
  const [isSubmitted, setIsSubmitted] = useState(false);
  const invite = useAction(inviteParticipant);
  const parsed = parseProductLines(productText);
  const productProblem = useProductLinesProblem(parsed.problem, parsed.products.length === 0, true);
  const isEmailValid = email.trim() === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim());
  const isUnreachable = !organization && email.trim() === '';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSubmitted(true);
    if (isUnreachable || !isEmailValid || productProblem) return;
    const invitation = await invite.run(caseId, {
      role,
      ...(organization ? { orgId: organization.id } : {}),
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(role === 'vendor' && parsed.products.length > 0 ? { products: parsed.products } : {}),
    });
    if (invitation) onInvited(name.trim() || organization?.name || email.trim(), invitation);
  };

  return (
    <form className="cg-stack" onSubmit={onSubmit} noValidate>
      <ChoiceGroup
        legend={t('cases.invite.role')}
        value={role}
        onChange={setRole}
        choices={INVITED_ROLES.map((code) => ({
          value: code,
          label: labels.role(code),
          hint: t(`cases.invite.roleHelp.${code}`),
        }))}
      />
      <p className="cg-small">{t('cases.invite.reachHint')}</p>
      <OrganizationPicker value={organization} onChange={setOrganization} />
      <TextField
        label={t('cases.invite.email')}
        labelNote={t('common.optional')}
        hint={t('cases.invite.emailHint')}
        type="email"
        value={email}
        onChange={setEmail}
        maxLength={254}
        dir="ltr"
        autoComplete="off"
        error={
          isSubmitted && !isEmailValid
            ? t('cases.invite.emailInvalid')
            : isSubmitted && isUnreachable
              ? t('cases.invite.unreachable')
              : undefined
        }
      />
      <TextField
        label={t('cases.invite.name')}
        labelNote={t('common.optional')}
        hint={t('cases.invite.nameHint')}
        value={name}
        onChange={setName}
        maxLength={200}
        dir="auto"
      />
      {role === 'vendor' && (
        <ProductLinesField
          value={productText}
          onChange={setProductText}
          error={isSubmitted ? productProblem : undefined}
        />
      )}
      <CaseErrorAlert error={invite.error} />
      <div className="cg-cluster-end">
        <Button variant="secondary" onClick={onCancel} disabled={invite.isBusy}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" isBusy={invite.isBusy}>
          {t('cases.invite.submit')}
        </Button>
      </div>
    </form>
  );
}

/** Finds an organization of the platform by name; its members then act for it in the case. */
function OrganizationPicker({
  value,
  onChange,
}: {
  value: OrganizationSummary | undefined;
  onChange: (organization: OrganizationSummary | undefined) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<OrganizationSummary[]>();
  const search = useAction(searchOrganizations);
  const runSearch = async () => {
    if (query.trim().length < 2) return;
    const found = await search.run(query.trim());
    if (found) setResults(found);
  };
  // Enter in the search field searches, rather than sending the invitation around it.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void runSearch();
    }
  };

  if (value) {
    return (
      <div className="cg-stack-tight">
        <span className="cg-label">{t('cases.invite.organization')}</span>
        <div className="cg-cluster">
          <strong dir="auto">{value.name}</strong>
          <Button variant="secondary" size="small" onClick={() => onChange(undefined)}>
            {t('cases.invite.changeOrganization')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="cg-stack-tight">
      <div className="cg-case-search">
        <TextField
          label={t('cases.invite.organization')}
          labelNote={t('common.optional')}
          hint={t('cases.invite.organizationHint')}
          type="search"
          value={query}
          onChange={setQuery}
          onKeyDown={onKeyDown}
          maxLength={100}
          dir="auto"
        />
        <Button
          variant="secondary"
          onClick={runSearch}
          isBusy={search.isBusy}
          disabled={query.trim().length < 2}
        >
          {t('common.search')}
        </Button>
      </div>
      {search.isBusy && <Spinner label={t('common.loading')} />}
      <CaseErrorAlert error={search.error} />
      {results && results.length === 0 && (
        <p className="cg-muted" role="status">
          {t('cases.invite.noOrganization')}
        </p>
      )}
      {results && results.length > 0 && (
        // Buttons, not radio buttons: choosing replaces the list, and arrow keys in a radio group would choose
        // the next organization at the first press.
        <fieldset className="cg-fieldset">
          <legend>{t('cases.invite.pickOrganization')}</legend>
          <ul className="cg-case-plain-list cg-case-org-results">
            {results.map((organization) => (
              <li key={organization.id} className="cg-cluster">
                <Button variant="secondary" size="small" onClick={() => onChange(organization)}>
                  <bdi>{organization.name}</bdi>
                </Button>
                <span className="cg-small cg-muted">
                  {organization.verificationStatus === 'verified'
                    ? t('cases.invite.verified')
                    : t('cases.invite.unverified')}
                </span>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </div>
  );
}

/** The secret link of an invitation, shown once; the address it was made for has it by mail too. */
export function InviteLinkAlert({
  name,
  invitation,
  isNewLink = false,
  onDone,
}: {
  name: string;
  invitation: Invitation;
  isNewLink?: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  if (!invitation.inviteUrl) {
    return (
      <Alert tone="success" title={t('cases.invite.doneTitle', { name })} isLive>
        <p>{t('cases.invite.doneMembers')}</p>
        <p>
          <Button variant="secondary" size="small" onClick={onDone}>
            {t('common.done')}
          </Button>
        </p>
      </Alert>
    );
  }
  return (
    <Alert
      tone="success"
      title={isNewLink ? t('cases.invite.newLinkTitle', { name }) : t('cases.invite.doneTitle', { name })}
      isLive
    >
      <p>{t('cases.invite.linkOnce')}</p>
      <div className="cg-secret">
        <code className="cg-case-link" dir="ltr">
          {invitation.inviteUrl}
        </code>
        <CopyButton
          text={invitation.inviteUrl}
          label={t('cases.invite.copyLink')}
          copiedLabel={t('common.copied')}
          failedLabel={t('common.copyFailed')}
        />
      </div>
      <p>
        <Button variant="secondary" size="small" onClick={onDone}>
          {t('common.done')}
        </Button>
      </p>
    </Alert>
  );
}

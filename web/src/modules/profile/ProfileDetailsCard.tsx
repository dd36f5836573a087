import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { useAuth, useCurrentUser } from '../../app/auth.tsx';
import { useToast } from '../../app/toasts.tsx';
import { LANGUAGES, type LanguageCode, matchLanguage } from '../../i18n/languages.ts';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { Button, Card, Select, TextField } from '../../ui/index.ts';
import { DisplayNameField } from '../auth/DisplayNameField.tsx';

const languageOptions = LANGUAGES.map((language) => ({
  value: language.code,
  label: language.autonym,
  lang: language.code,
}));

export function ProfileDetailsCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { updateUser } = useAuth();
  const toast = useToast();
  const { fieldErrorsOf } = useErrorMessages();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [locale, setLocale] = useState<LanguageCode>(matchLanguage(user.locale) ?? 'en');

  const save = useAction(() => call(api.PATCH('/api/v1/me', { body: { displayName, locale } })));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const updated = await save.run();
    if (!updated) return;
    updateUser(updated);
    toast(t('profile.saved'));
  };

  const fieldErrors = fieldErrorsOf(save.error);
  return (
    <Card title={t('profile.detailsTitle')}>
      <form className="cg-form" onSubmit={onSubmit} noValidate>
        <FormErrorAlert error={save.error} />
        <TextField label={t('fields.email')} type="email" value={user.email} onChange={() => {}} readOnly />
        <DisplayNameField value={displayName} onChange={setDisplayName} error={fieldErrors.displayName} />
        <Select
          label={t('profile.language')}
          hint={t('profile.languageHint')}
          value={locale}
          onChange={(value) => setLocale(matchLanguage(value) ?? 'en')}
          options={languageOptions}
          error={fieldErrors.locale}
        />
        <div>
          <Button type="submit" isBusy={save.isBusy}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.ts';
import { changeLanguage } from '../i18n/index.ts';
import { isLanguageCode, LANGUAGES } from '../i18n/languages.ts';
import { useAuth } from './auth.tsx';

/** Lists the six languages by their own names; a signed-in user's choice is saved to their profile. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { user, updateUser } = useAuth();
  const id = useId();

  const onChange = async (code: string) => {
    if (!isLanguageCode(code)) return;
    await changeLanguage(code);
    if (user && user.locale !== code) {
      try {
        updateUser(await call(api.PATCH('/api/v1/me', { body: { locale: code } })));
      } catch {
        // The page already speaks the new language; saving it for next time can fail quietly.
      }
    }
  };

  return (
    <div>
      <label htmlFor={id} className="cg-visually-hidden">
        {t('shell.language')}
      </label>
      <select
        id={id}
        className="cg-header-select"
        value={i18n.language}
        onChange={(event) => void onChange(event.target.value)}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.autonym}
          </option>
        ))}
      </select>
    </div>
  );
}

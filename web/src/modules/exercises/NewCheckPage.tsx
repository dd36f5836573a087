import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../api/client.ts';
import type { ApiError } from '../../api/errors.ts';
import { useToast } from '../../app/toasts.tsx';
import { LANGUAGES } from '../../i18n/languages.ts';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { useLanguageNames } from '../../lib/localized.ts';
import { translateDynamic } from '../../lib/translate.ts';
import { useAction } from '../../lib/useAction.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import {
  Button,
  Card,
  Checkbox,
  ConfirmDialog,
  PageHeader,
  Select,
  TextArea,
  TextField,
} from '../../ui/index.ts';
import { FilterSummary } from './FilterSummary.tsx';
import { useCheckFormatters } from './format.ts';
import { usePlaces } from './places.ts';
import { POC_ROLES, useRoleLabel } from './roles.ts';
import type { CheckFilter, CreateCheckBody, PocRole } from './types.ts';
import './checks.css';

const toggled = <T,>(list: T[], value: T, isOn: boolean) =>
  isOn ? [...list.filter((entry) => entry !== value), value] : list.filter((entry) => entry !== value);

/** Codes of this module's own errors, which the shared `errors.*` messages do not name. */
const CHECK_ERRORS = new Set(['no_matching_contacts']);

/** /checks/new: choose who is asked, then confirm and send. */
export function NewCheckPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const { messageOf, fieldErrorsOf } = useErrorMessages();
  const { countries, regionTree, countryName } = usePlaces();
  const roleLabel = useRoleLabel();
  const languageName = useLanguageNames();
  usePageTitle(t('checks.newTitle'));

  const [regionCodes, setRegionCodes] = useState<string[]>([]);
  const [countryCodes, setCountryCodes] = useState<string[]>([]);
  const [countryToAdd, setCountryToAdd] = useState('');
  const [roles, setRoles] = useState<PocRole[]>([]);
  const [languages, setLanguages] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [hours, setHours] = useState('72');
  const [hoursError, setHoursError] = useState<string>();
  const [isConfirming, setIsConfirming] = useState(false);
  // One key per request body: a repeated click or a retry after a lost answer sends the check only once,
  // while a changed form (or a retry after the server said no) is a new request with a key of its own.
  const idempotency = useRef<{ body: string; key: string } | undefined>(undefined);
  const { formatCount } = useCheckFormatters();

  const filter: CheckFilter = {
    ...(regionCodes.length ? { regionCodes } : {}),
    ...(countryCodes.length ? { countryCodes } : {}),
    ...(roles.length ? { roles } : {}),
    ...(languages.length ? { languages } : {}),
  };

  const send = useAction(async (body: CreateCheckBody) => {
    const json = JSON.stringify(body);
    if (idempotency.current?.body !== json) idempotency.current = { body: json, key: crypto.randomUUID() };
    try {
      return await call(
        api.POST('/api/v1/communication-checks', {
          body,
          headers: { 'Idempotency-Key': idempotency.current.key },
        }),
      );
    } catch (failure) {
      const status = (failure as ApiError).status;
      if (status >= 400 && status < 500 && status !== 409) idempotency.current = undefined;
      throw failure;
    }
  });

  const errorMessage = (error: ApiError) =>
    CHECK_ERRORS.has(error.code)
      ? translateDynamic(t, `checks.errors.${error.code}`, 'errors.unexpected_error')
      : messageOf(error);

  const onReview = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(hours);
    if (!Number.isInteger(value) || value < 1 || value > 720) {
      setHoursError(t('checks.form.hoursInvalid'));
      return;
    }
    setHoursError(undefined);
    send.reset();
    setIsConfirming(true);
  };

  const onSend = async () => {
    const created = await send.run({
      filter,
      respondWithinHours: Number(hours),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (!created) return;
    setIsConfirming(false);
    toast(t('checks.form.sent', { total: formatCount(created.targetCount) }));
    navigate(`/checks/${encodeURIComponent(created.id)}`);
  };

  const addCountry = () => {
    if (countryToAdd && !countryCodes.includes(countryToAdd))
      setCountryCodes([...countryCodes, countryToAdd]);
    setCountryToAdd('');
  };
  const fieldErrors = fieldErrorsOf(send.error);

  return (
    <>
      <p>
        <Link to="/checks">{t('checks.backToChecks')}</Link>
      </p>
      <PageHeader title={t('checks.newTitle')} description={t('checks.newIntro')} />
      <Card>
        <form className="cg-form cg-form-wide" onSubmit={onReview} noValidate>
          <fieldset className="cg-fieldset">
            <legend>{t('checks.form.regions')}</legend>
            <p className="cg-hint">{t('checks.form.regionsHint')}</p>
            <div className="cg-checks-regions">
              {regionTree.map((region) => (
                <div key={region.code}>
                  <Checkbox
                    label={region.name}
                    checked={regionCodes.includes(region.code)}
                    onChange={(isOn) => setRegionCodes(toggled(regionCodes, region.code, isOn))}
                  />
                  <div className="cg-checks-subregions">
                    {region.subregions.map((subregion) => (
                      <Checkbox
                        key={subregion.code}
                        label={subregion.name}
                        checked={regionCodes.includes(region.code) || regionCodes.includes(subregion.code)}
                        disabled={regionCodes.includes(region.code)}
                        onChange={(isOn) => setRegionCodes(toggled(regionCodes, subregion.code, isOn))}
                      />
                    ))}
                  </div>
                </div>
              ))}
            </div>
          </fieldset>

          <fieldset className="cg-fieldset">
            <legend>{t('checks.form.countries')}</legend>
            <div className="cg-checks-add">
              <Select
                label={t('checks.form.country')}
                hint={t('checks.form.countriesHint')}
                value={countryToAdd}
                onChange={setCountryToAdd}
                emptyOption={t('common.choose')}
                options={countries
                  .filter((country) => !countryCodes.includes(country.code))
                  .map((country) => ({ value: country.code, label: country.name }))}
              />
              <Button variant="secondary" onClick={addCountry} disabled={!countryToAdd}>
                {t('checks.form.addCountry')}
              </Button>
            </div>
            {countryCodes.length > 0 && (
              <ul className="cg-checks-chosen" aria-label={t('checks.form.chosenCountries')}>
                {countryCodes.map((code) => (
                  <li key={code}>
                    {countryName(code)}
                    <Button
                      variant="ghost"
                      size="small"
                      onClick={() => setCountryCodes(countryCodes.filter((entry) => entry !== code))}
                      aria-label={t('checks.form.removeCountry', { country: countryName(code) })}
                    >
                      <span aria-hidden="true">×</span>
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>

          <fieldset className="cg-fieldset">
            <legend>{t('checks.form.roles')}</legend>
            <div className="cg-checkbox-group">
              {POC_ROLES.map((role) => (
                <Checkbox
                  key={role}
                  label={roleLabel(role)}
                  checked={roles.includes(role)}
                  onChange={(isOn) => setRoles(toggled(roles, role, isOn))}
                />
              ))}
            </div>
          </fieldset>

          <fieldset className="cg-fieldset">
            <legend>{t('checks.form.languages')}</legend>
            <p className="cg-hint">{t('checks.form.languagesHint')}</p>
            <div className="cg-checkbox-group">
              {LANGUAGES.map((language) => (
                <Checkbox
                  key={language.code}
                  label={languageName(language.code)}
                  checked={languages.includes(language.code)}
                  onChange={(isOn) => setLanguages(toggled(languages, language.code, isOn))}
                />
              ))}
            </div>
          </fieldset>

          <TextArea
            label={t('checks.form.note')}
            labelNote={t('common.optional')}
            hint={t('checks.form.noteHint')}
            value={note}
            onChange={setNote}
            maxLength={500}
            rows={3}
            error={fieldErrors.note}
          />
          <TextField
            label={t('checks.form.hours')}
            hint={t('checks.form.hoursHint')}
            type="number"
            inputMode="numeric"
            min={1}
            max={720}
            value={hours}
            onChange={setHours}
            error={hoursError ?? fieldErrors.respondWithinHours}
            className="cg-checks-hours"
          />
          <div>
            <Button type="submit">{t('checks.form.review')}</Button>
          </div>
        </form>
      </Card>

      <ConfirmDialog
        isOpen={isConfirming}
        title={t('checks.form.confirmTitle')}
        confirmLabel={t('checks.form.send')}
        cancelLabel={t('common.cancel')}
        isBusy={send.isBusy}
        error={send.error ? errorMessage(send.error) : undefined}
        onConfirm={() => void onSend()}
        onClose={() => setIsConfirming(false)}
      >
        <dl className="cg-details-list">
          <dt>{t('checks.form.whoIsAsked')}</dt>
          <dd>
            <FilterSummary filter={filter} />
          </dd>
          <dt>{t('checks.form.hours')}</dt>
          <dd>{t('checks.form.hoursValue', { hours: formatCount(Number(hours)) })}</dd>
          {note.trim() && (
            <>
              <dt>{t('checks.form.note')}</dt>
              <dd>{note.trim()}</dd>
            </>
          )}
        </dl>
        <p>{t('checks.form.confirmText')}</p>
      </ConfirmDialog>
    </>
  );
}

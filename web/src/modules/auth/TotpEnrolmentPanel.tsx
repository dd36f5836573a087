import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpEnrolment } from '../../api/types.ts';
import { CopyButton } from '../../ui/index.ts';

/** Base64 of UTF-8 text, for a data: URL. */
function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Groups of four characters are easier to type into an authenticator by hand. */
const groupSecret = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * The QR code and the secret for manual entry. The server's SVG is shown as an image, never inserted
 * as markup, so nothing in it can run.
 */
export function TotpEnrolmentPanel({ enrolment }: { enrolment: TotpEnrolment }) {
  const { t } = useTranslation();
  const qrSource = useMemo(() => `data:image/svg+xml;base64,${toBase64(enrolment.qrSvg)}`, [enrolment.qrSvg]);
  return (
    <div className="cg-stack">
      <ol className="cg-stack-tight">
        <li>{t('totp.stepInstall')}</li>
        <li>{t('totp.stepScan')}</li>
        <li>{t('totp.stepCode')}</li>
      </ol>
      <img className="cg-qr" src={qrSource} alt={t('totp.qrAlt')} width={192} height={192} />
      <div className="cg-stack-tight">
        <span className="cg-label">{t('totp.manualEntry')}</span>
        <div className="cg-secret">
          <code>{groupSecret(enrolment.secret)}</code>
          <CopyButton
            text={enrolment.secret}
            label={t('common.copy')}
            copiedLabel={t('common.copied')}
            failedLabel={t('common.copyFailed')}
          />
        </div>
      </div>
    </div>
  );
}

import { groupFingerprint } from './openpgpBrowser.ts';
import './disclosure.css';

/** An OpenPGP fingerprint in groups of four, left to right in every language, never translated. */
export function Fingerprint({ value }: { value: string }) {
  return (
    <code className="cg-vdp-fingerprint" dir="ltr" translate="no">
      {groupFingerprint(value)}
    </code>
  );
}

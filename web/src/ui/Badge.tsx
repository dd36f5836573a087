import type { ReactNode } from 'react';
import type { Tone } from './Alert.tsx';

type BadgeProps = { tone?: Tone | 'neutral'; children: ReactNode };

export function Badge({ tone = 'neutral', children }: BadgeProps) {
  return <span className={`cg-badge cg-badge-${tone}`}>{children}</span>;
}

export const TLP_LABELS = ['TLP:RED', 'TLP:AMBER+STRICT', 'TLP:AMBER', 'TLP:GREEN', 'TLP:CLEAR'] as const;
export type TlpLabel = (typeof TLP_LABELS)[number];

const tlpColourClass: Record<TlpLabel, string> = {
  'TLP:RED': 'cg-tlp-red',
  'TLP:AMBER+STRICT': 'cg-tlp-amber',
  'TLP:AMBER': 'cg-tlp-amber',
  'TLP:GREEN': 'cg-tlp-green',
  'TLP:CLEAR': 'cg-tlp-clear',
};

/** A TLP 2.0 label in its colour on black. Labels are never translated. */
export function TlpBadge({ label }: { label: TlpLabel }) {
  return (
    <span className={`cg-tlp ${tlpColourClass[label]}`} lang="en">
      {label}
    </span>
  );
}

import { useTranslation } from 'react-i18next';
import { Card } from '../../../ui/index.ts';
import './participation.css';

const STEPS = ['states', 'apply', 'ecosoc', 'nonObjection', 'objections', 'public'] as const;

/** The rules of taking part, in plain words, for someone who arrives for the first time. */
export function HowToTakePart() {
  const { t } = useTranslation();
  return (
    <Card title={t('processes.howTo.title')} description={t('processes.howTo.intro')}>
      <ol className="cg-proc-steps">
        {STEPS.map((step) => (
          <li key={step}>
            <strong>{t(`processes.howTo.steps.${step}.title`)}</strong>
            <span>{t(`processes.howTo.steps.${step}.text`)}</span>
          </li>
        ))}
      </ol>
    </Card>
  );
}

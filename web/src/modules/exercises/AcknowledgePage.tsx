import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { useDateFormatters } from '../../lib/dates.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { useFragmentToken } from '../../lib/fragment.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Alert, Button, PageHeader, Spinner } from '../../ui/index.ts';
import type { Acknowledgement } from './types.ts';

// One request per token for the page's life: a re-render or a second mount (React's development
// checks) must not turn "recorded now" into "already recorded".
const requests = new Map<string, Promise<Acknowledgement>>();

function acknowledgeOnce(token: string, isRetry: boolean) {
  let request = requests.get(token);
  if (!request || isRetry) {
    request = call(api.POST('/api/v1/communication-checks/acknowledgements', { body: { token } }));
    requests.set(token, request);
  }
  return request;
}

type State =
  | { kind: 'sending' }
  | { kind: 'done'; answer: Acknowledgement }
  | { kind: 'failed'; error: ApiError };

/**
 * /checks/acknowledge#token=…: the one click a point of contact makes to answer a communication check.
 * No sign-in: the link is the credential. The page posts the token as soon as it opens.
 */
export function AcknowledgePage() {
  const { t } = useTranslation();
  const token = useFragmentToken();
  const { messageOf } = useErrorMessages();
  const { formatDateTime } = useDateFormatters();
  const [state, setState] = useState<State>({ kind: 'sending' });
  const [attempt, setAttempt] = useState(0);
  usePageTitle(t('checks.ack.title'));

  useEffect(() => {
    if (!token) return;
    let isCurrent = true;
    setState({ kind: 'sending' });
    acknowledgeOnce(token, attempt > 0).then(
      (answer) => isCurrent && setState({ kind: 'done', answer }),
      (failure: unknown) =>
        isCurrent &&
        setState({
          kind: 'failed',
          error: failure instanceof ApiError ? failure : new ApiError(0, 'unexpected_error'),
        }),
    );
    return () => {
      isCurrent = false;
    };
  }, [token, attempt]);

  let body: ReactNode;
  if (!token) {
    body = (
      <Alert tone="danger" title={t('checks.ack.missingTitle')}>
        <p>{t('checks.ack.missingText')}</p>
      </Alert>
    );
  } else if (state.kind === 'sending') {
    body = <Spinner label={t('checks.ack.sending')} isLabelVisible />;
  } else if (state.kind === 'done') {
    const { answer } = state;
    const values = { poc: answer.pocName, org: answer.orgName, time: formatDateTime(answer.acknowledgedAt) };
    body = answer.alreadyAcknowledged ? (
      <Alert tone="success" title={t('checks.ack.alreadyTitle')} isLive>
        <p>{t('checks.ack.alreadyText', values)}</p>
        <p>{t('checks.ack.nothingMore')}</p>
      </Alert>
    ) : (
      <Alert tone="success" title={t('checks.ack.doneTitle')} isLive>
        <p>{t('checks.ack.doneText', values)}</p>
        <p>{t('checks.ack.nothingMore')}</p>
      </Alert>
    );
  } else if (state.error.code === 'invalid_token') {
    body = (
      <Alert tone="danger" title={t('checks.ack.invalidTitle')} isLive>
        <p>{t('checks.ack.invalidText')}</p>
      </Alert>
    );
  } else if (state.error.code === 'check_closed') {
    body = (
      <Alert tone="warning" title={t('checks.ack.closedTitle')} isLive>
        <p>{t('checks.ack.closedText')}</p>
      </Alert>
    );
  } else {
    body = (
      <Alert tone="danger" title={t('checks.ack.failedTitle')} isLive>
        <p>{messageOf(state.error)}</p>
        <Button variant="secondary" onClick={() => setAttempt((value) => value + 1)}>
          {t('checks.ack.retry')}
        </Button>
      </Alert>
    );
  }

  return (
    <div className="cg-main-narrow">
      <PageHeader title={t('checks.ack.title')} description={t('checks.ack.intro')} />
      {body}
    </div>
  );
}

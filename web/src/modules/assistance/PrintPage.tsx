import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateTime } from '../../lib/dates.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useQuery } from '../../lib/useQuery.ts';
import { Alert, Button, PageSpinner, TlpBadge } from '../../ui/index.ts';
import { getRequest } from './assistanceApi.ts';
import { useCodeLabels } from './codes.ts';
import { requestPath } from './paths.ts';
import { PlainText, RequestFields } from './RequestFields.tsx';
import { AttachmentList, ThreadView } from './Thread.tsx';
import { useTlpMeanings } from './tlp.ts';
import './print.css';

/**
 * /requests/:id/print: the whole request and thread for paper or PDF. TLP 2.0 asks for the label in the
 * header and footer of every page: fixed-position bands do that in Chromium's print, and the table's
 * repeated header and footer groups keep the page content clear of them.
 */
export function PrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { messageOf } = useErrorMessages();
  const { label } = useCodeLabels();
  const tlpMeanings = useTlpMeanings();
  const query = useQuery(`assistance-request:${id}`, () => getRequest(id));
  const request = query.data;
  usePageTitle(request ? `${request.tlp} ${request.title}` : t('assistance.printable'));

  if (query.isLoading && !request) return <PageSpinner label={t('common.loading')} />;
  if (!request)
    return <Alert tone="danger">{query.error ? messageOf(query.error) : t('errors.not_found')}</Alert>;

  const band = (position: 'top' | 'bottom') => (
    <div className={`cg-rfa-print-band cg-rfa-print-band-${position}`}>
      <TlpBadge label={request.tlp} />
      <span className="cg-rfa-print-band-id">{request.id}</span>
    </div>
  );

  return (
    <div className="cg-rfa-print">
      <div className="cg-rfa-print-toolbar cg-cluster">
        <Button onClick={() => window.print()}>{t('assistance.print.print')}</Button>
        <Link to={requestPath(request.id)}>{t('assistance.print.back')}</Link>
      </div>
      {band('top')}
      {band('bottom')}
      <table className="cg-rfa-print-layout" role="presentation">
        <thead>
          <tr>
            <td>
              <div className="cg-rfa-print-space" />
            </td>
          </tr>
        </thead>
        <tfoot>
          <tr>
            <td>
              <div className="cg-rfa-print-space" />
            </td>
          </tr>
        </tfoot>
        <tbody>
          <tr>
            <td>
              <article className="cg-rfa-print-document">
                <header className="cg-rfa-print-header">
                  <p className="cg-rfa-print-tlp-line">
                    <TlpBadge label={request.tlp} /> <span>{tlpMeanings[request.tlp]}</span>
                  </p>
                  <h1 dir="auto">{request.title}</h1>
                  <p>
                    {label('messageTypes', request.type)} · <code>{request.id}</code>
                  </p>
                </header>
                <section>
                  <h2>{t('assistance.thread.status')}</h2>
                  <dl className="cg-rfa-print-fields">
                    <dt>{t('assistance.fields.sender')}</dt>
                    <dd>
                      <bdi>{request.senderOrg.name}</bdi> · <bdi>{request.sender.name}</bdi>
                    </dd>
                    <dt>{t('assistance.fields.sentAt')}</dt>
                    <dd>
                      <DateTime value={request.createdAt} />
                    </dd>
                    <dt>{t('assistance.fields.acknowledgeBy')}</dt>
                    <dd>
                      <DateTime value={request.acknowledgeBy} />
                    </dd>
                    <dt>{t('assistance.fields.respondBy')}</dt>
                    <dd>
                      <DateTime value={request.respondBy} />
                    </dd>
                    {request.closedAt && (
                      <>
                        <dt>{t('assistance.fields.closedAt')}</dt>
                        <dd>
                          <DateTime value={request.closedAt} />
                        </dd>
                      </>
                    )}
                    <dt>{t('assistance.fields.recipients')}</dt>
                    <dd>
                      <ul className="cg-rfa-plain-list">
                        {request.recipients.map((recipient) => (
                          <li key={recipient.org.id}>
                            <bdi>{recipient.org.name}</bdi>
                            {recipient.status && <> — {label('requestStatuses', recipient.status)}</>}
                            {recipient.decisionReason && <PlainText text={recipient.decisionReason} />}
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </dl>
                </section>
                <section>
                  <h2>{t('assistance.thread.details')}</h2>
                  <RequestFields request={request} />
                </section>
                <section>
                  <h2>{t('assistance.fields.description')}</h2>
                  <PlainText text={request.description} />
                </section>
                {request.attachments.length > 0 && (
                  <section>
                    <h2>{t('assistance.fields.attachments')}</h2>
                    <AttachmentList requestId={request.id} attachments={request.attachments} isPrint />
                  </section>
                )}
                <section>
                  <h2>{t('assistance.thread.heading')}</h2>
                  <ThreadView request={request} isPrint />
                </section>
              </article>
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/**
 * The public page a plaque's QR code opens (/p/:county/:code): no login and no app shell, phone first, Chinese
 * with an English switch. It shows the card's content, how the pairing is going and the approved comments, and
 * takes feedback (stars and a comment). The API sends nothing sensitive, so nothing here needs masking.
 */
import { Alert, Card, Descriptions, Empty, Result, Skeleton, Tag } from 'antd';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { useLang, useMessages } from '../../i18n/i18n.tsx';
import { FeedbackForm } from './feedback-form.tsx';
import { type PublicPlaque, usePublicPlaque } from './plaque-api.ts';
import { plaqueMessages } from './plaque-messages.ts';
import './plaques.css';

/** One figure of the progress block (plain markup: the dashboard's Statistic would be split into more shared chunks). */
function Figure({ title, value }: { title: string; value: string }) {
  return (
    <div className="public-figure">
      <div className="public-figure-title">{title}</div>
      <div className="public-figure-value">{value}</div>
    </div>
  );
}

function Progress({ page }: { page: PublicPlaque }) {
  const m = useMessages(plaqueMessages);
  const { lang } = useLang();
  const p = page.progress;
  if (!p) return null;
  const rating = p.feedbackAverage === null ? m.noRating : `${p.feedbackAverage} ★ · ${m.ratingCount(p.feedbackCount)}`;
  return (
    <Card size="small" title={m.progress}>
      <div className="public-figures" data-testid="public-progress">
        <Figure title={m.daysPaired} value={`${p.daysPaired} ${m.days}`} />
        <Figure title={m.fulfilled} value={`${p.commitmentsFulfilled} / ${p.commitmentsTotal}`} />
        <Figure title={m.rating} value={rating} />
        <Figure title={m.status} value={page.household?.status[lang] ?? ''} />
      </div>
    </Card>
  );
}

function Details({ page }: { page: PublicPlaque }) {
  const m = useMessages(plaqueMessages);
  const { lang } = useLang();
  const { household, helper } = page;
  if (!household || !helper) return null;
  return (
    <>
      <Card size="small" title={m.household}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={m.headName}>{household.headName}</Descriptions.Item>
          <Descriptions.Item label={m.place}>
            {[household.villageName, household.naturalVillageName].filter(Boolean).join(' ')}
          </Descriptions.Item>
          <Descriptions.Item label={m.attribute}>
            <Tag>{household.attribute[lang]}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={m.mainCause}>
            <Tag>{household.mainCause[lang]}</Tag>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={m.helper}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={m.helperName}>{helper.name}</Descriptions.Item>
          <Descriptions.Item label={m.workUnit}>{helper.workUnit ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={m.post}>{helper.post ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={m.phone}>
            {helper.publicPhone ? <a href={`tel:${helper.publicPhone}`}>{helper.publicPhone}</a> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={m.since}>{page.startedOn}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={m.measures}>
        <p className="plaque-text">{page.measures || m.noMeasures}</p>
      </Card>
      <Card size="small" title={m.commitments(page.commitmentYear ?? 0)}>
        {page.commitments?.length ? (
          <ol className="plaque-commitments">
            {page.commitments.map((c) => (
              <li key={c.position}>
                {c.content} {c.fulfilled && <Tag color="green">✓</Tag>}
              </li>
            ))}
          </ol>
        ) : (
          <p className="plaque-text">{m.noCommitments}</p>
        )}
      </Card>
    </>
  );
}

function Comments({ page }: { page: PublicPlaque }) {
  const m = useMessages(plaqueMessages);
  if (!page.comments?.length) return null;
  return (
    <Card size="small" title={m.comments}>
      {page.comments.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: approved comments carry no id on the public page
        <p key={i} className="public-comment">
          <span className="public-stars">{'★'.repeat(c.satisfaction)}</span> {c.comment}{' '}
          <span className="plaque-url">{c.submittedOn}</span>
        </p>
      ))}
    </Card>
  );
}

function Body({ county, code }: { county: string; code: string }) {
  const m = useMessages(plaqueMessages);
  const query = usePublicPlaque(county, code);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return notFound ? (
      <Result status="404" title={m.notFound} subTitle={m.notFoundHint} />
    ) : (
      <Alert type="error" showIcon title={query.error.message} />
    );
  }
  const page = query.data;
  if (page.ended) {
    return <Result status="info" title={m.ended} subTitle={page.endedOn ? m.endedOn(page.endedOn) : undefined} />;
  }
  return (
    <>
      <Details page={page} />
      <Progress page={page} />
      <Comments page={page} />
      <FeedbackForm county={county} code={code} />
    </>
  );
}

export default function PublicPlaquePage() {
  const m = useMessages(plaqueMessages);
  const { county = '', code = '' } = useParams();
  return (
    <main className="public-plaque">
      <header className="public-plaque-head">
        <h1>{m.publicTitle}</h1>
        <LanguageSwitch />
      </header>
      {/^[0-9]{6}$/.test(county) && code ? <Body county={county} code={code} /> : <Empty description={m.notFound} />}
    </main>
  );
}

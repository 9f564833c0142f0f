/**
 * The dashboard's Party life section (党组织生活与星级评定) for the selected scope and the business year: required
 * activities held in time, late, missed and not yet due with the in-time rate, and members by stars with the
 * vetoed, exempt and not-yet-rated counts; links through to the compliance view and the star board. Plain markup
 * and antd Row/Col only (like the things-done section), a lazy chunk loaded after the map, shown only to roles
 * that read Party life.
 */
import { Col, Row } from 'antd';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import '../warnings/warnings.css';
import { ChartCard } from './chart-card.tsx';
import { type PartyLifeMessages, partyLifeMessages } from './party-life-messages.ts';
import { type PartyLifeBody, usePartyLife } from './use-party-life.ts';

type Figures = PartyLifeBody;

/** One labelled figure: a row of the section's small tables (testid for the browser journey). */
function Figure({ label, value, id }: { label: string; value: number; id: string }) {
  return (
    <tr data-testid={`party-life-${id}`} data-value={value}>
      <td>{label}</td>
      <td className="things-done-value">{value.toLocaleString()}</td>
    </tr>
  );
}

function Activities({ data, m }: { data: Figures; m: PartyLifeMessages }) {
  const a = data.activities;
  if (a.required === 0) return <p className="party-life-empty">{m.noActivities}</p>;
  return (
    <>
      <div className="things-done-rate">
        <span>{m.rate}</span>
        <strong data-testid="party-life-rate">{(a.rate * 100).toFixed(1)}%</strong>
      </div>
      <table className="things-done-table">
        <tbody>
          <Figure id="required" label={m.required} value={a.required} />
          <Figure id="held" label={m.held} value={a.held} />
          <Figure id="late" label={m.late} value={a.late} />
          <Figure id="missed" label={m.missed} value={a.missed} />
          <Figure id="due" label={m.due} value={a.due} />
        </tbody>
      </table>
    </>
  );
}

function Stars({ data, m }: { data: Figures; m: PartyLifeMessages }) {
  const s = data.stars;
  if (s.members === 0) return <p className="party-life-empty">{m.notComputed}</p>;
  const levels = ['5', '4', '3', '2', '1'] as const;
  const max = Math.max(1, ...levels.map((k) => s.byStars[k]));
  return (
    <>
      <div className="things-done-rate">
        <span>{m.rated(s.rated)}</span>
        {s.stage && <strong>{m.stage[s.stage]}</strong>}
      </div>
      <ul className="things-done-months" data-testid="party-life-stars">
        {levels.map((k) => (
          <li key={k} data-stars={k} data-value={s.byStars[k]}>
            <span className="things-done-label">{m.starLabel(Number(k))}</span>
            <span className="party-life-bar" style={{ width: `${(s.byStars[k] / max) * 100}%` }} />
            <span className="things-done-value">{s.byStars[k]}</span>
          </li>
        ))}
      </ul>
      <table className="things-done-table">
        <tbody>
          <Figure id="vetoed" label={m.vetoed} value={s.vetoed} />
          <Figure id="exempt" label={m.exempt} value={s.exempt} />
          <Figure id="unrated" label={m.unrated} value={s.unrated} />
        </tbody>
      </table>
    </>
  );
}

export default function PartyLifeSection({ county, scope }: { county: string; scope: string }) {
  const m = useMessages(partyLifeMessages);
  const data = usePartyLife(county, scope).data;
  if (!data) return <div className="dashboard-skeleton" />;
  const empty = data.activities.required === 0 && data.stars.members === 0 && data.stars.unrated === 0;
  return (
    <Row gutter={[12, 12]} data-testid="party-life" data-scope={data.scope}>
      {empty ? (
        <Col span={24}>
          <ChartCard title={m.title(data.year)}>
            <p className="party-life-empty" data-testid="party-life-empty">
              {m.empty}
            </p>
          </ChartCard>
        </Col>
      ) : (
        <>
          <Col xs={24} lg={12}>
            <ChartCard title={`${m.title(data.year)} · ${m.activities}`}>
              <Activities data={data} m={m} />
              <ScopedLink to={`/activities/compliance?year=${data.year}`} className="things-done-link">
                {m.complianceLink} →
              </ScopedLink>
            </ChartCard>
          </Col>
          <Col xs={24} lg={12}>
            <ChartCard title={m.stars}>
              <Stars data={data} m={m} />
              <ScopedLink to={`/stars?year=${data.year}`} className="things-done-link">
                {m.boardLink} →
              </ScopedLink>
            </ChartCard>
          </Col>
        </>
      )}
    </Row>
  );
}

/**
 * The dashboard's things-done section (办实事): things done per month as a small bar list, the largest child
 * units, problems by level and status with the on-time rate, and a link to the early-warning list. Plain markup and
 * antd Row/Col only: sharing another antd part with the dashboard page moves antd code onto its first screen. A lazy chunk
 * of its own that the dashboard's lazy sections load after the first screen; it fetches its own data, so the
 * dashboard page chunk and its first request stay as they were.
 */
import { Col, Row } from 'antd';
import { ScopedLink } from '../../components/scoped-link.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { ChartCard } from '../dashboard/chart-card.tsx';
import { type ThingsDoneBody, useThingsDone } from './warnings-api.ts';
import { type WarningsMessages, warningsMessages } from './warnings-messages.ts';
import './warnings.css';

function Months({ data, m }: { data: ThingsDoneBody; m: WarningsMessages }) {
  const max = Math.max(1, ...data.months.map((x) => x.total));
  return (
    <ul className="things-done-months" data-testid="things-done-months">
      {data.months.map((x) => (
        <li key={x.month} title={`${m.helpRecords} ${x.helpRecords} · ${m.problemsResolved} ${x.problemsResolved}`}>
          <span className="things-done-label">{m.month(x.month)}</span>
          <span className="things-done-bar" style={{ width: `${(x.total / max) * 100}%` }} />
          <span className="things-done-value">{x.total}</span>
        </li>
      ))}
    </ul>
  );
}

function Problems({ data, m }: { data: ThingsDoneBody; m: WarningsMessages }) {
  const { byLevelStatus, onTimeRate } = data.problems;
  return (
    <>
      <div className="things-done-rate">
        <span>{m.onTime}</span>
        {onTimeRate === null ? (
          <span>{m.onTimeNone}</span>
        ) : (
          <strong data-testid="things-done-on-time">{(Math.round(onTimeRate * 1000) / 10).toFixed(1)}%</strong>
        )}
      </div>
      <table className="things-done-table">
        <tbody>
          {byLevelStatus.map((c) => (
            <tr key={`${c.level}-${c.status}`}>
              <td>{m.levels[c.level] ?? c.level}</td>
              <td>{m.statuses[c.status] ?? c.status}</td>
              <td className="things-done-value">{c.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export default function ThingsDoneSection({ county, scope }: { county: string; scope: string }) {
  const m = useMessages(warningsMessages);
  const query = useThingsDone(county, scope);
  const data = query.data;
  if (!data) return <div className="dashboard-skeleton" />;
  const top = [...data.byUnit].sort((a, b) => b.total - a.total).slice(0, 8);
  return (
    <Row gutter={[12, 12]} data-testid="things-done">
      <Col xs={24} lg={12}>
        <ChartCard title={m.thingsDoneYear(data.year)}>
          <div className="things-done-total" data-testid="things-done-total" data-value={data.total}>
            <span>{m.total}</span>
            <strong>{data.total.toLocaleString()}</strong>
          </div>
          <Months data={data} m={m} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title={m.problems}>
          <Problems data={data} m={m} />
          {top.length > 0 && (
            <table className="things-done-table">
              <caption>{m.byUnit}</caption>
              <tbody>
                {top.map((u) => (
                  <tr key={u.code}>
                    <td>{u.name}</td>
                    <td className="things-done-value">{u.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <ScopedLink to="/problems/warnings" className="things-done-link">
            {m.warningsLink} →
          </ScopedLink>
        </ChartCard>
      </Col>
    </Row>
  );
}

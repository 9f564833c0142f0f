/**
 * The exit test of the latest income year (GET /exit-assessment): income above the line, 两不愁三保障 and safe
 * water, each check passed or failed with the server's explanation.
 */
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Card, Empty, Tag } from 'antd';
import { QueryState } from '../../components/query-state.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { type HouseholdDetail, useExitAssessment } from './household-api.ts';
import { householdMessages } from './household-messages.ts';

export function ExitAssessmentCard({ record }: { record: HouseholdDetail }) {
  const m = useMessages(householdMessages);
  const { county } = useScope();
  const hasIncome = record.income.length > 0;
  const assessment = useExitAssessment(county, record.id, hasIncome);
  return (
    <Card title={m.sections.exit} size="small" className="exit-card">
      {!hasIncome ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.noIncome} />
      ) : (
        <QueryState query={assessment} compact rows={3}>
          {(result) => (
            <>
              <div className="exit-summary">
                <Tag color={result.passes ? 'green' : 'red'} className="exit-verdict">
                  {result.passes ? m.exitPasses : m.exitFails}
                </Tag>
                <span>{m.exitYear(result.year, result.line)}</span>
              </div>
              <ul className="exit-checks">
                {result.checks.map((check) => (
                  <li
                    key={check.code}
                    className={check.passed ? 'exit-check' : 'exit-check failed'}
                    data-check={check.code}
                  >
                    {check.passed ? (
                      <CheckCircleFilled className="exit-check-icon passed" />
                    ) : (
                      <CloseCircleFilled className="exit-check-icon failed" />
                    )}
                    <div>
                      <div className="exit-check-title">{m.exitChecks[check.code] ?? check.code}</div>
                      <div className="exit-check-detail">{check.detail}</div>
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )}
        </QueryState>
      )}
    </Card>
  );
}

/** The review page's head: the scope's figures (需帮扶户, 已覆盖, 缺口, 满额党员, 总匹配分) and the shortfall by village. */
import { Alert, Card, Col, Row, Statistic } from 'antd';
import type { Suggestions } from './pairing-api.ts';
import type { PairingMessages } from './pairing-messages.ts';

type SummaryKey = keyof PairingMessages['suggestions']['summary'];
const KEYS: SummaryKey[] = ['householdsNeedingHelp', 'householdsCovered', 'shortfall', 'membersAtCapacity', 'totalFit'];

export function SuggestionSummary({ data, m }: { data: Suggestions; m: PairingMessages['suggestions'] }) {
  return (
    <>
      <Row gutter={[12, 12]} className="pairing-summary" data-testid="pairing-summary">
        {KEYS.map((key) => (
          <Col key={key} xs={12} sm={8} lg={4}>
            <Card size="small">
              <Statistic
                title={m.summary[key]}
                value={data.summary[key]}
                styles={key === 'shortfall' && data.summary.shortfall > 0 ? { content: { color: '#cf1322' } } : {}}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {data.shortfall.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="pairing-shortfall"
          title={m.shortfallTitle}
          description={
            <ul className="pairing-shortfall-list">
              {data.shortfall.map((v) => (
                <li key={v.villageCode}>{m.shortfallLine(v.townshipName, v.villageName, v.households.length)}</li>
              ))}
            </ul>
          }
        />
      )}
    </>
  );
}

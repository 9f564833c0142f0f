/**
 * Plaque printing: one pairing's card (/pairings/:id/plaque) or every current pairing's of a village
 * (/plaques?village=…, else the selected scope's village). 打印 prints the cards alone, one per A5 page: the print
 * style sheet hides the shell and this page's own toolbar.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { usePlaques } from './plaque-api.ts';
import { PlaqueCard } from './plaque-card.tsx';
import { plaqueMessages } from './plaque-messages.ts';
import './plaques.css';

export default function PlaquePrintPage() {
  const m = useMessages(plaqueMessages);
  const { county, scope } = useScope();
  const { id } = useParams();
  const [params] = useSearchParams();
  const asked = params.get('village');
  const village = asked && /^[0-9]{12}$/.test(asked) ? asked : scope.length >= 12 ? scope.slice(0, 12) : undefined;
  const pairing = id !== undefined && /^[0-9]+$/.test(id) ? Number(id) : undefined;
  const plaques = usePlaques(asked?.slice(0, 6) ?? county, pairing !== undefined ? { pairing } : { village });
  const waiting = pairing === undefined && village === undefined;

  return (
    <>
      <div className="page-title no-print">
        <Typography.Title level={2}>{m.printTitle}</Typography.Title>
        <Space wrap>
          {plaques.data && <Typography.Text type="secondary">{m.count(plaques.data.length)}</Typography.Text>}
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!plaques.data?.length}
            onClick={() => window.print()}
          >
            {m.print}
          </Button>
        </Space>
      </div>
      <Typography.Paragraph type="secondary" className="no-print">
        {waiting ? m.chooseVillage : m.printHint}
      </Typography.Paragraph>
      {!waiting && (
        <QueryState query={plaques}>
          {(items) =>
            items.length === 0 ? (
              <Empty description={m.none} />
            ) : (
              <div className="plaque-sheets">
                {items.map((p) => (
                  <PlaqueCard key={p.id} plaque={p} />
                ))}
              </div>
            )
          }
        </QueryState>
      )}
    </>
  );
}

/** The phone layout of one problem in a list (the inbox, the overdue board): a card, never a sideways table. */
import { Card, Tag } from 'antd';
import { useDictionary } from '../../api/dictionary.ts';
import { ScopedLink } from '../../components/scoped-link.tsx';
import type { ProblemItem } from './problem-api.ts';
import type { ProblemMessages } from './problem-messages.ts';
import { Deadline, ProblemStatusTag } from './problem-parts.tsx';

export function ProblemCardRow({ row, m }: { row: ProblemItem; m: ProblemMessages }) {
  const category = useDictionary('problem_category');
  const f = m.fields;
  return (
    <Card size="small" className={`list-card${row.overdue ? ' problem-overdue-card' : ''}`}>
      <div className="list-card-head">
        <ScopedLink to={`/problems/${row.id}`}>
          <strong>#{row.id}</strong>
        </ScopedLink>
        <span>{row.headName}</span>
        <ProblemStatusTag status={row.status} m={m} />
        {row.urgency === 'urgent' && <Tag color="red">{m.urgencies.urgent}</Tag>}
      </div>
      <div className="list-card-line">
        {category.label(row.category)} · {m.levels[row.level]} · {f.holder}: {row.holderName ?? row.holderCode}
      </div>
      <div className="list-card-line problem-card-description">{row.description}</div>
      <div className="list-card-line">
        {f.due}: <Deadline p={row} m={m} />
      </div>
    </Card>
  );
}

/**
 * The problem deadlines table (办理时限): one row per category and urgency, one column per level, each cell the
 * hours in force (the county's own marked, a default greyed) and editable; edits and resets are collected and
 * saved together, and the server's problems show under the cells they name (`cells.<i>.hours` → that cell).
 */
import { Alert, Button, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ApiFieldProblem } from '../../api/client.ts';
import { ApiError } from '../../api/client.ts';
import { FormProblems } from '../../components/form-problems.tsx';
import { type DeadlineChange, type DeadlineSettings, useSaveDeadlines } from './settings-api.ts';
import type { SettingsMessages } from './settings-messages.ts';

type Row = DeadlineSettings['rows'][number];
type Level = DeadlineChange['level'];
const LEVELS: Level[] = ['grid', 'village', 'township', 'county'];
const keyOf = (row: Row, level: Level) => `${row.category}.${row.urgency}.${level}`;

interface Props {
  county: string;
  settings: DeadlineSettings;
  m: SettingsMessages;
}

interface CellProps {
  row: Row;
  level: Level;
  edit: number | null | undefined;
  errors: string[] | undefined;
  onEdit(value: number | null | undefined): void;
  m: SettingsMessages;
}

/** One cell: the value (an edit, a pending reset or what is in force), its origin and a reset link. */
function DeadlineCell({ row, level, edit, errors, onEdit, m }: CellProps) {
  const cell = row.cells[level];
  const shown = edit === undefined ? cell.hours : edit === null ? cell.defaultHours : edit;
  const own = edit === undefined ? cell.own : edit !== null;
  const testId = `deadline-${row.category}-${row.urgency}-${level}`;
  return (
    <div className="deadline-cell">
      <InputNumber
        min={1}
        precision={0}
        size="small"
        value={shown}
        suffix={m.hours}
        status={errors ? 'error' : undefined}
        style={{ width: 110 }}
        onChange={(v) => onEdit(v === null ? undefined : v === cell.hours && edit !== null ? undefined : v)}
        data-testid={testId}
        aria-label={`${row.categoryLabel} ${m.urgencies[row.urgency]} ${m.levels[level]}`}
      />
      <div>
        {own ? (
          <Tag color={edit === undefined ? 'blue' : 'orange'}>{m.own}</Tag>
        ) : (
          <Typography.Text type="secondary">{m.defaultValue(String(cell.defaultHours))}</Typography.Text>
        )}
        {own && (
          <Button
            type="link"
            size="small"
            onClick={() => onEdit(cell.own ? null : undefined)}
            data-testid={`${testId}-reset`}
          >
            {m.resetCell}
          </Button>
        )}
        <Typography.Text type="secondary">{m.asDays(shown)}</Typography.Text>
      </div>
      {errors?.map((e) => (
        <Typography.Text key={e} type="danger" className="deadline-error">
          {e}
        </Typography.Text>
      ))}
    </div>
  );
}

/** The server's problems by cell key (the request's `cells.<i>` maps back to the i-th change sent). */
function problemsByCell(error: unknown, sent: DeadlineChange[]) {
  const byCell = new Map<string, string[]>();
  const unplaced: ApiFieldProblem[] = [];
  if (!(error instanceof ApiError)) return { byCell, unplaced };
  for (const p of error.details) {
    const change = sent[Number(/^cells\.(\d+)/.exec(p.path)?.[1] ?? Number.NaN)];
    if (!change) unplaced.push(p);
    else {
      const key = `${change.category}.${change.urgency}.${change.level}`;
      byCell.set(key, [...(byCell.get(key) ?? []), p.message]);
    }
  }
  return { byCell, unplaced };
}

export function DeadlineSettingsTable({ county, settings, m }: Props) {
  const save = useSaveDeadlines(county);
  /** key → new hours, or null = back to the default */
  const [edits, setEdits] = useState<Map<string, number | null>>(new Map());
  const [sent, setSent] = useState<DeadlineChange[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const { byCell, unplaced } = problemsByCell(error, sent);
  const setEdit = (key: string, value: number | null | undefined) => {
    setDone(false);
    setEdits((old) => {
      const next = new Map(old);
      if (value === undefined) next.delete(key);
      else next.set(key, value);
      return next;
    });
  };
  const onSave = async () => {
    const cells = [...edits].map(([key, hours]) => {
      const [category, urgency, level] = key.split('.') as [string, DeadlineChange['urgency'], Level];
      return { category, urgency, level, hours };
    });
    setSent(cells);
    setError(null);
    try {
      await save.mutateAsync(cells);
      setEdits(new Map());
      setDone(true);
    } catch (e) {
      setError(e);
    }
  };
  const columns = [
    {
      title: m.category,
      key: 'category',
      fixed: 'left' as const,
      render: (_: unknown, r: Row) => (
        <>
          {r.categoryLabel} <Tag color={r.urgency === 'urgent' ? 'red' : 'default'}>{m.urgencies[r.urgency]}</Tag>
        </>
      ),
    },
    ...LEVELS.map((level) => ({
      title: m.levels[level],
      key: level,
      render: (_: unknown, r: Row) => (
        <DeadlineCell
          row={r}
          level={level}
          edit={edits.get(keyOf(r, level))}
          errors={byCell.get(keyOf(r, level))}
          onEdit={(v) => setEdit(keyOf(r, level), v)}
          m={m}
        />
      ),
    })),
  ];
  return (
    <div data-testid="deadline-settings">
      <Typography.Paragraph type="secondary">{m.deadlinesIntro}</Typography.Paragraph>
      <FormProblems error={error} unplaced={unplaced} />
      {done && (
        <Alert type="success" showIcon title={m.deadlinesSaved} role="status" data-testid="deadline-settings-saved" />
      )}
      <Table
        rowKey={(r) => `${r.category}.${r.urgency}`}
        size="small"
        columns={columns}
        dataSource={settings.rows}
        pagination={false}
        scroll={{ x: 760 }}
      />
      <Space className="deadline-actions">
        <Button
          type="primary"
          disabled={edits.size === 0}
          loading={save.isPending}
          onClick={() => void onSave()}
          data-testid="deadline-settings-save"
        >
          {m.saveDeadlines}
        </Button>
        <Button
          disabled={edits.size === 0}
          onClick={() => {
            setEdits(new Map());
            setError(null);
          }}
        >
          {m.discard}
        </Button>
        {edits.size > 0 && <Typography.Text type="secondary">{m.pending(edits.size)}</Typography.Text>}
      </Space>
    </div>
  );
}

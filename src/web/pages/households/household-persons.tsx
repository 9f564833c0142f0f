/** The household's current members: a table on desktop, cards on phones; add or correct one in a dialog. */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface.js';
import { useState } from 'react';
import { DictLabel } from '../../components/dict-tags.tsx';
import { allows } from '../../components/record-actions.ts';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import type { HouseholdDetail, Person } from './household-api.ts';
import { RemovePersonDialog } from './household-edit-dialogs.tsx';
import { householdEditMessages } from './household-edit-messages.ts';
import { householdFormMessages } from './household-form-messages.ts';
import { householdMessages } from './household-messages.ts';
import { PersonDialog } from './person-dialog.tsx';

type Messages = (typeof householdFormMessages)['zh'];

/** Correct or remove one person (the head is removed only after another member becomes head). */
function PersonActions({ person, onEdit, onRemove }: { person: Person; onEdit(): void; onRemove(): void }) {
  const m = useMessages(householdFormMessages);
  const em = useMessages(householdEditMessages);
  return (
    <Space size={4}>
      <Button size="small" icon={<EditOutlined />} aria-label={m.editPerson} onClick={onEdit} />
      <Button
        size="small"
        danger
        icon={<DeleteOutlined />}
        aria-label={`${em.removePerson} ${person.name}`}
        onClick={onRemove}
      />
    </Space>
  );
}

interface Editing {
  person: Person | undefined;
  remove?: boolean;
}

function personColumns(m: Messages, setEditing: (editing: Editing) => void): ColumnsType<Person> {
  const p = m.person;
  const dict = (kind: string, key: keyof Person) => (_: unknown, row: Person) => (
    <DictLabel kind={kind} code={String(row[key])} />
  );
  return [
    { key: 'name', title: p.name, fixed: 'left', render: (_, r) => <span className="person-name">{r.name}</span> },
    { key: 'relation', title: p.relation, render: dict('relation', 'relation') },
    { key: 'sex', title: p.sex, render: (_, r) => m.sex[r.sex] },
    { key: 'birthDate', title: p.age, dataIndex: 'birthDate' },
    { key: 'idNumber', title: p.idNumber, dataIndex: 'idNumber' },
    { key: 'education', title: p.education, render: dict('education', 'education') },
    { key: 'schoolStatus', title: p.schoolStatus, render: dict('school_status', 'schoolStatus') },
    { key: 'health', title: p.health, render: dict('health', 'health') },
    { key: 'labour', title: p.labour, render: dict('labour', 'labour') },
    { key: 'monthsWorked', title: p.monthsWorked, dataIndex: 'monthsWorked' },
    {
      key: 'insurance',
      title: p.insurance,
      render: (_, r) => `${r.hasMedicalInsurance ? '✓' : '✗'} / ${r.hasPensionInsurance ? '✓' : '✗'}`,
    },
    {
      key: 'edit',
      title: '',
      render: (_, r) => (
        <PersonActions
          person={r}
          onEdit={() => setEditing({ person: r })}
          onRemove={() => setEditing({ person: r, remove: true })}
        />
      ),
    },
  ];
}

function PersonCard({
  person,
  editable,
  onEdit,
  onRemove,
}: {
  person: Person;
  editable: boolean;
  onEdit(): void;
  onRemove(): void;
}) {
  const m = useMessages(householdFormMessages);
  return (
    <Card size="small" className="list-card">
      <div className="list-card-head">
        <strong className="person-name">{person.name}</strong>
        <Tag>
          <DictLabel kind="relation" code={person.relation} />
        </Tag>
        <span>
          {m.sex[person.sex]} · {person.birthDate}
        </span>
        {editable && <PersonActions person={person} onEdit={onEdit} onRemove={onRemove} />}
      </div>
      <div className="list-card-line">
        <DictLabel kind="health" code={person.health} /> · <DictLabel kind="labour" code={person.labour} /> ·{' '}
        <DictLabel kind="education" code={person.education} />
      </div>
    </Card>
  );
}

export function HouseholdPersons({ record }: { record: HouseholdDetail }) {
  const m = useMessages(householdFormMessages);
  const hm = useMessages(householdMessages);
  const isPhone = useIsPhone();
  const editable = allows(record, 'household.write');
  const [editing, setEditing] = useState<Editing | null>(null);
  const add = (
    <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ person: undefined })}>
      {m.addPerson}
    </Button>
  );
  return (
    <Card
      title={
        <>
          {hm.sections.persons} (<span className="household-persons-count">{record.persons.length}</span>)
        </>
      }
      size="small"
      extra={editable && add}
    >
      {isPhone ? (
        <div className="card-list">
          {record.persons.map((p) => (
            <PersonCard
              key={p.id}
              person={p}
              editable={editable}
              onEdit={() => setEditing({ person: p })}
              onRemove={() => setEditing({ person: p, remove: true })}
            />
          ))}
        </div>
      ) : (
        <Table<Person>
          rowKey="id"
          size="small"
          columns={personColumns(m, setEditing).filter((c) => editable || c.key !== 'edit')}
          dataSource={record.persons}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      )}
      {editing?.remove && editing.person ? (
        <RemovePersonDialog householdId={record.id} person={editing.person} onClose={() => setEditing(null)} />
      ) : (
        editing && <PersonDialog householdId={record.id} person={editing.person} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}

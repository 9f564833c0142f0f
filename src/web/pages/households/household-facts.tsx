/** The household's own fields and its living conditions, as two description lists. */
import { Card, Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { DictLabel, DictTags } from '../../components/dict-tags.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import type { HouseholdDetail } from './household-api.ts';
import { householdMessages } from './household-messages.ts';

const COLUMNS = { xs: 1, sm: 2, xl: 3 };

function items(entries: [string, ReactNode][]) {
  return entries.map(([label, children]) => ({ key: label, label, children }));
}

export function HouseholdBasics({ record }: { record: HouseholdDetail }) {
  const m = useMessages(householdMessages);
  const f = m.fields;
  return (
    <Card title={m.sections.basics} size="small">
      <Descriptions
        size="small"
        column={COLUMNS}
        items={items([
          [f.registryNo, record.registryNo],
          [f.headName, record.headName],
          [f.size, m.people(record.size)],
          [f.place, `${record.villageName} · ${record.naturalVillageName}`],
          [f.address, record.address || '—'],
          [f.phone, record.phone ?? '—'],
          [f.standard, <DictLabel key="s" kind="standard" code={record.standard} />],
          [f.attribute, <DictLabel key="a" kind="attribute" code={record.attribute} />],
          [f.mainCause, <DictTags key="c" kind="cause" codes={[record.mainCause]} color="red" />],
          [
            f.otherCauses,
            record.otherCauses.length ? <DictTags key="o" kind="cause" codes={record.otherCauses} /> : '—',
          ],
          [f.identifiedYear, record.identifiedYear],
          [f.plannedExitYear, record.plannedExitYear ?? '—'],
          [f.bankName, record.bankName ?? '—'],
          [f.bankAccount, record.bankAccount ?? '—'],
        ])}
      />
    </Card>
  );
}

export function HouseholdConditions({ record }: { record: HouseholdDetail }) {
  const m = useMessages(householdMessages);
  const f = m.fields;
  const yesNo = (v: boolean) => (v ? m.yes : m.no);
  const num = (v: number | null) => (v === null ? '—' : v);
  return (
    <Card title={m.sections.conditions} size="small">
      <Descriptions
        size="small"
        column={COLUMNS}
        items={items([
          [f.farmlandMu, num(record.farmlandMu)],
          [f.forestMu, num(record.forestMu)],
          [f.roadDistanceKm, num(record.roadDistanceKm)],
          [f.housingArea, num(record.housingArea)],
          [
            f.housingStructure,
            record.housingStructure ? (
              <DictLabel key="h" kind="housing_structure" code={record.housingStructure} />
            ) : (
              '—'
            ),
          ],
          [f.housingGrade, record.housingGrade ?? '—'],
          [f.hasPower, yesNo(record.hasPower)],
          [f.safeWater, yesNo(record.safeWater)],
          [f.hasToilet, yesNo(record.hasToilet)],
          [f.inCooperative, yesNo(record.inCooperative)],
          [f.foodClothingSecure, yesNo(record.foodClothingSecure)],
        ])}
      />
    </Card>
  );
}

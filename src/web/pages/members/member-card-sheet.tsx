/**
 * The information card (党员信息卡) itself: every field as label/value pairs. The same markup is the screen view
 * and the printed card (member-card.css lays it out on A5 and hides the app around it).
 */
import type { ReactNode } from 'react';
import { DictLabel, DictTags } from '../../components/dict-tags.tsx';
import { useMessages } from '../../i18n/i18n.tsx';
import type { MemberCard } from './member-api.ts';
import { memberMessages } from './member-messages.ts';
import './member-card.css';

type Row = [label: string, value: ReactNode, wide?: boolean];

function useRows(card: MemberCard): Row[] {
  const m = useMessages(memberMessages);
  const f = m.fields;
  const place = [card.townshipName, card.villageName, card.naturalVillageName].filter(Boolean).join(' ');
  // Half-width fields come in pairs between full-width ones, so the printed grid has no holes.
  return [
    [f.name, card.name],
    [f.sex, m.sex[card.sex]],
    [f.birthDate, `${card.birthDate}（${card.age}）`],
    [f.ethnicity, <DictLabel key="e" kind="ethnicity" code={card.ethnicity} />],
    [f.idNumber, card.idNumber],
    [f.phone, card.phone ?? '—'],
    [f.education, <DictLabel key="ed" kind="education" code={card.education} />],
    [f.health, <DictLabel key="h" kind="health" code={card.health} />],
    [f.joinDate, card.joinDate],
    [f.membership, <DictLabel key="ms" kind="membership" code={card.membership} />],
    [f.status, <DictLabel key="s" kind="member_status" code={card.status} />],
    [f.isMigrant, card.isMigrant ? m.yes : m.no],
    [f.branchName, card.branchName, true],
    [f.naturalVillageCode, place, true],
    [f.post, card.post ?? '—'],
    [f.capacity, m.households(card.capacity)],
    [f.workUnit, card.workUnit ?? '—', true],
    [f.publicPhone, card.publicPhone ?? '—'],
    [f.expertise, <DictTags key="ex" kind="expertise" codes={card.expertise} />, true],
    [f.willingness, <DictTags key="w" kind="willingness" codes={card.willingness} color="blue" />, true],
    [f.interests, card.interests || '—', true],
    [f.note, card.note || '—', true],
  ];
}

export function MemberCardSheet({ card }: { card: MemberCard }) {
  const m = useMessages(memberMessages);
  return (
    <section className="member-card print-area" aria-label={m.cardTitle}>
      <header className="member-card-title">
        <span className="member-card-emblem" aria-hidden>
          ★
        </span>
        {m.cardTitle}
      </header>
      <dl className="member-card-grid">
        {useRows(card).map(([label, value, wide]) => (
          <div key={label} className={wide ? 'member-card-field wide' : 'member-card-field'}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <footer className="member-card-footer">
        {m.updatedAt} {card.updatedAt.slice(0, 10)} · No. {card.id}
      </footer>
    </section>
  );
}

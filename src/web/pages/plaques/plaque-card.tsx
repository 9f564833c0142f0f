/**
 * One printed contact card (连心卡): the household (head's name only, attribute, main cause), the helper (name,
 * unit, post, the number chosen for publication), measures, the year's public commitments, and the QR code of
 * the public page. Nothing on it comes from a sensitive field: the server never sends one.
 */
import { useLang, useMessages } from '../../i18n/i18n.tsx';
import type { Plaque } from './plaque-api.ts';
import { plaqueMessages } from './plaque-messages.ts';

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div className="plaque-row">
      <span className="plaque-label">{label}</span>
      <span className="plaque-value">{value || '—'}</span>
    </div>
  );
}

export function PlaqueCard({ plaque }: { plaque: Plaque }) {
  const m = useMessages(plaqueMessages);
  const { lang } = useLang();
  const { household, helper } = plaque;
  return (
    <article className="plaque-sheet" data-testid="plaque" data-plaque-code={plaque.plaqueCode}>
      <h2 className="plaque-title">{m.cardTitle}</h2>
      <section className="plaque-section">
        <h3>{m.household}</h3>
        <Row label={m.headName} value={household.headName} />
        <Row label={m.place} value={[household.villageName, household.naturalVillageName].filter(Boolean).join(' ')} />
        <Row label={m.attribute} value={household.attribute[lang]} />
        <Row label={m.mainCause} value={household.mainCause[lang]} />
      </section>
      <section className="plaque-section">
        <h3>{m.helper}</h3>
        <Row label={m.helperName} value={helper.name} />
        <Row label={m.workUnit} value={helper.workUnit} />
        <Row label={m.post} value={helper.post} />
        <Row label={m.phone} value={helper.publicPhone} />
        <Row label={m.since} value={plaque.startedOn} />
      </section>
      <section className="plaque-section">
        <h3>{m.measures}</h3>
        <p className="plaque-text">{plaque.measures || m.noMeasures}</p>
      </section>
      <section className="plaque-section">
        <h3>{m.commitments(plaque.commitmentYear)}</h3>
        {plaque.commitments.length === 0 ? (
          <p className="plaque-text">{m.noCommitments}</p>
        ) : (
          <ol className="plaque-commitments">
            {plaque.commitments.map((c) => (
              <li key={c.position}>
                {c.content}
                {c.fulfilled ? ' ✓' : ''}
              </li>
            ))}
          </ol>
        )}
      </section>
      <footer className="plaque-footer">
        <div
          className="plaque-qr"
          data-url={plaque.url}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG markup drawn by the server's qrcode library from the plaque URL, no user text
          dangerouslySetInnerHTML={{ __html: plaque.qrSvg }}
        />
        <div className="plaque-scan">
          <div>{m.scan}</div>
          <div className="plaque-url">{plaque.url}</div>
        </div>
      </footer>
    </article>
  );
}

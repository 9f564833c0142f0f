/** Dictionary codes shown as labels in the UI language (tags for lists of codes). */
import { Tag } from 'antd';
import { useDictionary } from '../api/dictionary.ts';

/** One code as its label. */
export function DictLabel({ kind, code }: { kind: string; code: string | null | undefined }) {
  const dictionary = useDictionary(kind);
  return <>{dictionary.label(code)}</>;
}

/** Several codes as tags. */
export function DictTags({ kind, codes, color }: { kind: string; codes: string[]; color?: string }) {
  const dictionary = useDictionary(kind);
  return (
    <>
      {codes.map((code) => (
        <Tag key={code} color={color} className="dict-tag">
          {dictionary.label(code)}
        </Tag>
      ))}
    </>
  );
}

const STATUS_COLORS: Record<string, string> = {
  identified: 'red',
  returned: 'volcano',
  monitored: 'orange',
  exited: 'green',
  risk_cleared: 'cyan',
  active: 'green',
  transferred_out: 'default',
  deceased: 'default',
  open: 'orange',
  met: 'green',
  dropped: 'default',
};

/** A status code of a dictionary kind as a coloured tag. */
export function StatusTag({ kind, code }: { kind: string; code: string }) {
  const dictionary = useDictionary(kind);
  return <Tag color={STATUS_COLORS[code] ?? 'default'}>{dictionary.label(code)}</Tag>;
}

/** Photos from the camera (`capture="environment"`), each shown as the thumbnail drawn for the server. */
import { DeleteOutlined } from '@ant-design/icons';
import { Button, message, Space } from 'antd';
import { useRef } from 'react';
import { useMessages } from '../../i18n/i18n.tsx';
import { helpMessages } from './help-messages.ts';
import type { QueuedPhoto } from './offline-store.ts';
import { encodePhoto } from './photo-encode.ts';

export function PhotoField({ value, onChange }: { value: QueuedPhoto[]; onChange(photos: QueuedPhoto[]): void }) {
  const m = useMessages(helpMessages);
  const input = useRef<HTMLInputElement>(null);
  const picked = async (files: FileList | null) => {
    const added: QueuedPhoto[] = [];
    for (const file of Array.from(files ?? [])) {
      const photo = await encodePhoto(file);
      if (photo) added.push(photo);
      else void message.error(m.badPhoto);
    }
    onChange([...value, ...added]);
    if (input.current) input.current.value = '';
  };
  return (
    <Space wrap className="help-photos">
      {value.map((photo, i) => (
        <span key={photo.thumbnail.slice(-24) + String(i)} className="help-thumb">
          <img src={`data:image/jpeg;base64,${photo.thumbnail}`} alt="" />
          <Button
            size="small"
            type="text"
            icon={<DeleteOutlined />}
            aria-label="remove"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          />
        </span>
      ))}
      <Button onClick={() => input.current?.click()}>{m.takePhoto}</Button>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        style={{ display: 'none' }}
        onChange={(e) => void picked(e.target.files)}
      />
    </Space>
  );
}

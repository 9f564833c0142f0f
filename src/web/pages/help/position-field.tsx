/** GPS from the phone when it gives it: asked at once when already granted, else on the button. */
import { Button, Space, Typography } from 'antd';
import { useCallback, useEffect } from 'react';
import { useMessages } from '../../i18n/i18n.tsx';
import { helpMessages } from './help-messages.ts';

export interface Position {
  lat: number;
  lng: number;
}

export function PositionField({ value, onChange }: { value: Position | null; onChange(p: Position | null): void }) {
  const m = useMessages(helpMessages);
  const locate = useCallback(() => {
    navigator.geolocation?.getCurrentPosition(
      (p) => onChange({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => onChange(null),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }, [onChange]);
  useEffect(() => {
    // Only when already granted: the browser's prompt should follow the user's tap, not the page load.
    navigator.permissions
      ?.query({ name: 'geolocation' })
      .then((state) => state.state === 'granted' && locate())
      .catch(() => undefined);
  }, [locate]);
  return (
    <Space wrap>
      <Button onClick={locate}>{m.locate}</Button>
      <Typography.Text type="secondary">{value ? m.located(value.lat, value.lng) : m.noPosition}</Typography.Text>
    </Space>
  );
}

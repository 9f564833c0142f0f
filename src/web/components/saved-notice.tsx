/**
 * "Saved" shown on the page a form returns to. The form navigates with `{ state: { saved: true } }`; the notice
 * takes it once and clears it, so a reload or going back does not announce the save again. (A toast would need
 * antd's App or static message machinery in the first-screen bundle.)
 */
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** Navigation state a form passes to say it saved. */
export const SAVED_STATE = { saved: true };

export function SavedNotice({ text }: { text: string }) {
  const location = useLocation();
  const navigate = useNavigate();
  const [shown, setShown] = useState(() => (location.state as { saved?: boolean } | null)?.saved === true);
  useEffect(() => {
    if ((location.state as { saved?: boolean } | null)?.saved) {
      navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
    }
  }, [location, navigate]);
  if (!shown) return null;
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose: () => setShown(false) }}
      title={text}
      className="saved-notice no-print"
    />
  );
}

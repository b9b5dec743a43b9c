import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** Says so when the device is offline (the checker still works). */
export function OnlineStatus() {
  const { t } = useI18n();
  const [isOnline, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => {
      setOnline(true);
    };
    const off = () => {
      setOnline(false);
    };
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  if (isOnline) return null;
  return (
    <p className="offline-banner" role="status">
      {t('offline.offline')}
    </p>
  );
}

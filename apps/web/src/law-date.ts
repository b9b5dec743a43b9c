import { useCallback } from 'react';
import { useRouter } from './router.tsx';

/** The date of the Phnom Penh caucus meeting's report, the product's reference point in the past. */
export const REPORT_DATE = '2011-09-15';

/** Today's date, YYYY-MM-DD, in the user's time zone. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The date whose law the pages show (?at=YYYY-MM-DD, default today), and a setter. */
export function useLawDate(): {
  readonly date: string;
  readonly isToday: boolean;
  readonly setDate: (date: string | null) => void;
} {
  const { location, navigate } = useRouter();
  const params = new URLSearchParams(location.search);
  const at = params.get('at');
  const now = today();
  const date = at && DATE.test(at) && at <= now ? at : now;
  const setDate = useCallback(
    (next: string | null) => {
      const p = new URLSearchParams(location.search);
      if (next === null || next === today()) p.delete('at');
      else p.set('at', next);
      const query = p.toString();
      navigate(`${location.path}${query ? `?${query}` : ''}`, { replace: true });
    },
    [location, navigate],
  );
  return { date, isToday: date === now, setDate };
}

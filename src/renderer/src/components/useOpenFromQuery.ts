import { useEffect } from 'react';
import { useSearchParams } from 'react-router';

/** `?new=1` (from the command palette) opens the page's create dialog once, then leaves the URL. */
export function useOpenFromQuery(open: () => void): void {
  const [params, setParams] = useSearchParams();
  const requested = params.get('new') === '1';
  useEffect(() => {
    if (!requested) return;
    open();
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('new');
        return next;
      },
      { replace: true },
    );
  }, [requested, open, setParams]);
}

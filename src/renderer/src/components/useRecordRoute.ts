import { useCallback } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { recordPath } from './recordLinks';

/**
 * A list page whose records open at their own link (`/bookings/<id>` over `/bookings`): the open
 * record's id from the URL, `open` to go to a row's link, and `close` to come back. Closing goes
 * back in history when the record was opened from the list (so the list's place and filters are
 * as they were), and to the list itself when the link was opened directly.
 */
export function useRecordRoute(listPath: string, entity: string) {
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const fromList = (location.state as { fromList?: boolean } | null)?.fromList === true;
  const open = useCallback(
    (recordId: string) => {
      const path = recordPath(entity, recordId);
      if (path) void navigate(path, { state: { fromList: true } });
    },
    [entity, navigate],
  );
  const close = useCallback(() => {
    if (fromList) void navigate(-1);
    else void navigate(listPath, { replace: true });
  }, [fromList, listPath, navigate]);
  return { id: id ?? null, open, close };
}

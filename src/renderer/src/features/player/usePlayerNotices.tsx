import { Alert, Button, Snackbar } from '@mui/material';
import { useCallback, useState, type ReactNode } from 'react';
import type { NoticeAction } from '../../components/useNotify';

type Severity = 'success' | 'error' | 'info';

interface Notice {
  readonly demo: string;
  readonly message: string;
  readonly severity: Severity;
  readonly action: NoticeAction | undefined;
  readonly key: number;
}

/** As the app's notices: errors stay longer to be read, an undo long enough to be reached. */
function durationOf(notice: Notice | null): number {
  if (notice?.severity === 'error') return 8000;
  return notice?.action ? 7000 : 4000;
}

/**
 * The player's notices ("Your score: 4.", a decision and its undo, why a key did nothing) belong
 * to the demo they are about: moving to another demo takes them away, so none is read as the
 * next demo's. Shown like the app's other notices, at the bottom of the window.
 */
export function usePlayerNotices(demo: string): {
  notify: (message: string, severity?: Severity, action?: NoticeAction) => void;
  notices: ReactNode;
} {
  const [notice, setNotice] = useState<Notice | null>(null);
  // Adjusted while rendering, so the old demo's notice is never drawn beside the new demo.
  if (notice && notice.demo !== demo) setNotice(null);
  const notify = useCallback(
    (message: string, severity: Severity = 'success', action?: NoticeAction) =>
      setNotice({ demo, message, severity, action, key: Date.now() }),
    [demo],
  );
  const shown = notice?.demo === demo ? notice : null;
  const close = () => setNotice(null);
  const notices = (
    <Snackbar
      key={shown?.key}
      open={shown !== null}
      autoHideDuration={durationOf(shown)}
      onClose={(_event, reason) => {
        // A click elsewhere must not take the undo away before it can be reached.
        if (reason === 'clickaway' && shown?.action) return;
        close();
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert
        severity={shown?.severity ?? 'success'}
        variant="filled"
        onClose={close}
        action={
          shown?.action ? (
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                close();
                shown.action?.run();
              }}
            >
              {shown.action.label}
            </Button>
          ) : undefined
        }
      >
        {shown?.message}
      </Alert>
    </Snackbar>
  );
  return { notify, notices };
}

import { useEffect, useRef } from 'react';

export type PlayerKey =
  | 'toggle'
  | 'back5'
  | 'forward5'
  | 'back10'
  | 'pause'
  | 'forward10'
  | 'slower'
  | 'faster'
  | 'note'
  | 'decide1'
  | 'decide2'
  | 'decide3'
  | 'previous'
  | 'next'
  | 'help'
  | `score${1 | 2 | 3 | 4 | 5}`;

/** The player's keys, as listed in the help overlay. */
export const PLAYER_KEYS: readonly { keys: string; action: PlayerKey }[] = [
  { keys: 'Space', action: 'toggle' },
  { keys: '← / →', action: 'back5' },
  { keys: 'J / K / L', action: 'pause' },
  { keys: '[ / ]', action: 'slower' },
  { keys: 'N', action: 'note' },
  { keys: '1 / 2 / 3', action: 'decide1' },
  { keys: 'Shift + 1…5', action: 'score1' },
  { keys: '↑ / ↓', action: 'previous' },
  { keys: '?', action: 'help' },
];

const KEYMAP: Record<string, PlayerKey> = {
  ' ': 'toggle',
  ArrowLeft: 'back5',
  ArrowRight: 'forward5',
  j: 'back10',
  k: 'pause',
  l: 'forward10',
  '[': 'slower',
  ']': 'faster',
  n: 'note',
  '1': 'decide1',
  '2': 'decide2',
  '3': 'decide3',
  ArrowUp: 'previous',
  ArrowDown: 'next',
  '?': 'help',
};

/**
 * Window-wide player keys, ignored while typing in a field or with a dialog open, and never with
 * Ctrl, Cmd or Alt (those belong to the app and the system).
 */
export function usePlayerKeys(onKey: (key: PlayerKey) => void, enabled: boolean): void {
  const handler = useRef(onKey);
  handler.current = onKey;
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]'))
        return;
      // Shift+digit by the physical key: the character it types depends on the layout.
      const scored = event.shiftKey ? /^(?:Digit|Numpad)([1-5])$/.exec(event.code) : null;
      const action: PlayerKey | undefined = scored
        ? (`score${scored[1]}` as PlayerKey)
        : KEYMAP[event.key.length === 1 ? event.key.toLowerCase() : event.key];
      if (!action) return;
      event.preventDefault();
      handler.current(action);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}

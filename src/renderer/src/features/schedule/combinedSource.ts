/** FullCalendar's event source function, over its range argument and event type. */
export type SourceFunc<Info, Event> = (
  info: Info,
  success: (events: Event[]) => void,
  failure: (error: Error) => void,
) => void;

/**
 * Several event sources answered as one: FullCalendar lays out every event of the view again each
 * time a source answers, and a busy week's 2,000 entries were laid out up to four times as the
 * entries, away periods, holds and contract dates arrived one after another. Together they are
 * laid out once. A part that fails leaves the others drawn (each part says its own failure); only
 * when every part fails does the whole fetch fail.
 */
export function combinedSource<Info, Event>(
  parts: readonly SourceFunc<Info, Event>[],
): SourceFunc<Info, Event> {
  return (info, success, failure) => {
    const answers: Event[][] = parts.map(() => []);
    let waiting = parts.length;
    let failed = 0;
    let firstError: Error | null = null;
    const settle = () => {
      waiting -= 1;
      if (waiting > 0) return;
      if (failed === parts.length && firstError) failure(firstError);
      else success(answers.flat());
    };
    if (parts.length === 0) return success([]);
    parts.forEach((part, i) => {
      let settled = false;
      part(
        info,
        (events) => {
          if (settled) return;
          settled = true;
          answers[i] = events;
          settle();
        },
        (error) => {
          if (settled) return;
          settled = true;
          failed += 1;
          firstError ??= error;
          settle();
        },
      );
    });
  };
}

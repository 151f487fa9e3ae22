/** What FullCalendar hands a formatter function: dates as markers of wall-clock time in UTC. */
interface FormattingArg {
  readonly start: { readonly marker: Date };
  readonly end?: { readonly marker: Date };
  readonly localeCodes: readonly string[];
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** A week repeats the same few times of day: each text is formatted once. */
const texts = new Map<string, string>();
const MAX_TEXTS = 5_000;
const DAY = 86_400_000;

/**
 * An event's time text ("9:00 – 9:30 AM"). With a named time zone FullCalendar builds a new
 * Intl.DateTimeFormat for every event it draws (0.2 ms each: almost half a second for a
 * 2,000-entry week); one formatter per language does the same. Markers carry the display zone's
 * wall-clock time in their UTC fields, so they are formatted in UTC.
 */
export function eventTimeText(arg: FormattingArg): string {
  const locale = arg.localeCodes[0] ?? 'en';
  const start = arg.start.marker.getTime();
  const end = arg.end?.marker.getTime();
  // Within one day the text is the two times of day alone (a busy week has a few dozen);
  // across days it also names the dates, so then the instants themselves are the key.
  const key =
    end !== undefined && Math.floor(start / DAY) === Math.floor(end / DAY)
      ? `${locale}|${start % DAY}|${end % DAY}`
      : `${locale}|${start}|${end ?? ''}`;
  const known = texts.get(key);
  if (known !== undefined) return known;
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'UTC',
    });
    formats.set(locale, format);
  }
  const text = arg.end
    ? format.formatRange(arg.start.marker, arg.end.marker)
    : format.format(arg.start.marker);
  if (texts.size >= MAX_TEXTS) texts.clear();
  texts.set(key, text);
  return text;
}

const compactTexts = new Map<string, string>();
const twelveHour = new Map<string, boolean>();

/**
 * A month cell's time: the start alone, as short as it reads ("7p", "7:30p"; "19:00" where the
 * clock runs to 24), so it is never cut and the title gets the rest of the line.
 */
export function compactTimeText(arg: FormattingArg): string {
  const locale = arg.localeCodes[0] ?? 'en';
  const minuteOfDay = Math.floor((arg.start.marker.getTime() % DAY) / 60_000);
  const key = `${locale}|${minuteOfDay}`;
  const known = compactTexts.get(key);
  if (known !== undefined) return known;
  let h12 = twelveHour.get(locale);
  if (h12 === undefined) {
    const { hourCycle } = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions();
    h12 = hourCycle === 'h11' || hourCycle === 'h12';
    twelveHour.set(locale, h12);
  }
  const hour = Math.floor(minuteOfDay / 60);
  const minute = minuteOfDay % 60;
  const mm = String(minute).padStart(2, '0');
  const text = h12
    ? `${hour % 12 || 12}${minute ? `:${mm}` : ''}${hour < 12 ? 'a' : 'p'}`
    : `${String(hour).padStart(2, '0')}:${mm}`;
  compactTexts.set(key, text);
  return text;
}

/**
 * An exported .ics file read by independent iCalendar parsers, each reduced to the same shape so
 * a test can ask all of them the same questions: ical.js (Mozilla's, used by Thunderbird),
 * node-ical, and python's `icalendar` module where a python3 with it is installed (Debian:
 * python3-icalendar).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { ROOT } from './testCore';

/** An all-day value (VALUE=DATE) or a date-time with the zone it was written in. */
export type When =
  | { readonly date: string }
  | {
      readonly instant: string;
      /** The TZID the value was written with; 'UTC' for a time written as UTC (...Z). */
      readonly tzid: string;
      /** Hours and minutes as written, in that zone. */
      readonly wallClock: string;
    };

export interface ReadEvent {
  readonly uid: string;
  readonly sequence: number;
  readonly status: string | null;
  readonly summary: string;
  readonly start: When;
  readonly end: When;
}

export interface ReadCalendar {
  readonly events: ReadEvent[];
  /** The TZIDs of the file's VTIMEZONE components. */
  readonly timezones: string[];
}

export interface IcsReader {
  readonly name: string;
  read(path: string, text: string): ReadCalendar;
}

const pad = (n: number) => String(n).padStart(2, '0');

function wallClockIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

const icalJs: IcsReader = {
  name: 'ical.js',
  read(_path, text) {
    const calendar = new ICAL.Component(ICAL.parse(text));
    const when = (time: ICAL.Time): When => {
      if (time.isDate) return { date: `${time.year}-${pad(time.month)}-${pad(time.day)}` };
      // The zone comes from the file's own VTIMEZONE (ical.js looks the TZID up in the tree);
      // a TZID without one would read as floating time and give the wrong instant.
      const tzid = time.zone?.tzid ?? 'floating';
      return {
        instant: time.toJSDate().toISOString(),
        tzid: tzid === 'Z' ? 'UTC' : tzid,
        wallClock: `${pad(time.hour)}:${pad(time.minute)}`,
      };
    };
    return {
      events: calendar.getAllSubcomponents('vevent').map((component) => {
        const event = new ICAL.Event(component);
        return {
          uid: event.uid,
          sequence: event.sequence,
          status: (component.getFirstPropertyValue('status') as string | null) ?? null,
          summary: event.summary,
          start: when(event.startDate),
          end: when(event.endDate),
        };
      }),
      timezones: calendar
        .getAllSubcomponents('vtimezone')
        .map((zone) => String(zone.getFirstPropertyValue('tzid'))),
    };
  },
};

const nodeIcalReader: IcsReader = {
  name: 'node-ical',
  read(_path, text) {
    const parsed = nodeIcal.sync.parseICS(text);
    const when = (value: Date & { tz?: string; dateOnly?: true }, datetype: string): When => {
      // node-ical makes a date-only value local midnight of that day.
      if (datetype === 'date')
        return {
          date: `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`,
        };
      const tzid = value.tz === 'Etc/UTC' || value.tz === undefined ? 'UTC' : value.tz;
      return { instant: value.toISOString(), tzid, wallClock: wallClockIn(value, tzid) };
    };
    const components = Object.values(parsed);
    return {
      events: components
        .filter((c): c is nodeIcal.VEvent => c?.type === 'VEVENT')
        .map((event) => ({
          uid: event.uid,
          sequence: Number(event.sequence ?? 0),
          status: event.status ?? null,
          summary: typeof event.summary === 'string' ? event.summary : event.summary.val,
          start: when(event.start, event.datetype),
          end: when(event.end!, event.datetype),
        })),
      timezones: components
        .filter((c) => c?.type === 'VTIMEZONE')
        .map((c) => String((c as unknown as { tzid: string }).tzid)),
    };
  },
};

/** The first python3 that has the icalendar module (pyenv's may not; Debian's may). */
function findPython(): string | null {
  for (const python of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(python, ['-c', 'import icalendar'], { stdio: 'ignore' });
    if (probe.status === 0) return python;
  }
  return null;
}

export const PYTHON = findPython();

const pythonReader = (python: string): IcsReader => ({
  name: 'python icalendar',
  read(path) {
    const out = execFileSync(python, [join(ROOT, 'tests', 'support', 'readIcs.py'), path], {
      encoding: 'utf8',
    });
    return JSON.parse(out) as ReadCalendar;
  },
});

/** Every parser this machine has: ical.js and node-ical always, python's where installed. */
export const READERS: IcsReader[] = [
  icalJs,
  nodeIcalReader,
  ...(PYTHON ? [pythonReader(PYTHON)] : []),
];

export const PYTHON_MISSING =
  'python3 icalendar module absent (apt-get install python3-icalendar): the python parser is skipped';

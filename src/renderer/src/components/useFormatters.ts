import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates, times and money in the current language. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    const dateOnly = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    const localDay = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
    return {
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      /** The day an instant falls on here, for lists where the time of day is noise. */
      dayOf: (iso: string) => localDay.format(new Date(iso)),
      /** A calendar date (YYYY-MM-DD), shown as that day wherever the viewer is. */
      date: (day: string) => dateOnly.format(new Date(`${day}T00:00:00Z`)),
      /** "in 5 hours", "in 2 days", "3 minutes ago": the largest unit that fits. */
      relative: (iso: string) => {
        const seconds = (Date.parse(iso) - Date.now()) / 1000;
        const units: [Intl.RelativeTimeFormatUnit, number][] = [
          ['day', 86_400],
          ['hour', 3_600],
          ['minute', 60],
        ];
        const [unit, size] = units.find(([, size]) => Math.abs(seconds) >= size) ?? ['minute', 60];
        return relative.format(Math.round(seconds / size), unit);
      },
      /** In a named zone, with the zone's short name, e.g. "Dec 10, 2026, 9:00 AM EST". */
      zoned: (iso: string, timeZone: string) =>
        // dateStyle/timeStyle cannot be combined with timeZoneName: spell the parts out.
        new Intl.DateTimeFormat(language, {
          year: 'numeric',
          month: 'short',
          day: 'numeric',
          hour: 'numeric',
          minute: '2-digit',
          timeZone,
          timeZoneName: 'short',
        }).format(new Date(iso)),
      /** A zone as people name it ("Pacific Time", "北美太平洋时间"), not its IANA id. */
      zoneName: (timeZone: string, at: string) =>
        new Intl.DateTimeFormat(language, { timeZone, timeZoneName: 'longGeneric' })
          .formatToParts(new Date(at))
          .find((part) => part.type === 'timeZoneName')?.value ?? timeZone,
      timeRange: (start: string, end: string, timeZone?: string) => {
        const format = new Intl.DateTimeFormat(language, {
          dateStyle: 'medium',
          timeStyle: 'short',
          ...(timeZone ? { timeZone } : {}),
        });
        return format.formatRange(new Date(start), new Date(end));
      },
      /** Integer minor units to a currency amount. */
      money: (minor: number | null | undefined, currency: string | null | undefined) => {
        if (minor === null || minor === undefined) return '';
        if (!currency) return new Intl.NumberFormat(language).format(minor / 100);
        const digits =
          new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
            .maximumFractionDigits ?? 2;
        return new Intl.NumberFormat(language, { style: 'currency', currency }).format(
          minor / 10 ** digits,
        );
      },
    };
  }, [language]);
}

/** Minor units per major unit for a currency (100 for USD, 1 for JPY). */
export function minorUnitsPer(currency: string): number {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return 10 ** digits;
}

import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { SCHEDULE_ENTRY_TYPES } from '../../../../shared/domain/vocabulary';
import { BLOCK_COLORS, CONTRACT_DATE_COLORS, ENTRY_COLORS } from './entryStyle';

/** Plain elements styled by class (CalendarStyles): the legend costs the calendar nothing to draw. */
function Swatch({ color, label, dashed }: { color: string; label: string; dashed?: boolean }) {
  return (
    <li>
      <span
        aria-hidden
        className="gr-legend-swatch"
        style={{
          background: dashed ? 'transparent' : color,
          border: `2px ${dashed ? 'dashed' : 'solid'} ${color}`,
        }}
      />
      {label}
    </li>
  );
}

/**
 * What each colour and border on the calendar means, in one line under it: only what this user's
 * calendar can show (legal sees contract dates alone, not the agency's entry types).
 */
export const CalendarLegend = memo(function CalendarLegend({
  entries,
  availability,
  contractDates,
}: {
  entries: boolean;
  availability: boolean;
  contractDates: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ul className="gr-legend" aria-label={t('calendar.legend')}>
      {entries &&
        SCHEDULE_ENTRY_TYPES.map((type) => (
          <Swatch key={type} color={ENTRY_COLORS[type]} label={t(`schedule.entryType.${type}`)} />
        ))}
      {entries && <Swatch color="#757575" dashed label={t('schedule.status.tentative')} />}
      {availability && (
        <>
          <Swatch color={BLOCK_COLORS.unavailable} label={t('calendar.block.unavailable')} />
          <Swatch color={BLOCK_COLORS.out_of_town} label={t('calendar.block.out_of_town')} />
        </>
      )}
      {contractDates &&
        (Object.keys(CONTRACT_DATE_COLORS) as (keyof typeof CONTRACT_DATE_COLORS)[]).map((kind) => (
          <Swatch
            key={kind}
            color={CONTRACT_DATE_COLORS[kind]}
            label={t(`calendar.contractDate.${kind}`)}
          />
        ))}
    </ul>
  );
});

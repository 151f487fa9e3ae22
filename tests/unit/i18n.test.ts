import { describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/src/i18n/locales/en';
import { zhCN } from '../../src/renderer/src/i18n/locales/zh-CN';
import { ROLES, TALENT_TYPES, AVAILABILITY_STATUSES } from '../../src/shared/domain/vocabulary';
import { ERROR_CODES } from '../../src/shared/errors';
import { SKIP_CODES } from '../../src/shared/domain/interchange';
import { FIELD_RULES } from '../../src/shared/fieldIssue';
import { RULE_KEYS } from '../../src/renderer/src/components/form/useIssueText';

function leaves(value: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') out[path] = child;
    else Object.assign(out, leaves(child as object, path));
  }
  return out;
}

const english = leaves(en);
const chinese = leaves(zhCN);

describe('translation catalogs', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
  });

  it('have no empty strings and the same {{placeholders}}', () => {
    for (const [key, text] of Object.entries(english)) {
      expect(text, key).not.toBe('');
      expect(chinese[key], key).not.toBe('');
      const names = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect(names(chinese[key]!), key).toEqual(names(text));
    }
  });

  it('translate every vocabulary value the UI shows', () => {
    for (const role of ROLES) expect(english).toHaveProperty([`roles.${role}`]);
    for (const type of TALENT_TYPES) expect(english).toHaveProperty([`talentType.${type}`]);
    for (const status of AVAILABILITY_STATUSES)
      expect(english).toHaveProperty([`availability.${status}`]);
    for (const code of ERROR_CODES) expect(english).toHaveProperty([`errors.${code}`]);
    for (const code of SKIP_CODES) expect(english).toHaveProperty([`parseImport.skip.${code}`]);
    for (const rule of FIELD_RULES.filter((r) => !['date_min', 'date_max'].includes(r)))
      expect(RULE_KEYS, rule).toHaveProperty([rule]);
  });

  it('are really translated into Chinese', () => {
    const translated = Object.entries(chinese).filter(([, text]) => /[\u4e00-\u9fff]/.test(text));
    // Brand names and "A&R" stay as they are; everything else is Chinese.
    expect(translated.length).toBeGreaterThan(Object.keys(chinese).length * 0.9);
  });
});

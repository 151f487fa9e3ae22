import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { errorText } from '../../src/renderer/src/components/form/useIssueText';
import { en } from '../../src/renderer/src/i18n/locales/en';
import { zhCN } from '../../src/renderer/src/i18n/locales/zh-CN';
import { AppError, type ErrorCode } from '../../src/shared/errors';
import { rule } from '../../src/shared/fieldIssue';

/** A real i18next instance over the app's own catalogs, in the language asked for. */
async function translator(language: 'en' | 'zh-CN') {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return instance.t;
}

// Main's sentences, in English, as services write them.
const MAIN_SAYS: Partial<Record<ErrorCode, string>> = {
  CONFLICT: 'This booking was changed by someone else (version 4 is current).',
  FORBIDDEN: 'Your role may not change contracts.',
  NOT_FOUND: 'Talent not found.',
};

describe('errorText', () => {
  it.each(Object.entries(MAIN_SAYS))(
    'words %s by its code for a Chinese reader, not with main’s English',
    async (code, english) => {
      const t = await translator('zh-CN');
      const text = errorText(t, 'zh-CN', new AppError(code as ErrorCode, english));
      expect(text).toBe(zhCN.errors[code as ErrorCode]);
      expect(text).not.toContain(english);
      expect(text).not.toMatch(/[A-Za-z]{3,}/);
    },
  );

  it('keeps main’s sentence for an English reader', async () => {
    const t = await translator('en');
    expect(errorText(t, 'en', new AppError('CONFLICT', MAIN_SAYS.CONFLICT!))).toBe(
      MAIN_SAYS.CONFLICT,
    );
  });

  it('words a refused file by its code and a wait in minutes, never a key or a field name', async () => {
    const t = await translator('zh-CN');
    const refused = new AppError('VALIDATION', 'The file is not UTF-8 text.', undefined, {
      file: rule('not_utf8'),
    });
    const text = errorText(t, 'zh-CN', refused, [[null, refused.fieldCodes!.file!]], false);
    expect(text).toContain(zhCN.formErrors.notUtf8);
    expect(text).not.toMatch(/file|UTF-8 text/);
    const wait = new AppError('RATE_LIMITED', 'Too many attempts.', { retryAfterSeconds: '893' });
    expect(errorText(t, 'zh-CN', wait)).not.toMatch(/retryAfterSeconds|893/);
  });

  it('tells a file refused for what it holds by main’s sentence in English, in Chinese otherwise', async () => {
    const sentence =
      'This is not an audio file Greenroom can play (WAV, MP3, FLAC, Ogg, M4A or AAC).';
    const refused = new AppError('VALIDATION', sentence, { file: 'Not a supported audio file' });
    const problems = [[null, refused.fieldCodes!.file!]] as const;
    expect(errorText(await translator('en'), 'en', refused, problems, false)).toBe(sentence);
    const chinese = errorText(await translator('zh-CN'), 'zh-CN', refused, problems, false);
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);
    expect(chinese).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('words each refusal of an audio file by its rule, in Chinese too', async () => {
    const zh = await translator('zh-CN');
    for (const [name, key] of [
      ['file_empty', 'fileEmpty'],
      ['not_audio', 'notAudio'],
      ['audio_unsupported', 'audioUnsupported'],
      ['audio_damaged', 'audioDamaged'],
    ] as const) {
      const refused = new AppError(
        'VALIDATION',
        'An English sentence.',
        { file: 'Why' },
        { file: rule(name) },
      );
      const text = errorText(zh, 'zh-CN', refused, [[null, refused.fieldCodes!.file!]], false);
      expect(text).toContain(zhCN.formErrors[key]);
      expect(text).not.toMatch(/English|Why/);
    }
  });

  it('says something went wrong for what is not an AppError', async () => {
    const t = await translator('zh-CN');
    expect(errorText(t, 'zh-CN', new Error('ECONNREFUSED 127.0.0.1'))).toBe(zhCN.common.unexpected);
  });
});

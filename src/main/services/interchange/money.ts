/**
 * Money in CSV files: the store keeps integer minor units (fen, cents); a spreadsheet shows major
 * units. The number of minor digits is the currency's own (JPY 0, CNY 2, KWD 3), from the ICU
 * data Intl carries, so no table of our own goes out of date.
 */
const digitsCache = new Map<string, number>();

/** Minor digits of a currency; without one an amount is read with two, as most are. */
export function minorDigits(currency: string | null | undefined): number {
  if (!currency) return 2;
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits!;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** 123456 minor units of CNY → "1234.56"; of JPY → "123456"; exact, with no float rounding. */
export function toMajor(minor: number, currency: string | null | undefined): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0
    ? `${sign}${text}`
    : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * "1234.56" (or "1234,56" where the file's delimiter is a semicolon, as such spreadsheets write
 * decimals) in major units → integer minor units, or what is wrong with the text.
 */
export function toMinor(
  text: string,
  currency: string | null | undefined,
  decimalComma: boolean,
): { minor: number } | { error: string } {
  const plain = decimalComma ? text.replace(',', '.') : text;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(plain);
  if (!match) {
    return { error: `“${text}” is not an amount: write it like 1234.56, without separators` };
  }
  const digits = minorDigits(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return {
      error:
        digits === 0
          ? `${currency ?? 'This currency'} has no minor unit: write a whole amount`
          : `${currency ?? 'An amount'} has at most ${digits} decimal places`,
    };
  }
  const minor = Number(match[1]! + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) return { error: 'Too large' };
  return { minor };
}

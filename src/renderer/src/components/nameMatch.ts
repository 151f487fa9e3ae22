/** Folds case, width and accents, so "silver", "SILVER", "Ｓｉｌｖｅｒ" and "Sílver" match alike. */
export function foldName(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim();
}

/** 0: the name starts with what was typed; 1: one of its words does; 2: it contains it. */
function matchRank(name: string, typed: string): number | null {
  const folded = foldName(name);
  if (folded.startsWith(typed)) return 0;
  const at = folded.indexOf(typed);
  if (at < 0) return null;
  return /[\p{L}\p{N}]/u.test(folded[at - 1]!) ? 2 : 1;
}

/**
 * What a picker lists for the text typed: names that start with it, then names with a word that
 * starts with it, then names that merely contain it; names without it are left out (a list still
 * showing the previous search's answers, say). Within each group the given order is kept.
 */
export function rankByName<T>(
  options: readonly T[],
  typed: string,
  nameOf: (option: T) => string,
): T[] {
  const folded = foldName(typed);
  if (!folded) return [...options];
  return options
    .map((option, index) => ({ option, index, rank: matchRank(nameOf(option), folded) }))
    .filter((entry): entry is { option: T; index: number; rank: number } => entry.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.option);
}

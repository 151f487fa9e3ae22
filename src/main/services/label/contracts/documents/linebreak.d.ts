// linebreak (UAX #14, the line breaking pdfkit itself uses) ships no types.
declare module 'linebreak' {
  export interface Break {
    /** Where the line may (or must) end: an index into the string, in UTF-16 code units. */
    readonly position: number;
    /** A mandatory break (after a line feed), not just an opportunity. */
    readonly required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}

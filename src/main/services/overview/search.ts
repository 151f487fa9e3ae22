import { and, eq, isNull, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { can, noteVisibilitiesFor } from '../../../shared/access';
import type { Input, Output } from '../../../shared/api';
import type { NoteVisibility } from '../../../shared/domain/reviewNote';
import { SEARCH_KINDS, type SearchHit, type SearchKind } from '../../../shared/domain/search';
import type Database from 'better-sqlite3';
import type { Db } from '../../db/open';
import {
  auditions,
  bookings,
  contracts,
  demos,
  reviewNotes,
  talentProfiles,
} from '../../db/schema';
import { preparedByShape } from '../kernel/paging';
import { teamOf } from '../kernel/scope';
import { readableNotes } from '../label/reviewNotes';
import type { Session } from '../kernel/session';

/** The trigram tokenizer matches runs of 3 or more characters; shorter terms, see toFtsQuery. */
const TRIGRAM = 3;
/**
 * Matches scored per query, and candidates kept for access filtering and grouping. Scoring every
 * match of a common term (thousands of rows) is what made search slow, so only the first
 * MATCHES_SCORED are ranked: a bound on cost, at the price of an approximate order among very
 * common terms.
 */
const MATCHES_SCORED = 300;
const CANDIDATES = 100;

const ENTITY_OF: Record<SearchKind, Parameters<typeof can>[1]> = {
  talents: 'talents',
  auditions: 'auditions',
  bookings: 'bookings',
  artists: 'artists',
  demos: 'demos',
  contracts: 'contracts',
  reviewNotes: 'reviewNotes',
};

interface Parent {
  readonly talentProfile: string | null;
  readonly artist: string | null;
}

interface Candidate {
  readonly kind: SearchKind;
  readonly ref: string;
  readonly title: string;
  readonly detail: string;
}

/**
 * Characters indexed one by one and in adjacent pairs (search_grams, migration 0014): CJK
 * ideographs (and extensions), kana and Hangul syllables. The migration's view tests the same
 * ranges.
 */
const GRAM_RANGES: readonly (readonly [number, number])[] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0x20000, 0x3134f],
  [0x3041, 0x3096],
  [0x30a1, 0x30fa],
  [0xac00, 0xd7a3],
];
const isGramChar = (c: string) =>
  GRAM_RANGES.some(([lo, hi]) => c.codePointAt(0)! >= lo && c.codePointAt(0)! <= hi);

const quoted = (term: string) => `"${term.replace(/"/g, '""')}"`;

/**
 * User text is never query syntax: every term becomes a quoted FTS5 string (quotes doubled), so
 * `*`, `NEAR`, `AND`, parentheses and colons are searched for literally. Terms of 3 characters or
 * more go to the trigram index (`match`); a 1- or 2-character term of CJK characters is one
 * token of the gram index (`grams`: 雨, 思远); other short terms go to LIKE with `%`, `_` and `\`
 * escaped.
 */
export function toFtsQuery(q: string): {
  match: string | null;
  grams: string | null;
  likes: string[];
} {
  const terms = q.normalize('NFKC').trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const long = terms.filter((term) => [...term].length >= TRIGRAM);
  const short = terms.filter((term) => [...term].length < TRIGRAM);
  const gram = short.filter((term) => [...term].every(isGramChar));
  return {
    match: long.length ? long.map(quoted).join(' AND ') : null,
    grams: gram.length ? gram.map(quoted).join(' AND ') : null,
    likes: short
      .filter((term) => !gram.includes(term))
      .map((term) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
  };
}

export function createSearchService(db: Db, sqlite: Database.Database) {
  const likeClause = "(title || ' ' || detail) LIKE ? ESCAPE '\\'";

  // Statements prepared once per shape: which indexes a query uses and how many LIKE terms.
  const candidateStatement = preparedByShape(
    ({ match, grams, likes }: { match: boolean; grams: boolean; likes: number }) => {
      const where = [
        ...(match ? ['search_index MATCH ?'] : []),
        ...(grams && match
          ? ['search_index.rowid IN (SELECT rowid FROM search_grams WHERE search_grams MATCH ?)']
          : []),
        ...(grams && !match ? ['search_grams MATCH ?'] : []),
        ...Array.from({ length: likes }, () => likeClause),
      ].join(' AND ');
      // Short CJK terms alone: the gram index drives, each hit's row read by its rowid.
      const from =
        grams && !match
          ? 'search_grams JOIN search_index ON search_index.rowid = search_grams.rowid'
          : 'search_index';
      const score = match ? 'bm25(search_index)' : 'length(title)';
      return sqlite.prepare<unknown[], Candidate>(
        `SELECT kind, ref, title, detail FROM (
           SELECT kind, ref, title, detail, ${score} AS score FROM ${from} WHERE ${where} LIMIT ${MATCHES_SCORED}
         ) ORDER BY score LIMIT ${CANDIDATES}`,
      );
    },
  );

  function candidates(q: string): Candidate[] {
    const { match, grams, likes } = toFtsQuery(q);
    if (!match && !grams && likes.length === 0) return [];
    const params = [...(match ? [match] : []), ...(grams ? [grams] : []), ...likes];
    return candidateStatement({
      match: match !== null,
      grams: grams !== null,
      likes: likes.length,
    }).all(...params);
  }

  // The access checks, one prepared statement per kind and scope: the candidates' ids go in as
  // one JSON array (json_each), so the statement does not change with their number.
  const p = sql.placeholder;
  const among = (column: SQLiteColumn) =>
    sql`${column} IN (SELECT value FROM json_each(${p('refs')}))`;
  const talentsReadable = preparedByShape(({ team }: { team: boolean }) =>
    db
      .select({ id: talentProfiles.id, talent: talentProfiles.id })
      .from(talentProfiles)
      .where(
        and(
          among(talentProfiles.id),
          team ? eq(talentProfiles.manager, p('team')) : undefined,
          isNull(talentProfiles.archivedAt),
        ),
      )
      .prepare(),
  );
  const childrenReadable = preparedByShape(
    ({ kind, team }: { kind: 'auditions' | 'bookings'; team: boolean }) => {
      const table = kind === 'auditions' ? auditions : bookings;
      return db
        .select({ id: table.id, talent: table.talentProfile })
        .from(table)
        .innerJoin(talentProfiles, eq(talentProfiles.id, table.talentProfile))
        .where(and(among(table.id), team ? eq(talentProfiles.manager, p('team')) : undefined))
        .prepare();
    },
  );
  // Each note's visibility decides, as in reviewNotes.list.
  const notesReadable = preparedByShape(({ shared }: { shared: readonly NoteVisibility[] }) =>
    db
      .select({ id: reviewNotes.id, artist: reviewNotes.artist })
      .from(reviewNotes)
      .where(and(among(reviewNotes.id), readableNotes(shared)))
      .prepare(),
  );
  const labelReadable = preparedByShape(({ kind }: { kind: 'demos' | 'contracts' }) => {
    const table = kind === 'demos' ? demos : contracts;
    return db
      .select({ id: table.id, artist: table.artist })
      .from(table)
      .where(among(table.id))
      .prepare();
  });

  /** The ids among `refs` this session may read, with the talent they belong to. */
  function readable(session: Session, kind: SearchKind, refs: string[]): Map<string, Parent> {
    const user = session.user;
    if (!can(user.role, ENTITY_OF[kind], 'read')) return new Map();
    const ids = JSON.stringify(refs);
    if (kind === 'talents' || kind === 'auditions' || kind === 'bookings') {
      const team = teamOf(session, kind, 'read');
      // A coordinator without a team reads no agency rows.
      if (team === null) return new Map();
      const scope = { refs: ids, team };
      const rows =
        kind === 'talents'
          ? talentsReadable({ team: team !== undefined }).all(scope)
          : childrenReadable({ kind, team: team !== undefined }).all(scope);
      return new Map(rows.map((r) => [r.id, { talentProfile: r.talent, artist: null }]));
    }
    // Artists, demos and contracts: every label role that may read them reads them all.
    if (kind === 'artists')
      return new Map(refs.map((ref) => [ref, { talentProfile: null, artist: ref }]));
    const rows =
      kind === 'reviewNotes'
        ? notesReadable({ shared: noteVisibilitiesFor(user.role) }).all({
            refs: ids,
            me: user.id,
          })
        : labelReadable({ kind }).all({ refs: ids });
    return new Map(rows.map((r) => [r.id, { talentProfile: null, artist: r.artist }]));
  }

  return {
    query(session: Session, input: Input<'search.query'>): Output<'search.query'> {
      const perKind = input.limit ?? 5;
      const found = candidates(input.q);
      const groups: { kind: SearchKind; items: SearchHit[] }[] = [];
      for (const kind of SEARCH_KINDS) {
        const ofKind = found.filter((c) => c.kind === kind);
        if (ofKind.length === 0) continue;
        const allowed = readable(
          session,
          kind,
          ofKind.map((c) => c.ref),
        );
        const items = ofKind
          .filter((c) => allowed.has(c.ref))
          .slice(0, perKind)
          .map((c) => ({
            kind,
            id: c.ref,
            title: c.title,
            detail: c.detail,
            talentProfile: allowed.get(c.ref)?.talentProfile ?? null,
            artist: allowed.get(c.ref)?.artist ?? null,
          }));
        if (items.length) groups.push({ kind, items });
      }
      return { groups };
    },

    /**
     * Re-creates the index from the tables, as one compact b-tree. Deleting every row of an FTS5
     * table writes a delete marker per row, and queries then read through both until a merge
     * (twice the pages, twice the query time at 500,000 rows): the table is dropped and created
     * again from its own definition instead, refilled, and optimized into a single segment.
     */
    rebuild(): number {
      return sqlite.transaction(() => {
        const { sql } = sqlite
          .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search_index'")
          .get() as { sql: string };
        sqlite.exec('DROP TABLE search_index');
        sqlite.exec(sql);
        const sources: [string, number, string, string, string][] = [
          ['talents', 1, 'talent_profiles', 'stage_name', 'full_name'],
          ['auditions', 2, 'auditions', "client_name || ' · ' || project_name", "''"],
          ['bookings', 3, 'bookings', "client_name || ' · ' || project_name", "''"],
          ['artists', 4, 'artists', 'artist_name', 'genre'],
          ['demos', 5, 'demos', 'title', "''"],
          ['contracts', 6, 'contracts', 'contract_type', "''"],
          ['reviewNotes', 7, 'review_notes', "''", 'body'],
        ];
        let rows = 0;
        for (const [kind, code, table, title, detail] of sources) {
          rows += sqlite
            .prepare(
              `INSERT INTO search_index (rowid, kind, ref, title, detail) SELECT rowid * 8 + ${code}, '${kind}', id, ${title}, ${detail} FROM ${table}`,
            )
            .run().changes;
        }
        sqlite.prepare("INSERT INTO search_index (search_index) VALUES ('optimize')").run();
        // The gram index, likewise: from the rows just written, through the migration's view.
        const grams = sqlite
          .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search_grams'")
          .get() as { sql: string };
        sqlite.exec('DROP TABLE search_grams');
        sqlite.exec(grams.sql);
        sqlite
          .prepare(
            'INSERT INTO search_grams (rowid, grams) SELECT rowid, grams FROM search_index_grams WHERE grams IS NOT NULL',
          )
          .run();
        sqlite.prepare("INSERT INTO search_grams (search_grams) VALUES ('optimize')").run();
        return rows;
      })();
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;

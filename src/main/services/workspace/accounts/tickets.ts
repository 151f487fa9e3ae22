import { randomBytes } from 'node:crypto';
import { AppError } from '../../../../shared/errors';
import type { Session } from '../../kernel/session';

/** An audio element reads a long demo by ranges for as long as it plays. */
const AUDIO_TICKET_MS = 4 * 60 * 60_000;
/** A document, image or export is fetched once: a link in a tab dies soon after. */
const FILE_TICKET_MS = 5 * 60_000;
/** An event stream is opened at once; a reconnect asks for a new ticket. */
const EVENTS_TICKET_MS = 60_000;
const MAX_TICKETS = 10_000;

type Purpose = { kind: 'media'; media: string } | { kind: 'events' };

interface Ticket {
  readonly tokenHash: string;
  readonly purpose: Purpose;
  readonly expiresAt: number;
}

/**
 * Where a request cannot carry the Authorization header (an <audio> or <img> element, a link
 * opened in a new tab, EventSource), it carries a ticket instead: random, short-lived, good for
 * one file or one stream, and only while the session that asked for it lasts. The session token
 * itself never appears in a URL.
 */
export function createTickets(clock: () => number = Date.now) {
  const tickets = new Map<string, Ticket>();

  function sweep(): void {
    const now = clock();
    for (const [id, ticket] of tickets) if (ticket.expiresAt <= now) tickets.delete(id);
  }

  function issue(tokenHash: string, purpose: Purpose, lifetimeMs: number) {
    sweep();
    // A client asking in a loop must not grow the map without bound.
    if (tickets.size >= MAX_TICKETS) tickets.delete(tickets.keys().next().value!);
    const id = randomBytes(24).toString('base64url');
    const expiresAt = clock() + lifetimeMs;
    tickets.set(id, { tokenHash, purpose, expiresAt });
    return { ticket: id, expiresAt: new Date(expiresAt).toISOString() };
  }

  function redeem(id: string | null, wanted: Purpose): string {
    const ticket = id ? tickets.get(id) : undefined;
    const matches =
      ticket &&
      ticket.expiresAt > clock() &&
      ticket.purpose.kind === wanted.kind &&
      (wanted.kind !== 'media' ||
        (ticket.purpose.kind === 'media' && ticket.purpose.media === wanted.media));
    if (!ticket || !matches)
      throw new AppError('UNAUTHENTICATED', 'That link has expired. Open it again from Greenroom.');
    return ticket.tokenHash;
  }

  return {
    forMedia(session: Session, media: string, audio: boolean) {
      const lifetime = audio ? AUDIO_TICKET_MS : FILE_TICKET_MS;
      return issue(session.tokenHash, { kind: 'media', media }, lifetime);
    },
    forEvents(session: Session) {
      return issue(session.tokenHash, { kind: 'events' }, EVENTS_TICKET_MS);
    },
    /** The session (its token's hash) behind a media ticket for this file; the caller resolves it. */
    redeemMedia(id: string | null, media: string): string {
      return redeem(id, { kind: 'media', media });
    },
    /** The session behind an events ticket, which is spent: a reconnect asks anew. */
    redeemEvents(id: string | null): string {
      const tokenHash = redeem(id, { kind: 'events' });
      tickets.delete(id!);
      return tokenHash;
    },
  };
}

export type Tickets = ReturnType<typeof createTickets>;

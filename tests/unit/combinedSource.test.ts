import { describe, expect, it } from 'vitest';
import {
  combinedSource,
  type SourceFunc,
} from '../../src/renderer/src/features/schedule/combinedSource';

interface EventInput {
  readonly id: string;
}
const info = { start: new Date(0), end: new Date(1) };
type Part = SourceFunc<typeof info, EventInput>;
const later =
  (events: EventInput[], ms: number): Part =>
  (_i, success) =>
    void setTimeout(() => success(events), ms);
const failing =
  (message: string): Part =>
  (_i, _s, failure) =>
    void setTimeout(() => failure(new Error(message)), 1);

function run(parts: Part[]) {
  return new Promise<{ events?: EventInput[]; error?: Error; answers: number }>((resolve) => {
    let answers = 0;
    combinedSource<typeof info, EventInput>(parts)(
      info,
      (events) => {
        answers += 1;
        setTimeout(() => resolve({ events, answers }), 20);
      },
      (error) => {
        answers += 1;
        setTimeout(() => resolve({ error, answers }), 20);
      },
    );
  });
}

describe('combinedSource', () => {
  it('answers once, with every part, after the slowest', async () => {
    const done = await run([
      later([{ id: 'a' }], 5),
      (_i, success) => success([{ id: 'b' }]),
      later([{ id: 'c' }, { id: 'd' }], 1),
    ]);
    expect(done.answers).toBe(1);
    expect(done.events?.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('draws the parts that answered when one fails, and fails only when all do', async () => {
    const some = await run([later([{ id: 'a' }], 2), failing('holds down')]);
    expect(some.events?.map((e) => e.id)).toEqual(['a']);
    const none = await run([failing('first'), failing('second')]);
    expect(none.error?.message).toBe('first');
    expect(none.answers).toBe(1);
  });
});

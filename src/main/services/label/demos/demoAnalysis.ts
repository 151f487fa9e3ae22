import { and, eq, isNull, like } from 'drizzle-orm';
import type { Output } from '../../../../shared/api';
import { demos, media, mediaAnalysis } from '../../../db/schema';
import type { Analyzer } from './audio/analyzer';
import type { MediaStore } from '../../workspace/files/media';
import type { Store } from '../../kernel/store';

/**
 * Peaks and loudness are measured once per stored audio file, after import, in the analysis
 * worker; the waveform then opens from the stored peaks without decoding the audio. Files stored
 * while the app was closed (or before this existed) are measured at start-up.
 */
export function createDemoAnalysis(store: Store, files: MediaStore, analyzer: Analyzer) {
  const { db } = store;
  const queue: string[] = [];
  let running: Promise<void> | null = null;
  let stopped = false;

  async function measure(mediaId: string): Promise<void> {
    if (stopped) return;
    const done = db
      .select({ media: mediaAnalysis.media })
      .from(mediaAnalysis)
      .where(eq(mediaAnalysis.media, mediaId))
      .get();
    if (done) return;
    let stored;
    try {
      stored = files.locate(mediaId);
    } catch {
      return; // Missing bytes: measured when the file is relinked.
    }
    let values: Omit<typeof mediaAnalysis.$inferInsert, 'media' | 'analyzedAt'>;
    try {
      const result = await analyzer.analyze(stored.path);
      values = {
        peaks: JSON.stringify(result.peaks),
        durationSeconds: result.durationSeconds,
        sampleRate: result.sampleRate,
        loudnessLufs: result.loudnessLufs,
        error: null,
      };
    } catch (error) {
      values = { error: error instanceof Error ? error.message.slice(0, 500) : 'unreadable' };
    }
    // The workspace may have closed while the worker was busy.
    if (stopped) return;
    store.write(null, (w) => {
      w.tx
        .insert(mediaAnalysis)
        .values({ media: mediaId, analyzedAt: w.now, ...values })
        .onConflictDoNothing()
        .run();
      if (values.loudnessLufs === undefined) return;
      const measured = w.tx
        .update(demos)
        .set({ loudnessLufs: values.loudnessLufs, updatedAt: w.now })
        .where(eq(demos.audioUrl, `media:${mediaId}`))
        .returning({ id: demos.id })
        .all();
      for (const { id } of measured) {
        w.audit({
          action: 'demos.analyze',
          entity: 'demos',
          entityId: id,
          changes: { loudnessLufs: [null, values.loudnessLufs ?? null] },
        });
        w.emit({ entity: 'demos', id, action: 'updated' });
      }
    });
  }

  function drain(): Promise<void> {
    running ??= (async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        try {
          await measure(next);
        } catch (error) {
          console.error('audio analysis failed', error);
        }
      }
      running = null;
    })();
    return running;
  }

  return {
    /** Queues a stored file for measuring (once; a measured file is skipped). */
    enqueue(mediaId: string): void {
      if (!queue.includes(mediaId)) queue.push(mediaId);
      void drain();
    },

    /** Every stored audio file not measured yet. */
    enqueueUnmeasured(): void {
      const rows = db
        .select({ id: media.id })
        .from(media)
        .leftJoin(mediaAnalysis, eq(mediaAnalysis.media, media.id))
        .where(and(like(media.contentType, 'audio/%'), isNull(mediaAnalysis.media)))
        .all();
      for (const row of rows) this.enqueue(row.id);
    },

    /** No more measuring: the store is closing. */
    stop(): void {
      stopped = true;
      queue.length = 0;
    },

    /** Resolves when nothing is queued or being measured. */
    async idle(): Promise<void> {
      while (running) await running;
    },

    peaks(audioUrl: string): Omit<Output<'demos.peaks'>, 'id'> {
      const mediaId = audioUrl.replace(/^media:/, '');
      const row = db.select().from(mediaAnalysis).where(eq(mediaAnalysis.media, mediaId)).get();
      if (!row) {
        this.enqueue(mediaId);
        return { status: 'pending', peaks: null, duration: null, loudnessLufs: null };
      }
      if (row.error || !row.peaks) {
        return { status: 'failed', peaks: null, duration: null, loudnessLufs: null };
      }
      return {
        status: 'ready',
        peaks: JSON.parse(row.peaks) as number[],
        duration: row.durationSeconds,
        loudnessLufs: row.loudnessLufs,
      };
    },
  };
}

export type DemoAnalysis = ReturnType<typeof createDemoAnalysis>;

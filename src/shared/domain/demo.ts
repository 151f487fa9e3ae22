import { z } from 'zod';
import { isErrorBody, type ErrorBody } from '../errors';
import { id, listPaging, optionalText, requiredText, rowMeta, userSummary } from './common';
import { REVIEW_STATUSES, SUBMISSION_SOURCES } from './vocabulary';

export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** What a demo queue opens on: the demos a decision is still owed on. */
export const UNDECIDED_STATUSES = [
  'submitted',
  'in_review',
] as const satisfies readonly ReviewStatus[];

/** The review workflow: submitted -> in_review -> shortlisted | passed; shortlisted -> passed. */
export const REVIEW_TRANSITIONS: Readonly<Record<ReviewStatus, readonly ReviewStatus[]>> = {
  submitted: ['in_review'],
  in_review: ['shortlisted', 'passed'],
  shortlisted: ['passed'],
  passed: [],
};

/** Audio accepted at import, recognised by content. */
export const MAX_AUDIO_BYTES = 1024 ** 3;

/** `file` is a staged-file token (files.pick or POST /upload), never a path. */
export const demoImport = z.strictObject({
  artist: id,
  title: requiredText(200),
  submissionSource: z.enum(SUBMISSION_SOURCES),
  file: z.string().min(1).max(128),
});

export const demoList = z.strictObject({
  artist: id.optional(),
  reviewStatus: z.enum(REVIEW_STATUSES).optional(),
  /** Only the demos still waiting for a decision: submitted or in review. */
  undecided: z.literal(true).optional(),
  submissionSource: z.enum(SUBMISSION_SOURCES).optional(),
  ...listPaging,
});

export const demoSetReviewStatus = z.strictObject({
  id,
  status: z.enum(REVIEW_STATUSES),
  note: optionalText(20_000),
  /** Takes back the caller's own latest decision (within a minute), even against the forward-only rules. */
  undo: z.literal(true).optional(),
});

/** A reviewer's score for a demo; rating again replaces their earlier score. */
export const demoRate = z.strictObject({ id, score: z.number().int().min(1).max(5) });

/**
 * Points a demo whose stored file went missing at the same recording again; a demo imported
 * from the hosted app, whose audio never came over, takes its recording the first time.
 */
export const demoRelink = z.strictObject({ id, file: z.string().min(1).max(128) });

/** Recordings for demos brought over from Back4app, matched by the hosted audio's file name. */
export const demoAttachRecordings = z.strictObject({
  files: z.array(z.string().min(1).max(128)).min(1, 'Choose at least one file').max(200),
});

/**
 * Why a demo's audio could not be measured (peaks and loudness): it decodes to no sound, the
 * decoder could not read it, measuring ran over its time budget, or an M4A keeps its index after
 * a long stretch of audio. The audio may still play; only the waveform and loudness are missing.
 */
export const ANALYSIS_FAILURE_REASONS = [
  'no_audio',
  'unreadable',
  'timeout',
  'index_at_end',
] as const;
export type AnalysisFailureReason = (typeof ANALYSIS_FAILURE_REASONS)[number];

/** What became of measuring a demo's audio; `failure` says why when it could not be measured. */
export const demoAnalysisState = z.object({
  status: z.enum(['pending', 'ready', 'failed']),
  failure: z.object({ reason: z.enum(ANALYSIS_FAILURE_REASONS), detail: z.string() }).nullable(),
});
export type DemoAnalysisState = z.infer<typeof demoAnalysisState>;

export const demo = z.object({
  ...rowMeta,
  artist: z.string(),
  title: z.string(),
  audioUrl: z.string(),
  submissionSource: z.enum(SUBMISSION_SOURCES),
  reviewStatus: z.enum(REVIEW_STATUSES),
  submittedBy: z.string(),
  receivedAt: z.string(),
  durationSeconds: z.number().nullable(),
  sampleRate: z.number().int().nullable(),
  loudnessLufs: z.number().nullable(),
  /** The stored file is gone from the media store (deleted or moved by hand): relink it. */
  audioMissing: z.boolean(),
  /** Peaks and loudness are measured after import: pending, ready, or failed with the reason. */
  analysis: demoAnalysisState,
  /** Reviewers' scores (1-5): the average, how many rated, and the caller's own. */
  scores: z.object({
    average: z.number().nullable(),
    count: z.number().int(),
    mine: z.number().int().nullable(),
  }),
  expanded: z.object({
    artist: z.object({ id: z.string(), artistName: z.string(), owner: z.string() }),
    submittedBy: userSummary,
  }),
});
export type Demo = z.infer<typeof demo>;

/**
 * Why a recording went to no demo, as a code the renderer words (`reason` is the same in English,
 * for API readers): no demo or several had audio of its name, that demo already took a file, or
 * the file itself was refused (not audio, damaged, too large) with main's error.
 */
export const unplacedRecording = z.object({
  fileName: z.string(),
  why: z.discriminatedUnion('code', [
    z.object({ code: z.literal('noDemo') }),
    z.object({ code: z.literal('severalDemos'), titles: z.array(z.string()) }),
    z.object({ code: z.literal('alreadyGiven'), title: z.string() }),
    z.object({ code: z.literal('refused'), error: z.custom<ErrorBody>(isErrorBody) }),
  ]),
  reason: z.string(),
});
export type UnplacedRecording = z.infer<typeof unplacedRecording>;

export const attachedRecordings = z.object({
  attached: z.array(z.object({ fileName: z.string(), demo })),
  unmatched: z.array(unplacedRecording),
});

/** Imported from the hosted app: the address of the audio there, never a stored file here. */
export const audioStayedHosted = (demo: Pick<Demo, 'audioUrl'>): boolean =>
  !demo.audioUrl.startsWith('media:');

/** An import answer says whether the same bytes were already stored (linked, not copied). */
export const demoImported = demo.extend({ duplicate: z.boolean() });

/** The waveform of a demo's audio, measured once after import; null peaks until then. */
export const demoPeaks = z.object({
  id: z.string(),
  status: z.enum(['ready', 'pending', 'failed']),
  /** Why the audio could not be measured, when status is failed. */
  failure: demoAnalysisState.shape.failure,
  peaks: z.array(z.number()).nullable(),
  duration: z.number().nullable(),
  loudnessLufs: z.number().nullable(),
});

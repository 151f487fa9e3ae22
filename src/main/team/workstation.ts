import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Input, Output } from '../../shared/api';
import type { workstationStatus } from '../../shared/domain/workstation';
import { AppError } from '../../shared/errors';
import type { Core } from '../core';
import { hostAddresses, loadOrCreateCertificate } from './certificate';
import { normalizeFingerprint, probeServer, type JoinedServer } from './remoteClient';
import { hostForm, startTeamServer, type TeamServer } from './server';

type Status = z.infer<typeof workstationStatus>;

/** What this computer remembers about its part in a workspace (no secret: the token is kept
 *  apart, with the operating system's encryption). */
interface Settings {
  readonly mode: 'local' | 'joined';
  readonly chosen: boolean;
  readonly joined: JoinedServer | null;
  readonly sharing: { readonly enabled: boolean; readonly port: number };
}

export const DEFAULT_SHARE_PORT = 5443;
const FILE = 'workstation.json';
const DEFAULTS: Settings = {
  mode: 'local',
  chosen: false,
  joined: null,
  sharing: { enabled: false, port: DEFAULT_SHARE_PORT },
};

export interface WorkstationOptions {
  /** Where the settings file lives (the app's user data folder). */
  readonly dir: string;
  readonly core: Core;
  readonly rendererDir: string;
  /** Told when the mode changes (main then routes calls to the local core or the server). */
  readonly onChange?: (settings: Settings) => void;
}

/**
 * The desktop app's workstation settings and the sharing of its own workspace: plain Node, so it
 * is tested under Node; Electron main only wires it. Sharing runs the same team server as
 * `npm run server`, from the app, and keeps running across restarts until turned off.
 */
export function createWorkstation(options: WorkstationOptions) {
  const file = join(options.dir, FILE);
  let settings = read();
  let server: TeamServer | null = null;
  let problem: string | null = null;
  /** Identities probed this run: joining takes the certificate the user was shown. */
  const probed = new Map<string, { certificate: string; fingerprint: string; url: string }>();

  function read(): Settings {
    if (!existsSync(file)) return DEFAULTS;
    try {
      return { ...DEFAULTS, ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<Settings>) };
    } catch {
      return DEFAULTS;
    }
  }

  function save(next: Settings): void {
    mkdirSync(options.dir, { recursive: true });
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, JSON.stringify(next, null, 2), { mode: 0o600 });
    renameSync(temporary, file);
    const modeChanged = next.mode !== settings.mode || next.joined?.url !== settings.joined?.url;
    settings = next;
    if (modeChanged) options.onChange?.(next);
  }

  function status(): Status {
    const port = server?.port ?? settings.sharing.port;
    const urls = server
      ? [
          ...new Set(
            [hostname().toLowerCase(), ...hostAddresses()]
              .filter((name) => name !== '127.0.0.1' && name !== '::1' && !name.startsWith('fe80'))
              .map((name) => `https://${hostForm(name)}:${port}`),
          ),
        ]
      : [];
    return {
      mode: settings.mode,
      chosen: settings.chosen,
      joined: settings.joined
        ? { url: settings.joined.url, fingerprint: settings.joined.fingerprint }
        : null,
      sharing: {
        enabled: settings.sharing.enabled,
        port,
        urls,
        fingerprint: server?.fingerprint ?? null,
        problem: settings.sharing.enabled ? problem : null,
      },
    };
  }

  async function startSharing(port: number): Promise<void> {
    await stopSharing();
    problem = null;
    try {
      const certificate = await loadOrCreateCertificate(options.core.dataDir, [hostname()]);
      server = await startTeamServer({
        core: options.core,
        rendererDir: options.rendererDir,
        host: '0.0.0.0',
        port,
        certificate,
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      problem =
        code === 'EADDRINUSE'
          ? `Port ${port} is in use by another program. Choose another port.`
          : code === 'EACCES'
            ? `Greenroom may not use port ${port} on this computer. Choose a port above 1024.`
            : 'Sharing could not start.';
    }
  }

  async function stopSharing(): Promise<void> {
    const running = server;
    server = null;
    await running?.close(2_000);
  }

  return {
    /** The settings as saved; main reads the mode and the joined server from it. */
    get settings(): Settings {
      return settings;
    },

    /** At app start: sharing that was on stays on. */
    async resume(): Promise<void> {
      if (settings.mode === 'local' && settings.sharing.enabled)
        await startSharing(settings.sharing.port);
    },

    status,

    useThisComputer(): Output<'workstation.status'> {
      save({ ...settings, mode: 'local', chosen: true, joined: null });
      return status();
    },

    async probe(input: Input<'workstation.probe'>): Promise<Output<'workstation.probe'>> {
      const identity = await probeServer(input.url);
      const url = new URL(/^https:\/\//i.test(input.url) ? input.url : `https://${input.url}`)
        .origin;
      probed.set(url, {
        certificate: identity.certificate,
        fingerprint: identity.fingerprint,
        url,
      });
      return { url, fingerprint: identity.fingerprint, names: [...identity.names] };
    },

    /**
     * Joins the server the user probed, once they confirmed its fingerprint: the one they were
     * shown must be the one they confirm, and the server must still present it.
     */
    async join(input: Input<'workstation.join'>): Promise<Output<'workstation.join'>> {
      const url = new URL(/^https:\/\//i.test(input.url) ? input.url : `https://${input.url}`)
        .origin;
      const seen = probed.get(url);
      const confirmed = normalizeFingerprint(input.fingerprint);
      if (!seen)
        throw new AppError(
          'VALIDATION',
          'Look the server up first, then confirm its fingerprint.',
          {
            url: 'Not looked up',
          },
        );
      if (normalizeFingerprint(seen.fingerprint) !== confirmed)
        throw new AppError(
          'VALIDATION',
          'That fingerprint is not the one the server presented. Compare it with the one shown where the server runs.',
          { fingerprint: 'Does not match' },
        );
      const now = await probeServer(url);
      if (normalizeFingerprint(now.fingerprint) !== confirmed)
        throw new AppError('FORBIDDEN', 'The server presented a different certificate just now.', {
          fingerprint: 'Changed',
        });
      await stopSharing();
      save({
        ...settings,
        mode: 'joined',
        chosen: true,
        joined: { url, certificate: seen.certificate, fingerprint: confirmed },
        sharing: { ...settings.sharing, enabled: false },
      });
      return status();
    },

    leave(): Output<'workstation.leave'> {
      save({ ...settings, mode: 'local', chosen: true, joined: null });
      return status();
    },

    async share(input: Input<'workstation.share'>): Promise<Output<'workstation.share'>> {
      if (settings.mode !== 'local')
        throw new AppError(
          'CONFLICT',
          'This computer works in a team workspace on another computer; only its own workspace can be shared.',
        );
      const port = input.port ?? settings.sharing.port;
      save({ ...settings, chosen: true, sharing: { enabled: input.enabled, port } });
      if (input.enabled) await startSharing(port);
      else await stopSharing();
      return status();
    },

    async close(): Promise<void> {
      await stopSharing();
    },
  };
}

export type Workstation = ReturnType<typeof createWorkstation>;

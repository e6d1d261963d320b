import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** How long a left-over server gets to finish its fast shutdown. */
const STOP_TIMEOUT_MS = 30_000;

export interface ProcessInfo {
  pid: number;
  parentPid: number;
  /** The command line, one entry per argument. */
  argv: string[];
}

/** What holds a data folder's lock file, and what to do about it. */
export type LockHolder =
  { kind: 'none' } | { kind: 'orphaned'; pid: number } | { kind: 'in-use'; pid: number; parentPid: number };

/**
 * Judges the process named by `postmaster.pid`. A PostgreSQL server for this data folder whose parent
 * is gone (adopted by PID 1, or its parent no longer alive) was left behind by an app that died hard: it
 * may be stopped. One whose parent lives belongs to a running app: it must not be touched. Anything else
 * (no such process, another program under a reused PID) is left to PostgreSQL's own lock check.
 */
export function judgeLockHolder(
  holder: ProcessInfo | null,
  dataDir: string,
  isParentAlive: boolean,
): LockHolder {
  if (!holder || !isPostmasterOf(holder.argv, dataDir)) return { kind: 'none' };
  if (holder.parentPid <= 1 || !isParentAlive) return { kind: 'orphaned', pid: holder.pid };
  return { kind: 'in-use', pid: holder.pid, parentPid: holder.parentPid };
}

/** `postgres -D <dataDir> ...`, the way the embedded launcher starts it. */
export function isPostmasterOf(argv: string[], dataDir: string): boolean {
  if (basename(argv[0] ?? '') !== 'postgres') return false;
  const at = argv.indexOf('-D');
  const folder = at >= 0 ? argv[at + 1] : undefined;
  return folder !== undefined && samePath(folder, dataDir);
}

/** The server's PID, the first line of `postmaster.pid`; null when the file says nothing usable. */
export function postmasterPidOf(lockFile: string): number | null {
  const pid = Number(lockFile.split('\n')[0]?.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** `/proc/<pid>/stat`: the parent PID and whether the process is a zombie (exited, not yet reaped). */
export function parseProcStat(stat: string): { parentPid: number; isZombie: boolean } | null {
  // The command name is in parentheses and may itself contain spaces or parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const parentPid = Number(fields[1]);
  if (!fields[0] || !Number.isInteger(parentPid)) return null;
  return { parentPid, isZombie: fields[0] === 'Z' || fields[0] === 'X' };
}

/**
 * Before the embedded PostgreSQL starts: a server that an earlier run left behind (the app was killed
 * with SIGKILL, or aborted) still holds the data folder and its port, and the new start would fail.
 * Such an orphan is stopped (SIGINT, PostgreSQL's fast shutdown), saying so in one line; a server that
 * belongs to another running app on the same folder is a reason to refuse, naming it.
 */
export async function clearOrphanedPostmaster(dataDir: string, say: (line: string) => void): Promise<void> {
  const lockPath = join(dataDir, 'postmaster.pid');
  if (!existsSync(lockPath)) return;
  const pid = postmasterPidOf(readFileSync(lockPath, 'utf8'));
  if (pid === null || !isAlive(pid)) return;
  const holder = describeProcess(pid);
  const verdict = judgeLockHolder(holder, dataDir, holder ? isAlive(holder.parentPid) : false);
  if (verdict.kind === 'none') return;
  if (verdict.kind === 'in-use') {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} (process ${verdict.pid}) belongs to another running app, ` +
        `process ${verdict.parentPid}: stop that one first, or set DATA_DIR to another folder.`,
    );
  }
  say(`An earlier run left its embedded PostgreSQL running (process ${pid}): stopping it and starting anew`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      throw new Error(
        `The left-over embedded PostgreSQL (process ${pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s; stop it by hand.`,
      );
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = readProc(pid, 'stat');
  return stat === null || parseProcStat(stat)?.isZombie !== true;
}

function describeProcess(pid: number): ProcessInfo | null {
  const stat = readProc(pid, 'stat');
  const cmdline = readProc(pid, 'cmdline');
  if (stat !== null && cmdline !== null) {
    const parsed = parseProcStat(stat);
    return parsed ? { pid, parentPid: parsed.parentPid, argv: cmdline.split('\0').filter(Boolean) } : null;
  }
  // No /proc (macOS): ask ps. Arguments with spaces are not told apart; data folders rarely have them.
  try {
    const line = execFileSync('ps', ['-o', 'ppid=', '-o', 'args=', '-p', String(pid)], {
      encoding: 'utf8',
    }).trim();
    const [parent, ...argv] = line.split(/\s+/);
    return parent ? { pid, parentPid: Number(parent), argv } : null;
  } catch {
    return null;
  }
}

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

function samePath(a: string, b: string): boolean {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  return real(a) === real(b);
}

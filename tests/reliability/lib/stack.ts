// The system under test, orchestrated from the test process: DynamoDB Local on disk (restartable on
// the same port and files) and the local API server as a child process (restartable: kill + respawn).
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../../functions/config.js';
import { type DynamoLocal, freePort, startDynamoLocal } from '../../../functions/local/dynamodb-local.js';
import { seedIfEmpty } from '../../../functions/local/seed.js';
import { buildRuntime } from '../../../functions/runtime.js';
import { createFsArtifactStore } from '../../../functions/store/artifacts.js';
import { migrate } from '../../../functions/store/migrations.js';
import { ensureTable } from '../../../functions/store/table-admin.js';

export const TABLE_NAME = 'reliability';

export interface StackOptions {
  /** STORE_TIMEOUT_MS of the API: a store call slower than this must fail fast with 503. */
  storeTimeoutMs: number;
}

export interface ReliabilityStack {
  readonly dir: string;
  readonly storeEndpoint: string;
  readonly apiUrl: string;
  readonly apiEnv: Record<string, string>;
  /** Stops the engine (SIGTERM, SIGKILL after 3 s); resolves once the process has exited. */
  stopStore(): Promise<void>;
  /** Starts the engine again on the same port and the same files. */
  startStore(): Promise<void>;
  /** Freezes the engine (SIGSTOP) for `ms`: it keeps its port and accepts connections but answers nothing. */
  freezeStore(ms: number): Promise<void>;
  /** Kills the API process (SIGKILL: in-flight requests are cut) and starts a fresh one on the same port. */
  restartApi(): Promise<void>;
  /** Lines the API processes wrote at level error (unhandled errors → 500s). */
  apiErrorLines(): string[];
  close(): Promise<void>;
}

const HERE = fileURLToPath(new URL('.', import.meta.url));
const REPO = resolve(HERE, '../../..');
const SERVER_SCRIPT = resolve(HERE, 'api-server.ts');

function spawnApi(env: Record<string, string>, log: WriteStream, errors: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_SCRIPT], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const ready = new Promise<void>((done, fail) => {
    let buffered = '';
    const timer = setTimeout(() => fail(new Error('API server did not print READY within 30 s')), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      log.write(d);
      buffered = (buffered + d.toString()).slice(-2000);
      if (buffered.includes('READY ')) {
        clearTimeout(timer);
        done();
      }
    });
    child.stderr?.on('data', (d: Buffer) => {
      log.write(d);
      for (const line of d.toString().split('\n')) if (line.includes('"level":"error"')) errors.push(line);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`API server exited before READY (code ${code}); see ${log.path}`));
    });
  });
  return { child, ready };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((done) =>
    child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done()),
  );

/**
 * Where the engine keeps its files. DynamoDB Local syncs every write to disk: on a shared CI disk
 * that is ~50 writes/s, and the seed alone takes minutes. A tmpfs (/dev/shm) keeps the files-on-disk
 * semantics this test is about — a killed engine restarts on the same files and finds every committed
 * write (the page cache outlives the process; only a power cut needs the sync). RELIABILITY_DB_DIR
 * puts them on a real disk instead.
 */
function scratchRoot(): string {
  if (process.env.RELIABILITY_DB_DIR) return process.env.RELIABILITY_DB_DIR;
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

/** Starts a seeded store on disk and the API in front of it; `close()` stops both. */
export async function startStack(options: StackOptions): Promise<ReliabilityStack> {
  const dir = mkdtempSync(join(scratchRoot(), 'yuhu-reliability-'));
  const dbPath = join(dir, 'dynamodb');
  const dataDir = join(dir, 'data');
  const storePort = await freePort();
  let apiPort = await freePort();
  while (apiPort === storePort) apiPort = await freePort();
  let store: DynamoLocal | null = null;
  let api: ReturnType<typeof spawnApi> | undefined;
  const log = createWriteStream(join(dir, 'api.log'));
  const errors: string[] = [];
  const apiEnv: Record<string, string> = {
    APP_ENV: 'test',
    LOG_LEVEL: 'warn',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    DYNAMODB_ENDPOINT: `http://127.0.0.1:${storePort}`,
    TABLE_NAME,
    DATA_DIR: dataDir,
    PORT: String(apiPort),
    STORE_TIMEOUT_MS: String(options.storeTimeoutMs),
    // Each virtual resident has its own address (X-Forwarded-For); the per-address limit stays in the
    // request path (one store write per POST) but high enough never to refuse this load.
    CLIENT_IP_HEADER: 'x-forwarded-for',
    RATE_LIMIT_IP: '1000/600',
  };
  try {
    store = await startDynamoLocal({ dbPath, port: storePort });
    if (store.port !== storePort) throw new Error(`DynamoDB Local took port ${store.port}, not ${storePort}`);
    // Setup is not under test: a generous store timeout, so a busy machine cannot fail the seed.
    const config = loadConfig({ ...apiEnv, STORE_TIMEOUT_MS: '30000' });
    const runtime = buildRuntime(config, { artifacts: createFsArtifactStore(join(dataDir, 'artifacts')) });
    try {
      await ensureTable(runtime.clients.raw, TABLE_NAME);
      await migrate(runtime.clients.doc, TABLE_NAME);
      await seedIfEmpty(runtime, { incidents: 'none' });
    } finally {
      runtime.clients.raw.destroy();
    }
    api = spawnApi(apiEnv, log, errors);
    await api.ready;
  } catch (err) {
    // no half-started stack left behind: no java, no API process
    api?.child.kill('SIGKILL');
    await store?.stop();
    log.end();
    if (!process.env.KEEP_RELIABILITY_DIR) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  let current = api;

  const stopApi = async () => {
    current.child.kill('SIGKILL');
    await exited(current.child);
  };

  return {
    dir,
    storeEndpoint: apiEnv.DYNAMODB_ENDPOINT,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    apiEnv,
    async stopStore() {
      await store?.stop();
      store = null;
    },
    async startStore() {
      if (store) throw new Error('the store is already running');
      const started = await startDynamoLocal({ dbPath, port: storePort });
      if (started.port !== storePort) {
        await started.stop();
        throw new Error(`port ${storePort} was taken while the store was down; the API's endpoint is stale`);
      }
      store = started;
    },
    async freezeStore(ms) {
      const pid = store?.pid;
      if (!pid) throw new Error('the store is not running');
      process.kill(pid, 'SIGSTOP');
      try {
        await new Promise((r) => setTimeout(r, ms));
      } finally {
        process.kill(pid, 'SIGCONT');
      }
    },
    async restartApi() {
      await stopApi();
      current = spawnApi(apiEnv, log, errors);
      await current.ready;
    },
    apiErrorLines: () => [...errors],
    async close() {
      await stopApi().catch(() => {});
      await store?.stop().catch(() => {});
      store = null;
      await new Promise((done) => log.end(done));
      if (!process.env.KEEP_RELIABILITY_DIR) rmSync(dir, { recursive: true, force: true });
    },
  };
}

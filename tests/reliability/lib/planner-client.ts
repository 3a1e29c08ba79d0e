// The publish test's planner over HTTP: a draft from the current generation, a split, a reshaped
// border, cadres for the new blocks, publish — each step timed, the first accepted candidate kept.
import type { PublishPlan, Reshape } from './publish-plan.js';
import { SPLIT_BLOCK } from './publish-plan.js';

export interface Step {
  name: string;
  status: number;
  ms: number;
  /** error code of a refused step */
  code?: string;
}

export interface PublishRecord {
  generation: number;
  added: string[];
  reshape: Reshape;
  steps: Step[];
  /** Date.now() when the publish request was sent and answered */
  sentAt: number;
  answeredAt: number;
  /** the server's published_at (it commits right after taking it) */
  publishedAt: number;
  result: Record<string, unknown>;
  /** set when the publish request failed although the generation was published */
  error?: string;
}

interface Roles {
  governor: string;
  assistants: string[];
  supervisor: string;
}

export class PlannerClient {
  readonly steps: Step[] = [];
  /** the draft's number once created (the preview reads it) */
  draft: number | undefined;
  /**
   * Date.parse(published_at) as soon as the generation reads as published. The publish request answers
   * only after the follow-up (open incidents and counters moved), which takes tens of seconds under load.
   */
  committedAt: number | undefined;
  /** Date.now() when a read first showed the generation published: any read sent later must see it too */
  seenPublishedAt: number | undefined;

  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async call(name: string, method: string, path: string, body?: unknown, version?: number) {
    const started = performance.now();
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        'Content-Type': 'application/json',
        ...(version === undefined ? {} : { 'If-Match': `"${version}"` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    const code = (json.error as { code?: string } | undefined)?.code;
    this.steps.push({ name, status: res.status, ms: Math.round(performance.now() - started), code });
    return { status: res.status, json };
  }

  /** The split block's cadres in the current generation (assigned to its pieces later). */
  async rolesOf(blockId: string): Promise<Roles> {
    const { status, json } = await this.call('cadres', 'GET', `/api/blocks/${blockId}`);
    const cadres = json.cadres as {
      governor: { id: string };
      assistants: { id: string }[];
      supervisor: { id: string };
    };
    if (status !== 200 || !cadres?.governor || !cadres.supervisor)
      throw new Error(`no cadres for ${blockId}: ${status}`);
    return {
      governor: cadres.governor.id,
      assistants: cadres.assistants.map((a) => a.id),
      supervisor: cadres.supervisor.id,
    };
  }

  /** Applies the first accepted op of `candidates`; returns its answer and the new version. */
  private async firstAccepted(g: number, version: number, name: string, candidates: unknown[]) {
    for (const op of candidates) {
      const r = await this.call(name, 'POST', `/api/generations/${g}/edits`, op, version);
      if (r.status === 200) return { op, json: r.json, version: Number(r.json.version) };
    }
    const refused = this.steps.filter((s) => s.name === name).map((s) => `${s.status} ${s.code ?? ''}`);
    throw new Error(`every ${name} candidate was refused: ${refused.join(', ')}`);
  }

  /** Draft → split → reshape → cadres → publish. Throws on any refused step. */
  async publish(
    plan: PublishPlan,
    roles: Roles,
    onSplit?: (added: string[]) => void,
  ): Promise<PublishRecord> {
    const created = await this.call('create', 'POST', '/api/generations', {
      note: 'reliability: publish under load',
    });
    if (created.status !== 201)
      throw new Error(`draft not created: ${created.status} ${JSON.stringify(created.json)}`);
    const g = Number(created.json.generation);
    this.draft = g;
    let version = Number(created.json.version);
    const split = await this.firstAccepted(
      g,
      version,
      'split',
      plan.splitLines.map((line) => ({ op: 'split_block', block: SPLIT_BLOCK, line })),
    );
    version = split.version;
    const added = split.json.added as string[];
    onSplit?.(added);
    const reshaped = await this.firstAccepted(
      g,
      version,
      'reshape',
      plan.reshapes.map((r) => ({ op: 'reshape_edge', blocks: r.blocks, line: r.line })),
    );
    version = reshaped.version;
    const reshape = plan.reshapes.find((r) => (reshaped.op as { line: unknown }).line === r.line)!;
    // The pieces inherit the parent's cadres; the second gets its own governor (the first assistant).
    const [first, ...rest] = roles.assistants;
    const assignments = [
      { block: added[0], ...roles },
      first
        ? {
            block: added[1],
            governor: first,
            assistants: [roles.governor, ...rest],
            supervisor: roles.supervisor,
          }
        : { block: added[1], governor: roles.supervisor, assistants: [], supervisor: roles.governor },
    ];
    for (const a of assignments) {
      version = (await this.firstAccepted(g, version, 'assign_cadres', [{ op: 'assign_cadres', ...a }]))
        .version;
    }
    const sentAt = Date.now();
    let answered = false;
    const watch = (async () => {
      while (!answered && this.committedAt === undefined) {
        await new Promise((r) => setTimeout(r, 250));
        const res = await fetch(`${this.url}/api/generations/${g}`, {
          headers: { Authorization: `Bearer ${this.token}` },
        }).catch(() => null);
        const meta = (await res?.json().catch(() => null)) as {
          status?: string;
          published_at?: string;
        } | null;
        if (meta?.status === 'published') {
          this.committedAt = Date.parse(String(meta.published_at));
          this.seenPublishedAt = Date.now();
        }
      }
    })();
    const published = await this.call('publish', 'POST', `/api/generations/${g}/publish`, undefined, version);
    const answeredAt = Date.now();
    answered = true;
    await watch;
    let publishedAt = Date.parse(String(published.json.published_at));
    let error: string | undefined;
    if (published.status !== 200) {
      // Refused, or failed after committing? The generation's own record says which.
      error = `publish of generation ${g} answered ${published.status}: ${JSON.stringify(published.json)}`;
      const meta = await this.call('read back', 'GET', `/api/generations/${g}`);
      if (meta.json.status !== 'published') throw new Error(error);
      publishedAt = Date.parse(String(meta.json.published_at));
    }
    return {
      generation: g,
      added,
      reshape,
      steps: this.steps,
      sentAt,
      answeredAt,
      publishedAt,
      result: published.json,
      error,
    };
  }
}

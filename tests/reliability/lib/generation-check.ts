// Judges every answer of the publish test against both generations' blocks: which generation it names,
// and whether everything in it (block, community, township, body, batch) belongs to that generation.
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { Locator } from '../../../core/geo/locator.js';
import { type Answer, blockBodies, sha256 } from './readers.js';

type Pt = [number, number];
type Props = {
  id: string;
  name: string;
  community_code: string;
  community_name: string;
  township_code: string;
  township_name: string;
  generation: number;
};

/** One published generation as the API serves it by number (immutable, so fetched after the run). */
export interface Reference {
  generation: number;
  etag: string;
  hash: string;
  features: Map<string, Feature<Polygon, Props>>;
  locator: Locator;
}

export async function fetchReference(url: string, generation: number): Promise<Reference> {
  const res = await fetch(`${url}/api/blocks?generation=${generation}`);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET /api/blocks?generation=${generation}: ${res.status} ${text}`);
  const fc = JSON.parse(text) as FeatureCollection<Polygon, Props>;
  return {
    generation,
    etag: String(res.headers.get('ETag')),
    hash: sha256(text),
    features: new Map(fc.features.map((f) => [f.properties.id, f])),
    locator: Locator.fromBlocks(fc as never),
  };
}

export interface Verdict {
  /** the generation the answer is for; null for errors and for draft previews */
  generation: number | null;
  /** what in the answer does not belong to that generation (a mix) */
  problem?: string;
}

type Located = {
  generation?: unknown;
  block?: { id?: string; name?: string } | null;
  community?: { code?: string; name?: string };
  township?: { code?: string; name?: string };
};

/** What `ref` says about point `p`, compared with an answer's block, community and township. */
function misplaced(ref: Reference, p: Pt, got: Located): string | undefined {
  const found = ref.locator.locate(p[0], p[1]);
  if (!found.inside) return `${p} is outside generation ${ref.generation}, answered ${got.block?.id}`;
  const b = ref.features.get(found.blockId)!.properties;
  const want = [b.id, b.name, b.community_code, b.community_name, b.township_code, b.township_name];
  const have = [
    got.block?.id,
    got.block?.name,
    got.community?.code,
    got.community?.name,
    got.township?.code,
    got.township?.name,
  ];
  return want.every((w, i) => w === have[i])
    ? undefined
    : `${p}: generation ${ref.generation} has ${want.join(' ')}; answered ${have.join(' ')}`;
}

/** Why a /api/blocks body that equals neither generation is wrong (ids and stamps it carries). */
function describeBody(hash: string, refs: Map<number, Reference>): string {
  const fc = JSON.parse(blockBodies.get(hash) ?? '{"features":[]}') as FeatureCollection<Polygon, Props>;
  const stamps = [...new Set(fc.features.map((f) => f.properties.generation))].join(',');
  const fits = [...refs.values()].map((r) => {
    const foreign = fc.features.filter(
      (f) => JSON.stringify(f) !== JSON.stringify(r.features.get(f.properties.id)),
    ).length;
    return `${foreign} of ${fc.features.length} blocks differ from generation ${r.generation}`;
  });
  return `body matches no generation: stamps ${stamps}; ${fits.join('; ')}`;
}

/** Judges one answer. */
export function judge(a: Answer, refs: Map<number, Reference>): Verdict {
  const body = (a.body ?? {}) as Record<string, unknown> & Located;
  const named = (g: unknown) => refs.get(Number(g));
  const unknown = (g: unknown): Verdict => ({ generation: null, problem: `names generation ${g}` });
  switch (a.route) {
    case 'GET /api/locate':
    case 'POST /api/incidents': {
      if (a.status !== 200 && a.status !== 201) return { generation: null };
      const ref = named(body.generation);
      if (!ref) return unknown(body.generation);
      return { generation: ref.generation, problem: misplaced(ref, a.points![0], body) };
    }
    case 'POST /api/locate': {
      if (a.status !== 200) return { generation: null };
      const ref = named(body.generation);
      if (!ref) return unknown(body.generation);
      const results = body.results as Located[];
      const problems = results.flatMap((r, i) => {
        if (r.generation !== ref.generation)
          return [`result ${i} names generation ${r.generation} in a batch of ${ref.generation}`];
        const wrong = misplaced(ref, a.points![i], r);
        return wrong ? [`result ${i}: ${wrong}`] : [];
      });
      return { generation: ref.generation, problem: problems.length ? problems.join(' | ') : undefined };
    }
    case 'GET /api/generations/current': {
      if (a.status !== 200) return { generation: null };
      const ref = named(body.generation);
      if (!ref) return unknown(body.generation);
      const ok = body.block_count === ref.features.size;
      return {
        generation: ref.generation,
        problem: ok ? undefined : `block_count ${body.block_count}, generation has ${ref.features.size}`,
      };
    }
    case 'GET /api/blocks/:id': {
      const holders = [...refs.values()].filter((r) => r.features.has(a.blockId!));
      if (a.status === 404) {
        // Not found is an answer too: only a generation without this block may give it.
        const without = [...refs.values()].filter((r) => !r.features.has(a.blockId!));
        return without.length === 1
          ? { generation: without[0].generation }
          : { generation: null, problem: `404 for ${a.blockId}, held by ${holders.length} generation(s)` };
      }
      if (a.status !== 200) return { generation: null };
      const ref = named(body.generation);
      if (!ref) return unknown(body.generation);
      const f = ref.features.get(a.blockId!);
      const p = f?.properties;
      const block = body.block as Feature;
      const ok =
        f !== undefined &&
        JSON.stringify(block) === JSON.stringify(f) &&
        body.community?.code === p?.community_code &&
        body.community?.name === p?.community_name &&
        body.township?.code === p?.township_code &&
        body.township?.name === p?.township_name;
      return {
        generation: ref.generation,
        problem: ok
          ? undefined
          : `${a.blockId}: detail (block stamped ${(block?.properties as Props)?.generation}, community ${body.community?.code}) is not generation ${ref.generation}'s`,
      };
    }
    case 'GET /api/blocks': {
      if (a.status === 304) {
        const ref = [...refs.values()].find((r) => r.etag === a.sentEtag);
        return ref
          ? { generation: ref.generation }
          : { generation: null, problem: `304 for ETag ${a.sentEtag}` };
      }
      if (a.status !== 200) return { generation: null };
      const ref = [...refs.values()].find((r) => r.hash === a.bodyHash);
      if (!ref) return { generation: null, problem: describeBody(a.bodyHash!, refs) };
      return {
        generation: ref.generation,
        problem: a.etag === ref.etag ? undefined : `ETag ${a.etag} on generation ${ref.generation}'s body`,
      };
    }
    default: {
      // The planner's draft preview: the draft itself (no generation yet) or, once published, generation g.
      const ref = [...refs.values()].find((r) => r.hash === a.bodyHash);
      return { generation: ref?.generation ?? null };
    }
  }
}

export interface StoredCheck {
  checked: number;
  /** stored in the generation they were answered in / moved to the new one by the follow-up */
  same: number;
  followed: number;
  problems: string[];
}

/** Reads every acknowledged incident back: its stored block must be its stored generation's block at its point. */
export async function checkStored(
  url: string,
  acked: Answer[],
  refs: Map<number, Reference>,
): Promise<StoredCheck> {
  const out: StoredCheck = { checked: 0, same: 0, followed: 0, problems: [] };
  const byId = new Map(acked.map((a) => [String(a.body?.id), a]));
  const queue = [...byId.entries()];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [id, a] = next;
      const res = await fetch(`${url}/api/incidents/${id}`);
      const stored = (await res.json()) as Located & { community_code?: string; township_code?: string };
      out.checked++;
      const ref = refs.get(Number(stored.generation));
      const answered = Number(a.body?.generation);
      if (res.status !== 200 || !ref) {
        out.problems.push(`${id}: ${res.status}, stored generation ${stored.generation}`);
        continue;
      }
      if (ref.generation === answered) out.same++;
      else if (ref.generation > answered) out.followed++;
      else out.problems.push(`${id}: answered generation ${answered}, stored ${ref.generation}`);
      const found = ref.locator.locate(a.points![0][0], a.points![0][1]);
      const b = found.inside ? ref.features.get(found.blockId)!.properties : undefined;
      if (
        stored.block?.id !== b?.id ||
        stored.community_code !== b?.community_code ||
        stored.township_code !== b?.township_code
      ) {
        out.problems.push(
          `${id}: stored ${stored.block?.id} in generation ${ref.generation}, which has ${b?.id}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return out;
}

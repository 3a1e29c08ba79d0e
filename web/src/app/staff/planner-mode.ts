// Planner mode: pick or start a draft generation, edit it on the map (drag a corner, split along a line, merge
// neighbours), see each edit judged by the server and the diff against the base, publish with a confirmation.
// Every edit carries If-Match = the draft's version; a 412 reloads the draft, a 422 shows the rule and where.
import type { MapMouseEvent } from 'maplibre-gl';
import { ApiError } from '../../api/http';
import {
  createDraft,
  type Diff,
  discardDraft,
  type EditOp,
  getDiff,
  getDraftBlocks,
  getGeneration,
  getRoles,
  listGenerations,
  type PlannerGeneration,
  postEdit,
  publishDraft,
} from '../../api/planner';
import type { Blocks } from '../../api/schemas';
import { t } from '../../i18n/i18n';
import { plannerRuleText } from '../../i18n/planner-rules';
import { boundsOf } from '../../map/bounds';
import { addPlannerLayers, DRAFT_FILL, type PlannerLayers } from '../../map/planner-layers';
import { errorBox, loadingLine, showCard } from '../../ui/panel';
import {
  type DraftDesk,
  type PlannerTool,
  showDraftDesk,
  showGenerationsCard,
  showPublishedCard,
} from '../../ui/staff/planner-panel';
import { toast } from '../../ui/toast';
import { attachVertexDrag, drawLine, type LineDrawing } from './planner-gestures';
import { problemPoints, violationLines } from './planner-problems';
import { buildTopology, onGrid, type Topology } from './planner-topology';
import type { StaffContext } from './staff-session';

interface DraftSession {
  meta: PlannerGeneration;
  blocks: Blocks;
  topology: Topology;
  layers: PlannerLayers;
  desk: DraftDesk;
  selected: string | null;
  tool: PlannerTool;
  drawing: LineDrawing | null;
  diff: Diff | null;
  busy: boolean;
  rolesRequest?: AbortController;
  detach: (() => void)[];
}

/** A refusal in the planner's words, then the server's message with its details. */
const explain = (err: ApiError) => [plannerRuleText(err.code), err.message].filter(Boolean).join('\n');

/** The picker's entries: every block of the draft by id. */
const blockChoices = (blocks: Blocks) =>
  blocks.features
    .map((f) => ({ id: f.properties.id, name: f.properties.name }))
    .sort((a, b) => a.id.localeCompare(b.id));

export function mountPlannerMode(ctx: StaffContext): () => void {
  const { map, display, shell } = ctx;
  let session: DraftSession | null = null;
  let stopped = false;

  const expired = (err: unknown) => err instanceof ApiError && err.status === 401;
  const failed = (err: unknown) => {
    if (stopped) return;
    if (expired(err)) return ctx.signOut(t('signin.expired'));
    showCard(shell.panel, {
      title: t('planner.loadFailed'),
      body: [
        errorBox(
          t('planner.loadFailed'),
          err instanceof ApiError ? err.message : String(err),
          () => void showList(),
        ),
      ],
    });
  };

  const closeDraft = () => {
    if (!session) return;
    const drawing = session.drawing;
    session.drawing = null;
    drawing?.cancel();
    for (const d of session.detach) d();
    session.layers.remove();
    session = null;
  };

  async function showList(): Promise<void> {
    closeDraft();
    showCard(shell.panel, { title: t('planner.title'), body: [loadingLine(t('app.loading'))], busy: true });
    try {
      const { generations } = await listGenerations();
      if (stopped) return;
      const published = generations.filter((x) => x.status === 'published');
      showGenerationsCard(shell.panel, {
        current: published.sort((a, b) => (b.published_at ?? '').localeCompare(a.published_at ?? ''))[0],
        drafts: generations.filter((x) => x.status === 'draft'),
        onOpen: (g) => void openDraft(g),
        onDiscard: (g) => void discard(g),
        onStart: async (note) => {
          try {
            const draft = await createDraft(note || undefined);
            await openDraft(draft.generation);
          } catch (err) {
            failed(err);
          }
        },
      });
    } catch (err) {
      failed(err);
    }
  }

  async function discard(g: number): Promise<void> {
    if (!window.confirm(t('planner.discardConfirm', { g }))) return;
    try {
      await discardDraft(g);
      toast(t('planner.discarded', { g }));
      await showList();
    } catch (err) {
      failed(err);
    }
  }

  async function openDraft(g: number): Promise<void> {
    closeDraft();
    showCard(shell.panel, {
      title: t('planner.draftTitle', { g }),
      body: [loadingLine(t('app.loading'))],
      busy: true,
    });
    let meta: PlannerGeneration;
    let blocks: Blocks;
    try {
      [meta, blocks] = await Promise.all([getGeneration(g), getDraftBlocks(g)]);
    } catch (err) {
      return failed(err);
    }
    if (stopped) return;
    const layers = addPlannerLayers(map, display);
    layers.setBlocks(blocks);
    const desk = showDraftDesk(shell.panel, meta, {
      onTool: (tool) => setTool(tool),
      onFinishLine: () => session?.drawing?.finish(),
      onUndoPoint: () => session?.drawing?.undo(),
      onCancelLine: () => setTool('select'),
      onPublish: () => publish(),
      onPick: (id) => {
        select(id);
        const block = session?.topology.byId.get(id);
        if (!block) return;
        map.fitBounds(boundsOf(block.geometry, display.toDisplay), { padding: 80, maxZoom: 17 });
      },
      onMergeWith: (id) => {
        if (session?.selected) void submit({ op: 'merge_blocks', blocks: [session.selected, id] });
      },
      onMoveCorner: (from, to) => void submit({ op: 'move_vertex', from, to: onGrid(to) }),
      onAssign: (roles) => {
        if (session?.selected) void submit({ op: 'assign_cadres', block: session.selected, ...roles });
      },
      onDiscard: () => void discard(g),
      onBack: () => void showList(),
    });
    const s: DraftSession = {
      meta,
      blocks,
      topology: buildTopology(blocks),
      layers,
      desk,
      selected: null,
      tool: 'select',
      drawing: null,
      diff: null,
      busy: false,
      detach: [],
    };
    session = s;
    desk.keyboard.setBlocks(blockChoices(blocks));
    s.detach.push(
      attachVertexDrag(
        { map, display, layers },
        {
          ring: () => (s.selected ? s.topology.vertices(s.selected).map((v) => v.at) : []),
          refuse: (from) =>
            s.topology.vertices(s.selected ?? '').find((v) => v.at[0] === from[0] && v.at[1] === from[1])
              ?.outline
              ? t('planner.fixedCorner')
              : null,
          onRefused: (message) => desk.setStatus('error', message),
          onDrop: (from, to) => void submit({ op: 'move_vertex', from, to }),
        },
      ),
    );
    const onClick = (e: MapMouseEvent) => {
      if (s.tool === 'split' || s.busy) return;
      const [hit] = map.queryRenderedFeatures(e.point, { layers: [DRAFT_FILL] });
      const id = hit ? String(hit.properties.id) : null;
      if (s.tool === 'merge' && s.selected && id && id !== s.selected)
        return void submit({ op: 'merge_blocks', blocks: [s.selected, id] });
      select(id);
    };
    map.on('click', onClick);
    s.detach.push(() => map.off('click', onClick));
    setTool('select');
    void refreshDiff();
  }

  function select(id: string | null): void {
    const s = session;
    if (!s) return;
    s.selected = id && s.topology.byId.has(id) ? id : null;
    s.layers.select(s.selected);
    s.layers.setVertices(s.selected && s.tool === 'select' ? s.topology.vertices(s.selected) : []);
    const chosen = s.selected ? (s.topology.byId.get(s.selected) ?? null) : null;
    s.desk.setSelected(chosen);
    s.desk.keyboard.setSelection(
      chosen ? s.topology.vertices(chosen.properties.id) : [],
      chosen
        ? s.topology
            .neighbours(chosen.properties.id)
            .map((id) => s.topology.byId.get(id)!)
            .filter((n) => n.properties.community_code === chosen.properties.community_code)
            .map((n) => ({ id: n.properties.id, name: n.properties.name }))
        : [],
    );
    s.desk.setRoles(null);
    s.rolesRequest?.abort();
    const block = s.selected;
    if (!block) return;
    const request = new AbortController();
    s.rolesRequest = request;
    getRoles(s.meta.generation, block, request.signal).then(
      (roles) => {
        if (session !== s || s.selected !== block || request.signal.aborted) return;
        // Nobody serves the block yet (e.g. an imported one): an empty form to assign its cadres.
        s.desk.setRoles(
          roles ?? {
            block_id: block,
            governor: { id: '', name: null },
            assistants: [],
            supervisor: { id: '', name: null },
          },
        );
      },
      (err) => {
        if (expired(err)) ctx.signOut(t('signin.expired'));
        // Otherwise the card stays without its cadres; edits still work.
      },
    );
  }

  function setTool(tool: PlannerTool): void {
    const s = session;
    if (!s) return;
    const drawing = s.drawing;
    s.drawing = null;
    drawing?.cancel();
    s.desk.setDrawing(null);
    if (tool !== 'select' && !s.selected) {
      s.desk.setStatus('error', t('planner.selectFirst'));
      tool = 'select';
    }
    s.tool = tool;
    s.desk.setTool(tool);
    select(s.selected);
    if (tool !== 'split') return;
    s.desk.setDrawing(0);
    s.drawing = drawLine(
      { map, display, layers: s.layers },
      {
        corners: () => s.topology.allCorners(),
        onChange: (points) => s.desk.setDrawing(points.length),
        onFinish: (line) => {
          s.drawing = null;
          s.desk.setDrawing(null);
          const block = s.selected;
          if (block) void submit({ op: 'split_block', block, line }).then(() => setTool('select'));
        },
        // Escape: back to selecting (setTool cancels its own drawing after taking it off the session).
        onCancel: () => {
          if (s.drawing) setTool('select');
        },
      },
    );
  }

  async function reload(s: DraftSession): Promise<void> {
    const [meta, blocks] = await Promise.all([
      getGeneration(s.meta.generation),
      getDraftBlocks(s.meta.generation),
    ]);
    if (session !== s) return;
    s.meta = meta;
    s.blocks = blocks;
    s.topology = buildTopology(blocks);
    s.layers.setBlocks(blocks);
    s.desk.keyboard.setBlocks(blockChoices(blocks));
    s.desk.setMeta(meta);
  }

  async function refreshDiff(): Promise<void> {
    const s = session;
    if (!s) return;
    try {
      const diff = await getDiff(s.meta.generation);
      // An answer for an older version (edits came meanwhile) must not replace a newer one.
      if (session !== s || diff.version !== s.meta.version) return;
      s.diff = diff;
      s.desk.setDiff(diff, (id) => s.topology.byId.get(id)?.properties.name ?? id);
      s.layers.setChanged([...diff.changed.map((c) => c.id), ...diff.added]);
    } catch (err) {
      if (expired(err)) return ctx.signOut(t('signin.expired'));
      if (session === s) s.desk.setStatus('error', t('planner.loadFailed'), (err as Error).message);
    }
  }

  /** Sends one edit; the draft (and the map) change only when the server accepts it. */
  async function submit(op: EditOp): Promise<void> {
    const s = session;
    if (!s || s.busy) return;
    s.busy = true;
    s.desk.setStatus('busy', t('planner.saving'));
    try {
      const out = await postEdit(s.meta.generation, op, s.meta.version);
      s.layers.setProblems([]);
      try {
        await reload(s);
      } catch (err) {
        // Saved, but the new draft did not arrive: say so (the next edit would meet a 412 and reload).
        if (session === s)
          s.desk.setStatus('error', t('planner.accepted', { version: out.version }), (err as Error).message);
        return;
      }
      if (session !== s) return;
      s.desk.setStatus('ok', t('planner.accepted', { version: out.version }));
      const keep = s.selected && !out.removed.includes(s.selected) ? s.selected : (out.added[0] ?? null);
      select(keep);
      void refreshDiff();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.status === 401) return ctx.signOut(t('signin.expired'));
      if (err.status === 412) {
        await reload(s).catch(() => {});
        s.desk.setStatus('error', t('planner.conflict', { version: s.meta.version }));
        select(s.selected);
        void refreshDiff();
        return;
      }
      s.layers.setProblems(problemPoints(err.details));
      s.desk.setStatus('error', t('planner.refused', { code: err.code }), explain(err));
      select(s.selected); // the handles go back to where the draft has them
    } finally {
      s.busy = false;
    }
  }

  async function publish(): Promise<void> {
    const s = session;
    if (!s || s.busy) return;
    // No edits while the confirmation is open: what is published is exactly the version the diff describes.
    s.busy = true;
    try {
      await confirmAndPublish(s);
    } finally {
      s.busy = false;
    }
  }

  async function confirmAndPublish(s: DraftSession): Promise<void> {
    let diff: Diff;
    try {
      diff = await getDiff(s.meta.generation);
    } catch (err) {
      if (expired(err)) return ctx.signOut(t('signin.expired'));
      s.desk.setStatus('error', t('planner.loadFailed'), (err as Error).message);
      return;
    }
    if (session !== s) return;
    s.desk.setDiff(diff, (id) => s.topology.byId.get(id)?.properties.name ?? id);
    if (!(await s.desk.confirmPublish(diff))) return;
    s.desk.setStatus('busy', t('planner.publishing'));
    try {
      const out = await publishDraft(s.meta.generation, diff.version);
      closeDraft();
      showPublishedCard(shell.panel, out.generation, diff);
      toast(t('planner.published', { g: out.generation }));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.status === 401) return ctx.signOut(t('signin.expired'));
      if (err.status === 412) await reload(s).catch(() => {});
      s.layers.setProblems(problemPoints(err.details));
      const detail = [explain(err), violationLines(err.details)].filter(Boolean).join('\n');
      s.desk.setStatus('error', t('planner.publishRefused', { code: err.code }), detail);
    }
  }

  void showList();
  return () => {
    stopped = true;
    closeDraft();
  };
}

// Key builders for every item type of the single table; routes never build keys themselves.
// The layout is documented in docs/data-model.md.

/** The last generation number handed out (drafts take the next one). */
export const GENERATION_SEQ_KEY = { pk: 'META', sk: 'GENERATION#SEQ' } as const;

/** The district outline (WGS84 GeoJSON), against which drafts are validated before publishing. */
export const DISTRICT_KEY = { pk: 'META', sk: 'DISTRICT' } as const;

/** The pointer to the current boundary generation. */
export const CURRENT_GENERATION_KEY = { pk: 'META', sk: 'GENERATION#CURRENT' } as const;

const pad = (n: number) => String(n).padStart(6, '0');

export const keys = {
  generationPk: (g: number) => `GEN#${pad(g)}`,
  generationMeta: (g: number) => ({ pk: `GEN#${pad(g)}`, sk: 'META' }),
  /** All generations are listed from gsi1 under one partition, newest last. */
  generationIndex: (g: number) => ({ gsi1pk: 'GENERATIONS', gsi1sk: pad(g) }),
  block: (g: number, id: string) => ({ pk: `GEN#${pad(g)}`, sk: `BLOCK#${id}` }),
  community: (g: number, code: string) => ({ pk: `GEN#${pad(g)}`, sk: `COMMUNITY#${code}` }),
  township: (g: number, code: string) => ({ pk: `GEN#${pad(g)}`, sk: `TOWNSHIP#${code}` }),
  assignment: (g: number, blockId: string) => ({ pk: `GEN#${pad(g)}`, sk: `ASSIGN#${blockId}` }),
  assignmentPrefix: 'ASSIGN#',
  cadre: (id: string) => ({ pk: `CADRE#${id}`, sk: 'PROFILE' }),
  /** One per (cadre, block) of a generation: a cadre's blocks without scanning assignments. */
  cadreBlock: (id: string, g: number, blockId: string) => ({
    pk: `CADRE#${id}`,
    sk: `BLOCK#${pad(g)}#${blockId}`,
  }),
  cadreBlockPrefix: (g: number) => `BLOCK#${pad(g)}#`,
  doctorTeam: (id: string) => ({ pk: `TEAM#${id}`, sk: 'PROFILE' }),
  department: (key: string) => ({ pk: `DEPT#${key}`, sk: 'PROFILE' }),
  asset: (id: string) => ({ pk: 'ASSETS', sk: `ASSET#${id}` }),
};

const seq = (n: number) => String(n).padStart(5, '0');

/** Incident items and the indexes they use (see docs/data-model.md). */
export const incidentKeys = {
  incident: (id: string) => ({ pk: `INC#${id}`, sk: 'META' }),
  event: (id: string, n: number) => ({ pk: `INC#${id}`, sk: `EVENT#${seq(n)}` }),
  eventPrefix: 'EVENT#',
  byBlock: (block: string, reportedAt: string, id: string) => ({
    gsi1pk: `BLOCK#${block}`,
    gsi1sk: `${reportedAt}#${id}`,
  }),
  byTownship: (township: string, reportedAt: string, id: string) => ({
    gsi2pk: `TOWN#${township}`,
    gsi2sk: `${reportedAt}#${id}`,
  }),
  /** Sparse: present only while the incident is open, sorted by its next deadline. */
  open: (deadline: string, id: string) => ({ gsi3pk: 'OPEN', gsi3sk: `${deadline}#${id}` }),
  receipt: (hash: string) => ({ pk: `RECEIPT#${hash}`, sk: 'RECEIPT' }),
  idempotency: (scope: string, key: string) => ({ pk: `IDEM#${scope}#${key}`, sk: 'IDEM' }),
  counter: (township: string, day: string) => ({ pk: `COUNT#${township}`, sk: `DAY#${day}` }),
  notification: (id: string) => ({ pk: `NOTE#${id}`, sk: 'NOTE' }),
  outbox: (at: string, id: string) => ({ gsi1pk: 'OUTBOX', gsi1sk: `${at}#${id}` }),
};

/** Counter attribute names: one number per block or cell × class × category. */
export const counterAttr = {
  block: (block: string, cls: string, category: string) => `b|${block}|${cls}|${category}`,
  cell: (cell: string, cls: string, category: string) => `h|${cell}|${cls}|${category}`,
};

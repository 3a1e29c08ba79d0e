// Key builders for every item type of the single table; routes never build keys themselves.
// The layout is documented in docs/data-model.md.

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
  cadre: (id: string) => ({ pk: `CADRE#${id}`, sk: 'PROFILE' }),
  doctorTeam: (id: string) => ({ pk: `TEAM#${id}`, sk: 'PROFILE' }),
  department: (key: string) => ({ pk: `DEPT#${key}`, sk: 'PROFILE' }),
  asset: (id: string) => ({ pk: 'ASSETS', sk: `ASSET#${id}` }),
};

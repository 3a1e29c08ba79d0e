// Key builders for every item type of the single table; routes never build keys themselves.

/** The pointer to the current boundary generation. */
export const CURRENT_GENERATION_KEY = { pk: 'META', sk: 'GENERATION#CURRENT' } as const;

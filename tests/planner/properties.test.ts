// Property tests: random valid edits keep the coverage invariants; invalid edits are refused and change nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../core/planner/edits';
import { EditRejectedError } from '../../core/planner/errors';
import { areas, coverageProblems, overlapsOf } from './helpers/invariants';
import { commandArb, resolve } from './helpers/random-edits';
import { syntheticCoverage } from './helpers/synthetic';

const OPTIONS = { minAreaM2: 2_000 };
const base = syntheticCoverage();
const originalM2 = areas(base.coverage.blocks).union;

describe('the synthetic coverage', () => {
  it('is itself clean (30 blocks, no gap, no overlap, no T-junction)', () => {
    expect(base.coverage.blocks).toHaveLength(30);
    expect(coverageProblems(base.coverage.blocks, originalM2)).toEqual([]);
  });
});

describe('random sequences of edits', () => {
  it('keep every invariant, checked independently after each accepted edit', () => {
    const accepted: Record<string, number> = {};
    const refused: Record<string, number> = {};
    fc.assert(
      fc.property(fc.array(commandArb, { minLength: 1, maxLength: 14 }), (commands) => {
        let coverage = base.coverage;
        for (const command of commands) {
          const op = resolve(command, coverage);
          if (!op) continue;
          const snapshot = structuredClone(coverage);
          let result: ReturnType<typeof applyEdit>;
          try {
            result = applyEdit(coverage, op, OPTIONS);
          } catch (error) {
            if (!(error instanceof EditRejectedError)) throw error;
            expect(coverage).toEqual(snapshot);
            refused[error.code] = (refused[error.code] ?? 0) + 1;
            continue;
          }
          expect(coverage).toEqual(snapshot);
          accepted[op.op] = (accepted[op.op] ?? 0) + 1;
          coverage = result.coverage;
          const touched = new Set([...result.changed, ...result.added]);
          expect([
            ...coverageProblems(coverage.blocks, originalM2),
            ...overlapsOf(coverage.blocks, touched),
          ]).toEqual([]);
        }
      }),
      { numRuns: 30 },
    );
    console.log('accepted', accepted, 'refused', refused);
    for (const op of ['move_vertex', 'split_block', 'merge_blocks', 'reshape_edge', 'reassign_block'])
      expect(accepted[op] ?? 0).toBeGreaterThanOrEqual(5);
  });
});

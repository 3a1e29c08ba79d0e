// Seeded pseudo-random numbers for reproducible test data: the benchmarks' generator, shared.
export * from '../../../bench/lib/random';

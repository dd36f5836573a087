import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCsafDocument } from '../src/modules/disclosure/csaf/document.ts';
import { largeAdvisory } from '../src/modules/disclosure/csaf/test-fixtures.ts';
import { validateCsaf } from '../src/modules/disclosure/csaf/validate.ts';

/**
 * CSAF security advisory with 1,000 products (20 vendors × 50 product versions, the four statuses in
 * turn, a remediation per affected product, a justification per not-affected one): building the
 * document, validating it (strict schema, every mandatory test, optional tests, offline informative
 * tests), and both together. Baseline, in the same run: JSON.stringify of the same document.
 * Medians of 20 runs after 5 warm-up runs.
 *   node bench/csaf.ts
 */

const VENDORS = 20;
const PRODUCTS_PER_VENDOR = 50;
const WARMUP = 5;
const RUNS = 20;
const TARGET_MS = 100;

export interface CsafFigures {
  products: number;
  bytes: number;
  buildMs: number;
  validateMs: number;
  validateRequiredMs: number;
  totalMs: number;
  stringifyMs: number;
  isValid: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs `run(i)` WARMUP times, then RUNS timed times; i counts all runs. */
async function timed(run: (i: number) => unknown): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await run(i);
  const times: number[] = [];
  for (let i = WARMUP; i < WARMUP + RUNS; i++) {
    const start = performance.now();
    await run(i);
    times.push(performance.now() - start);
  }
  return times;
}

export async function benchmarkCsaf(): Promise<CsafFigures> {
  const input = largeAdvisory(VENDORS, PRODUCTS_PER_VENDOR);
  const document = buildCsafDocument(input, 'security_advisory');
  const check = await validateCsaf(document);
  if (check.errors.length)
    throw new Error(`the benchmark document is invalid: ${JSON.stringify(check.errors[0])}`);

  const build = await timed(() => buildCsafDocument(input, 'security_advisory'));
  // Each validation gets a document of its own, as in the service: validating the same object again is
  // faster (some tests keep per-object state), which would flatter the figure.
  const fresh = () =>
    Array.from({ length: WARMUP + RUNS }, () => buildCsafDocument(input, 'security_advisory'));
  const documents = fresh();
  const validate = await timed((i) => validateCsaf(documents[i]));
  const documentsAgain = fresh();
  const validateRequired = await timed((i) => validateCsaf(documentsAgain[i], { optional: false }));
  const total = await timed(async () => validateCsaf(buildCsafDocument(input, 'security_advisory')));
  let bytes = 0;
  const stringify = await timed(() => {
    bytes = JSON.stringify(document).length;
  });
  return {
    products: VENDORS * PRODUCTS_PER_VENDOR,
    bytes,
    buildMs: median(build),
    validateMs: median(validate),
    validateRequiredMs: median(validateRequired),
    totalMs: median(total),
    stringifyMs: median(stringify),
    isValid: check.isValid,
  };
}

export function printCsafFigures(figures: CsafFigures): void {
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const ratio = (value: number) => `${(value / figures.stringifyMs).toFixed(1)}×`;
  const verdict = figures.totalMs <= TARGET_MS ? 'meets' : 'MISSES';
  process.stdout.write(
    `\nCSAF security advisory, ${figures.products.toLocaleString('en')} products, ${(figures.bytes / 1024).toFixed(0)} KiB (medians of ${RUNS} runs after ${WARMUP} warm-up runs)\n`,
  );
  process.stdout.write(
    `  build                          ${ms(figures.buildMs)}  (${ratio(figures.buildMs)} baseline)\n`,
  );
  process.stdout.write(
    `  validate, all offline tests    ${ms(figures.validateMs)}  (${ratio(figures.validateMs)} baseline)\n`,
  );
  process.stdout.write(
    `  validate, without optional     ${ms(figures.validateRequiredMs)}  (${ratio(figures.validateRequiredMs)} baseline)\n`,
  );
  process.stdout.write(
    `  build + validate               ${ms(figures.totalMs)}  (${ratio(figures.totalMs)} baseline; target <= ${TARGET_MS} ms: ${verdict})\n`,
  );
  process.stdout.write(`  baseline: JSON.stringify       ${ms(figures.stringifyMs)}\n`);
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  printCsafFigures(await benchmarkCsaf());
  process.exit(0);
}

import type { SsvcDerivation, SsvcDescription, SsvcRow, SsvcTable } from './types.ts';

// SSVC evaluated in the browser from the table the API sends, so a coordinator sees the outcome, and the row
// it comes from, as they answer. The server evaluates again when the decision is recorded.

/** Answers by decision point key (`RP`, `A`…) to value key (`Y`, `N`…); an unanswered point is absent. */
export type SsvcAnswers = Readonly<Record<string, string>>;

/** How each derivable point is answered: directly, or worked out from its more basic facts. */
export type DerivationModes = Readonly<Record<string, 'direct' | 'derive'>>;

/** Whether a row agrees with every answer given so far (an empty answer set matches every row). */
export function rowAgrees(table: SsvcTable, row: SsvcRow, answers: SsvcAnswers): boolean {
  return table.inputs.every((point) => {
    const answer = answers[point.key];
    return answer === undefined || row.inputs[point.key] === answer;
  });
}

/** The index of the one row that all the table's inputs select, or -1 while any input is unanswered. */
export function matchingRowIndex(table: SsvcTable, answers: SsvcAnswers): number {
  if (table.inputs.some((point) => answers[point.key] === undefined)) return -1;
  return table.rows.findIndex((row) =>
    table.inputs.every((point) => row.inputs[point.key] === answers[point.key]),
  );
}

/** The outcome key the answers lead to, or undefined while the answers are incomplete. */
export function outcomeOf(table: SsvcTable, answers: SsvcAnswers): string | undefined {
  return table.rows[matchingRowIndex(table, answers)]?.outcome;
}

/** The derivation of a decision point, when the description offers one. */
export function derivationOf(description: SsvcDescription, pointKey: string): SsvcDerivation | undefined {
  return description.derivable.find((derivation) => derivation.derives === pointKey);
}

/**
 * The answers to the table's own inputs: direct answers as given, derived points worked out from their
 * basic facts (absent until every fact is answered).
 */
export function tableAnswers(
  description: SsvcDescription,
  answers: SsvcAnswers,
  modes: DerivationModes,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const point of description.inputs) {
    const derivation = derivationOf(description, point.key);
    const value =
      derivation && modes[point.key] === 'derive' ? outcomeOf(derivation, answers) : answers[point.key];
    if (value !== undefined) result[point.key] = value;
  }
  return result;
}

/**
 * What to send to the API: the direct answers, and for a derived point its basic facts instead, so the
 * server works it out from the same table and records that it did. Undefined while anything is unanswered.
 */
export function decisionInputs(
  description: SsvcDescription,
  answers: SsvcAnswers,
  modes: DerivationModes,
): Record<string, string> | undefined {
  const inputs: Record<string, string> = {};
  for (const point of description.inputs) {
    const derivation = derivationOf(description, point.key);
    const keys =
      derivation && modes[point.key] === 'derive' ? derivation.inputs.map((basic) => basic.key) : [point.key];
    for (const key of keys) {
      const value = answers[key];
      if (value === undefined) return undefined;
      inputs[key] = value;
    }
  }
  return inputs;
}

/** The decision points still to answer, in the table's order (derived points name their basic facts). */
export function unansweredKeys(
  description: SsvcDescription,
  answers: SsvcAnswers,
  modes: DerivationModes,
): string[] {
  const missing: string[] = [];
  for (const point of description.inputs) {
    const derivation = derivationOf(description, point.key);
    const keys =
      derivation && modes[point.key] === 'derive' ? derivation.inputs.map((basic) => basic.key) : [point.key];
    for (const key of keys) if (answers[key] === undefined) missing.push(key);
  }
  return missing;
}

import { describe, expect, it } from 'vitest';
import publishTable from './data/ssvc/decision_tables/ssvc/coordinator_publish_decision_table_1_0_0.json' with {
  type: 'json',
};
import triageTable from './data/ssvc/decision_tables/ssvc/coordinator_triage_1_0_0.json' with {
  type: 'json',
};
import {
  describeDecision,
  evaluateDecision,
  InvalidSsvcInputError,
  SSVC_DECISION_KINDS,
  type SsvcTable,
} from './ssvc.ts';

function catchError(run: () => unknown): InvalidSsvcInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidSsvcInputError) return error;
    throw error;
  }
  throw new Error('expected an InvalidSsvcInputError');
}

function expectCompleteAndUnambiguous(table: SsvcTable): void {
  const combinations = table.inputs.reduce((product, point) => product * point.values.length, 1);
  expect(table.rows).toHaveLength(combinations);
  const seen = new Set(table.rows.map((row) => table.inputs.map((p) => row.inputs[p.key]).join('/')));
  expect(seen.size).toBe(combinations);
  const outcomes = table.outcome.values.map((v) => v.key);
  for (const row of table.rows) {
    expect(outcomes).toContain(row.outcome);
    for (const point of table.inputs) {
      expect(point.values.map((v) => v.key)).toContain(row.inputs[point.key]);
    }
  }
}

describe('describeDecision', () => {
  it('describes triage with its seven decision points, their values and the three outcomes', () => {
    const triage = describeDecision('triage');
    expect(triage).toMatchObject({ kind: 'triage', tableKey: 'DT_COORD_TRIAGE', tableVersion: '1.0.0' });
    expect(triage.inputs.map((p) => p.id)).toEqual([
      'ssvc:RP:1.0.0',
      'ssvc:SCON:1.0.0',
      'ssvc:RC:1.0.0',
      'ssvc:SC:1.0.0',
      'ssvc:SE:1.0.0',
      'ssvc:U:1.0.1',
      'ssvc:PSI:2.0.1',
    ]);
    expect(triage.outcome.id).toBe('ssvc:COORDINATE:1.0.1');
    expect(triage.outcome.values.map((v) => [v.key, v.name])).toEqual([
      ['D', 'Decline'],
      ['T', 'Track'],
      ['C', 'Coordinate'],
    ]);
    const credibility = triage.inputs.find((p) => p.key === 'RC');
    expect(credibility).toMatchObject({ name: 'Report Credibility', definition: 'Is the report credible?' });
    expect(credibility?.values).toEqual([
      { key: 'NC', name: 'Not Credible', definition: 'The report is not credible.' },
      { key: 'C', name: 'Credible', definition: 'The report is credible.' },
    ]);
    expect(triage.derivable.map((d) => [d.derives, d.tableKey, d.inputs.map((p) => p.key)])).toEqual([
      ['U', 'DT_U', ['A', 'VD']],
      ['PSI', 'DT_PSI', ['SI']],
    ]);
  });

  it('describes publish with Publish and Do Not Publish', () => {
    const publish = describeDecision('publish');
    expect(publish).toMatchObject({ kind: 'publish', tableKey: 'DT_COORD_PUBLISH', tableVersion: '1.0.0' });
    expect(publish.inputs.map((p) => p.key)).toEqual(['SINV', 'E', 'PVA']);
    expect(publish.outcome.values.map((v) => v.name)).toEqual(['Do Not Publish', 'Publish']);
    expect(publish.derivable).toEqual([]);
  });

  it('takes names and definitions from the decision point files, which agree with the copies in the tables', () => {
    for (const [kind, file] of [
      ['triage', triageTable],
      ['publish', publishTable],
    ] as const) {
      const description = describeDecision(kind);
      for (const point of [...description.inputs, description.outcome]) {
        const embedded = (file.decision_points as Record<string, { name: string; values: unknown[] }>)[
          point.id
        ];
        expect(embedded?.name).toBe(point.name);
        expect(embedded?.values).toEqual(point.values);
      }
    }
  });

  it('refuses a decision it does not know', () => {
    const error = catchError(() => describeDecision('deploy'));
    expect(error).toMatchObject({
      reason: 'unknown_decision',
      field: 'kind',
      allowed: ['triage', 'publish'],
    });
  });
});

describe('the decision tables', () => {
  it('have one row per combination of values, each with a known outcome (triage: 2^5 x 3 x 2 = 192 rows)', () => {
    expect(describeDecision('triage').rows).toHaveLength(192);
    expect(describeDecision('publish').rows).toHaveLength(27);
    for (const kind of SSVC_DECISION_KINDS) {
      const description = describeDecision(kind);
      expectCompleteAndUnambiguous(description);
      for (const derivation of description.derivable) expectCompleteAndUnambiguous(derivation);
    }
  });

  it.each(SSVC_DECISION_KINDS)('evaluate every row of %s to its own outcome', (kind) => {
    const description = describeDecision(kind);
    for (const row of description.rows) {
      const result = evaluateDecision(kind, { ...row.inputs });
      expect(result.outcome).toBe(row.outcome);
      expect(result.inputs).toEqual(row.inputs);
      expect(result.derived).toEqual([]);
    }
  });
});

describe('evaluateDecision', () => {
  // Read off the shipped tables.
  it.each([
    [{ RP: 'Y', SCON: 'N', RC: 'C', SC: 'O', SE: 'A', U: 'L', PSI: 'M' }, 'D', 'Decline'],
    [{ RP: 'N', SCON: 'Y', RC: 'C', SC: 'O', SE: 'U', U: 'L', PSI: 'M' }, 'T', 'Track'],
    [{ RP: 'N', SCON: 'Y', RC: 'C', SC: 'M', SE: 'U', U: 'S', PSI: 'S' }, 'C', 'Coordinate'],
  ])('triage %j is %s', (inputs, outcome, outcomeName) => {
    expect(evaluateDecision('triage', inputs)).toEqual({
      kind: 'triage',
      outcome,
      outcomeName,
      tableKey: 'DT_COORD_TRIAGE',
      tableVersion: '1.0.0',
      inputs,
      derived: [],
    });
  });

  it.each([
    [{ SINV: 'FR', E: 'N', PVA: 'L' }, 'N', 'Do Not Publish'],
    [{ SINV: 'C', E: 'P', PVA: 'A' }, 'N', 'Do Not Publish'],
    [{ SINV: 'FR', E: 'N', PVA: 'P' }, 'P', 'Publish'],
    [{ SINV: 'UU', E: 'A', PVA: 'L' }, 'P', 'Publish'],
  ])('publish %j is %s', (inputs, outcome, outcomeName) => {
    expect(evaluateDecision('publish', inputs)).toMatchObject({ outcome, outcomeName, inputs });
  });

  it('normalises the case and spacing of keys and values', () => {
    const result = evaluateDecision('publish', { sinv: ' uu ', e: 'a', Pva: 'l' });
    expect(result.inputs).toEqual({ SINV: 'UU', E: 'A', PVA: 'L' });
    expect(result.outcome).toBe('P');
  });

  it('works out Utility and Public Safety Impact from their own tables and says so', () => {
    const result = evaluateDecision('triage', {
      RP: 'N',
      SCON: 'Y',
      RC: 'C',
      SC: 'M',
      SE: 'U',
      A: 'Y',
      VD: 'C',
      SI: 'R',
    });
    expect(result.inputs).toEqual({ RP: 'N', SCON: 'Y', RC: 'C', SC: 'M', SE: 'U', U: 'S', PSI: 'S' });
    expect(result.outcome).toBe('C');
    expect(result.derived).toEqual([
      { key: 'U', value: 'S', tableKey: 'DT_U', tableVersion: '1.0.0', from: { A: 'Y', VD: 'C' } },
      { key: 'PSI', value: 'S', tableKey: 'DT_PSI', tableVersion: '1.0.0', from: { SI: 'R' } },
    ]);
    const laborious = evaluateDecision('triage', {
      RP: 'Y',
      SCON: 'N',
      RC: 'C',
      SC: 'O',
      SE: 'A',
      A: 'N',
      VD: 'D',
      SI: 'N',
    });
    expect(laborious.inputs).toMatchObject({ U: 'L', PSI: 'M' });
    expect(laborious.outcome).toBe('D');
  });

  it('accepts a stated input that agrees with the facts it follows from', () => {
    const result = evaluateDecision('triage', {
      RP: 'N',
      SCON: 'Y',
      RC: 'C',
      SC: 'M',
      SE: 'U',
      U: 'E',
      A: 'Y',
      VD: 'D',
      PSI: 'S',
    });
    expect(result.inputs.U).toBe('E');
    expect(result.derived).toEqual([]);
  });
});

describe('evaluateDecision refuses bad input', () => {
  const triage = { RP: 'N', SCON: 'Y', RC: 'C', SC: 'M', SE: 'U', U: 'S', PSI: 'S' };

  it('a missing decision point, naming it and its values', () => {
    const { PSI: _omitted, ...rest } = triage;
    const error = catchError(() => evaluateDecision('triage', rest));
    expect(error).toMatchObject({ reason: 'missing', field: 'PSI', allowed: ['M', 'S'] });
    expect(error.message).toContain('Public Safety Impact');
    expect(error.message).toContain('SI');
  });

  it('a half-given derivation', () => {
    const { U: _omitted, ...rest } = triage;
    const error = catchError(() => evaluateDecision('triage', { ...rest, A: 'Y' }));
    expect(error).toMatchObject({ reason: 'missing', field: 'VD', allowed: ['D', 'C'] });
  });

  it('an unknown decision point', () => {
    const error = catchError(() => evaluateDecision('publish', { SINV: 'FR', E: 'N', PVA: 'L', RP: 'Y' }));
    expect(error).toMatchObject({ reason: 'unknown_point', field: 'RP', allowed: ['SINV', 'E', 'PVA'] });
  });

  it('an unknown value', () => {
    const error = catchError(() => evaluateDecision('publish', { SINV: 'FR', E: 'Weaponised', PVA: 'L' }));
    expect(error).toMatchObject({ reason: 'unknown_value', field: 'E', allowed: ['N', 'P', 'A'] });
    expect(error.message).toContain('Exploitation');
  });

  it('a value that is not a string', () => {
    const inputs = { SINV: 'FR', E: 3, PVA: 'L' } as unknown as Record<string, string>;
    expect(catchError(() => evaluateDecision('publish', inputs))).toMatchObject({
      reason: 'unknown_value',
      field: 'E',
    });
  });

  it('the same point twice in different case', () => {
    const error = catchError(() => evaluateDecision('publish', { SINV: 'FR', sinv: 'C', E: 'N', PVA: 'L' }));
    expect(error).toMatchObject({ reason: 'conflict', field: 'SINV' });
  });

  it('a stated input that contradicts the facts it follows from', () => {
    const error = catchError(() => evaluateDecision('triage', { ...triage, U: 'L', A: 'Y', VD: 'C' }));
    expect(error).toMatchObject({ reason: 'conflict', field: 'U', allowed: ['S'] });
  });

  it('an unknown decision, and echoes long input only in part', () => {
    expect(catchError(() => evaluateDecision('deploy', {}))).toMatchObject({ reason: 'unknown_decision' });
    const error = catchError(() => evaluateDecision('publish', { SINV: 'FR', E: 'N', PVA: 'x'.repeat(500) }));
    expect(error.message.length).toBeLessThan(200);
  });

  it('a derivation input on a decision that has none', () => {
    const error = catchError(() => evaluateDecision('publish', { SINV: 'FR', E: 'N', PVA: 'L', A: 'Y' }));
    expect(error).toMatchObject({ reason: 'unknown_point', field: 'A' });
  });
});

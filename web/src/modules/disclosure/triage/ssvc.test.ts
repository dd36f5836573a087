import { describe, expect, it } from 'vitest';
import { describeDecision, evaluateDecision } from '../../../../../src/modules/disclosure/scoring/index.ts';
import {
  decisionInputs,
  matchingRowIndex,
  outcomeOf,
  rowAgrees,
  tableAnswers,
  unansweredKeys,
} from './ssvc.ts';
import type { SsvcDescription } from './types.ts';

// The browser evaluates the same description the API sends (GET /api/v1/disclosure/ssvc/{kind}); the server's
// own evaluation is the reference it must agree with.
const describe_ = (kind: 'triage' | 'publish') =>
  JSON.parse(JSON.stringify(describeDecision(kind))) as SsvcDescription;
const triage = describe_('triage');
const publish = describe_('publish');

const COORDINATE = { RP: 'N', SCON: 'Y', RC: 'C', SC: 'M', SE: 'A', U: 'S', PSI: 'S' };

describe('SSVC in the browser', () => {
  it('finds the row and outcome the server finds, for every row of both tables', () => {
    for (const description of [triage, publish]) {
      description.rows.forEach((row, index) => {
        expect(matchingRowIndex(description, row.inputs)).toBe(index);
        expect(outcomeOf(description, row.inputs)).toBe(
          evaluateDecision(description.kind, row.inputs).outcome,
        );
      });
    }
  });

  it('gives no outcome while a decision point is unanswered, and names what is missing', () => {
    const { PSI: _, ...partial } = COORDINATE;
    expect(outcomeOf(triage, partial)).toBeUndefined();
    expect(matchingRowIndex(triage, partial)).toBe(-1);
    expect(unansweredKeys(triage, partial, {})).toEqual(['PSI']);
    expect(decisionInputs(triage, partial, {})).toBeUndefined();
  });

  it('narrows the rows as answers come in', () => {
    const agreeing = (answers: Record<string, string>) =>
      triage.rows.filter((row) => rowAgrees(triage, row, answers)).length;
    expect(agreeing({})).toBe(triage.rows.length);
    expect(agreeing({ RP: 'Y' })).toBe(triage.rows.length / 2);
    expect(agreeing({ RP: 'Y', U: 'L' })).toBe(triage.rows.length / 6);
    expect(agreeing(COORDINATE)).toBe(1);
  });

  it('works out Utility and Public Safety Impact from their basic facts, as the server does', () => {
    const modes = { U: 'derive', PSI: 'derive' } as const;
    const answers = { RP: 'N', SCON: 'Y', RC: 'C', SC: 'M', SE: 'A', A: 'Y', VD: 'C', SI: 'R' };
    const table = tableAnswers(triage, answers, modes);
    expect(table).toMatchObject({ U: 'S', PSI: 'S' });
    const sent = decisionInputs(triage, answers, modes);
    expect(sent).toEqual(answers);
    const server = evaluateDecision('triage', sent ?? {});
    expect(server.inputs).toEqual(table);
    expect(outcomeOf(triage, table)).toBe(server.outcome);
    expect(server.outcome).toBe('C');
  });

  it('asks for both basic facts before a derived point has a value', () => {
    const modes = { U: 'derive' } as const;
    const { U: _direct, ...rest } = COORDINATE;
    const answers = { ...rest, A: 'N' };
    expect(tableAnswers(triage, answers, modes).U).toBeUndefined();
    expect(unansweredKeys(triage, answers, modes)).toEqual(['VD']);
    // A direct answer left over from before is not used once the point is derived.
    expect(tableAnswers(triage, { ...COORDINATE, A: 'N', VD: 'D' }, modes).U).toBe('L');
  });
});

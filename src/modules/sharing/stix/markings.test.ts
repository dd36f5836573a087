import { describe, expect, it } from 'vitest';
import { TLP_LABELS, TLP_STIX_EXTENSION_ID } from '../../../core/access/tlp.ts';
import {
  isTlpMarkingRef,
  TLP_1_0_MARKING_IDS,
  tlpLabelOfMarkingRefs,
  tlpMarkingDefinition,
  tlpMarkingRef,
} from './markings.ts';

const TLP_1_WHITE = 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9';
const TLP_1_RED = 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed';
const STATEMENT = 'marking-definition--d0c1e1b4-3b5e-4b7f-9b0e-5a8b9c6d7e8f';

describe('TLP 2.0 marking definitions', () => {
  it('are the objects OASIS publishes for each label', () => {
    expect(tlpMarkingDefinition('TLP:AMBER+STRICT')).toEqual({
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
      created: '2022-10-01T00:00:00.000Z',
      name: 'TLP:AMBER+STRICT',
      extensions: {
        'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': {
          extension_type: 'property-extension',
          tlp_2_0: 'amber+strict',
        },
      },
    });
    const levels = TLP_LABELS.map(
      ({ label }) => tlpMarkingDefinition(label).extensions[TLP_STIX_EXTENSION_ID]?.tlp_2_0,
    );
    expect(levels).toEqual(['clear', 'green', 'amber', 'amber+strict', 'red']);
    for (const { label, stixId } of TLP_LABELS) expect(tlpMarkingRef(label)).toBe(stixId);
  });
});

describe('tlpLabelOfMarkingRefs', () => {
  it('gives the most restrictive TLP label among the refs, ignoring other markings', () => {
    expect(
      tlpLabelOfMarkingRefs([tlpMarkingRef('TLP:GREEN'), STATEMENT, tlpMarkingRef('TLP:AMBER+STRICT')]),
    ).toBe('TLP:AMBER+STRICT');
    expect(tlpLabelOfMarkingRefs([tlpMarkingRef('TLP:RED'), tlpMarkingRef('TLP:CLEAR')])).toBe('TLP:RED');
    expect(tlpLabelOfMarkingRefs([STATEMENT])).toBeNull();
    expect(tlpLabelOfMarkingRefs([])).toBeNull();
  });

  it('reads TLP 1.0 markings, WHITE as CLEAR, and ranks them with 2.0 ones', () => {
    expect(tlpLabelOfMarkingRefs([TLP_1_WHITE])).toBe('TLP:CLEAR');
    expect(Object.values(TLP_1_0_MARKING_IDS)).toEqual(['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:RED']);
    expect(tlpLabelOfMarkingRefs([TLP_1_RED, tlpMarkingRef('TLP:AMBER')])).toBe('TLP:RED');
    expect(tlpLabelOfMarkingRefs([TLP_1_WHITE, tlpMarkingRef('TLP:GREEN')])).toBe('TLP:GREEN');
    expect(isTlpMarkingRef(TLP_1_WHITE)).toBe(true);
    expect(isTlpMarkingRef(STATEMENT)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { mayShareOnward } from './audience.ts';
import { isTlpLabel, TLP_LABELS, TLP_LABELS_ORDERED, TLP_STIX_EXTENSION_ID, tlpDefinition } from './tlp.ts';

describe('TLP 2.0 data', () => {
  it('lists the five labels by rank', () => {
    expect(TLP_LABELS.map((d) => [d.label, d.rank])).toEqual([
      ['TLP:CLEAR', 0],
      ['TLP:GREEN', 1],
      ['TLP:AMBER', 2],
      ['TLP:AMBER+STRICT', 3],
      ['TLP:RED', 4],
    ]);
    expect(TLP_LABELS.map((d) => d.label)).toEqual([...TLP_LABELS_ORDERED]);
  });

  it('carries the STIX 2.1 TLP 2.0 marking ids and colours', () => {
    expect(tlpDefinition('TLP:RED')).toMatchObject({
      stixId: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
      colour: '#FF2B2B',
    });
    expect(tlpDefinition('TLP:AMBER+STRICT').stixId).toBe(
      'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
    );
    expect(tlpDefinition('TLP:AMBER').stixId).toBe(
      'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
    );
    expect(tlpDefinition('TLP:GREEN').stixId).toBe(
      'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
    );
    expect(tlpDefinition('TLP:CLEAR').stixId).toBe(
      'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
    );
    expect(TLP_STIX_EXTENSION_ID).toBe('extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d');
  });

  it('recognizes labels exactly as written', () => {
    expect(isTlpLabel('TLP:AMBER+STRICT')).toBe(true);
    for (const value of ['tlp:red', 'TLP:WHITE', 'TLP: RED', 'RED', '', null, 4]) {
      expect(isTlpLabel(value)).toBe(false);
    }
  });
});

describe('mayShareOnward', () => {
  it.each([
    ['TLP:CLEAR', true, true],
    ['TLP:GREEN', true, true],
    ['TLP:AMBER', true, true],
    ['TLP:AMBER+STRICT', true, false],
    ['TLP:RED', false, false],
  ] as const)('%s: within the organization %s, to clients %s', (label, withinOrg, toClients) => {
    expect(mayShareOnward(label, false)).toBe(withinOrg);
    expect(mayShareOnward(label, true)).toBe(toClients);
  });
});

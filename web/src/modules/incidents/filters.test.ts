import { describe, expect, it } from 'vitest';
import { facetOptions, filtersFromSearch, hasFilters, queryOf, searchOf } from './filters.ts';

describe('incident list filters', () => {
  it('reads the filters from the address bar and gives the API only the ones set', () => {
    const filters = filtersFromSearch(
      new URLSearchParams('q=grid%20operator&type=wiper&country=ua&sector=energy&from=2025-01-01&extra=1'),
    );
    expect(filters).toMatchObject({ q: 'grid operator', type: 'wiper', country: 'UA', sector: 'energy' });
    expect(queryOf(filters)).toEqual({
      q: 'grid operator',
      type: 'wiper',
      country: 'UA',
      sector: 'energy',
      from: '2025-01-01',
    });
    expect(searchOf(filters).toString()).toBe(
      'q=grid+operator&type=wiper&country=UA&sector=energy&from=2025-01-01',
    );
    expect(hasFilters(filters)).toBe(true);
  });

  it('drops values the API would refuse, so a mistyped link still lists incidents', () => {
    const filters = filtersFromSearch(
      new URLSearchParams(
        'type=cyberwar&country=XXX&sector=space_lasers&norm=13z&from=2025-13-01&editorialState=lost',
      ),
    );
    expect(queryOf(filters)).toEqual({});
    expect(hasFilters(filters)).toBe(false);
  });

  it('keeps the actor’s name for the label only, and only with an actor', () => {
    const withActor = filtersFromSearch(new URLSearchParams('actor=act_1&actorName=Vice%20Lynx'));
    expect(queryOf(withActor)).toEqual({ actor: 'act_1' });
    expect(searchOf(withActor).get('actorName')).toBe('Vice Lynx');
    expect(filtersFromSearch(new URLSearchParams('actorName=Spoofed')).actorName).toBe('');
  });
});

describe('facetOptions', () => {
  it('lists values by count, then by code, leaving out empty ones', () => {
    expect(facetOptions({ ddos: 2, wiper: 5, espionage: 2, other: 0 }, '')).toEqual([
      { value: 'wiper', count: 5 },
      { value: 'ddos', count: 2 },
      { value: 'espionage', count: 2 },
    ]);
  });

  it('keeps the chosen value listed when nothing matches it any more', () => {
    expect(facetOptions({ wiper: 1 }, 'ransomware')).toEqual([
      { value: 'wiper', count: 1 },
      { value: 'ransomware', count: 0 },
    ]);
  });
});

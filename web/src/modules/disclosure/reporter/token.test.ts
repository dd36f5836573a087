import { describe, expect, it } from 'vitest';
import { reporterLinkOf, reportIdOf, tokenFromPasted } from './token.ts';

const ID = 'vr_01jabcdefghjkmnpqrstvwxyz0';
const SECRET = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';
const TOKEN = `${ID}.${SECRET}`;

describe('tokenFromPasted', () => {
  it('reads the token from a whole link, a fragment or the token alone', () => {
    expect(SECRET).toHaveLength(43);
    expect(tokenFromPasted(`https://cg.example/reports/track#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromPasted(`#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromPasted(`token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromPasted(`  ${TOKEN}\n`)).toBe(TOKEN);
  });

  it('ignores the line breaks a mail program puts into a long link', () => {
    const link = reporterLinkOf(TOKEN, 'https://cg.example');
    expect(tokenFromPasted(`${link.slice(0, 40)}\n  ${link.slice(40)}`)).toBe(TOKEN);
  });

  it('refuses a cut-off token, another id, or nothing', () => {
    expect(tokenFromPasted(TOKEN.slice(0, -1))).toBeNull();
    expect(tokenFromPasted(`https://cg.example/reports/track#token=${TOKEN.slice(0, 30)}`)).toBeNull();
    expect(tokenFromPasted(`rfa_01jabcdefghjkmnpqrstvwxyz0.${SECRET}`)).toBeNull();
    expect(tokenFromPasted('https://cg.example/reports/track')).toBeNull();
    expect(tokenFromPasted('   ')).toBeNull();
  });
});

describe('reportIdOf', () => {
  it('is the id part of a well-formed token', () => {
    expect(reportIdOf(TOKEN)).toBe(ID);
    expect(reportIdOf('vr_x.y')).toBeNull();
  });
});

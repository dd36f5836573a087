import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvBlob, csvField, toCsv } from './csv.ts';

describe('csvField', () => {
  it('writes plain text and numbers as they are', () => {
    expect(csvField('Ransomware')).toBe('Ransomware');
    expect(csvField(42)).toBe('42');
    expect(csvField(1234.5)).toBe('1234.5');
    expect(csvField(0)).toBe('0');
  });

  it('writes nothing for missing values and for numbers that are not finite', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('quotes fields holding a comma, a semicolon, a quote or a line break, doubling the quotes', () => {
    expect(csvField('Energy, oil')).toBe('"Energy, oil"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('The "Lazarus" group')).toBe('"The ""Lazarus"" group"');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('line one\r\nline two')).toBe('"line one\r\nline two"');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('keeps %j from being read as a formula', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('leaves the formula characters alone inside a value and in numbers', () => {
    expect(csvField('APT-28')).toBe('APT-28');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-3)).toBe('-3');
  });

  it('drops the directional isolates that labels carry for display', () => {
    expect(csvField('\u206613(f)\u2069 عدم الإضرار بالبنية التحتية الحيوية')).toBe(
      '13(f) عدم الإضرار بالبنية التحتية الحيوية',
    );
    expect(csvField('\u2068=1+1\u2069')).toBe("'=1+1");
  });

  it('keeps Arabic and Chinese text unchanged', () => {
    expect(csvField('برامج الفدية')).toBe('برامج الفدية');
    expect(csvField('勒索软件，数据窃取')).toBe('勒索软件，数据窃取');
  });
});

describe('toCsv', () => {
  it('starts with the byte-order mark and ends every row, the last included, with CRLF', () => {
    const csv = toCsv([
      ['code', 'label', 'count'],
      ['ransomware', 'برامج الفدية', 3],
      ['other', 'Other, unspecified', 0],
    ]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.slice(1)).toBe(
      'code,label,count\r\nransomware,برامج الفدية,3\r\nother,"Other, unspecified",0\r\n',
    );
  });

  it('keeps empty cells in place', () => {
    expect(toCsv([['a', null, undefined, 'd']]).slice(1)).toBe('a,,,d\r\n');
  });
});

describe('csvBlob', () => {
  it('encodes the file as UTF-8 with the BOM bytes first', async () => {
    const blob = csvBlob([['数据', 1]]);
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('数据,1\r\n');
  });
});

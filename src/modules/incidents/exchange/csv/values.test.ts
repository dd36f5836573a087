import { describe, expect, it } from 'vitest';
import {
  type CsvProblem,
  parseDate,
  RowProblems,
  sourcesOfCell,
  splitAligned,
  splitList,
  urlsIn,
} from './values.ts';

describe('parseDate', () => {
  it('reads ISO dates in every layout, with or without a time', () => {
    for (const order of ['day-first', 'month-first', 'iso-only'] as const) {
      expect(parseDate('2024-03-01', order)).toEqual({ date: '2024-03-01', precision: 'day' });
      expect(parseDate('2024-03-01T10:00:00Z', order)).toEqual({ date: '2024-03-01', precision: 'day' });
      expect(parseDate('2024-03-01 00:00:00', order)).toEqual({ date: '2024-03-01', precision: 'day' });
    }
  });

  it('settles an ambiguous slashed date by the layout: EuRepoC day first, CFR month first', () => {
    expect(parseDate('05/03/2021', 'day-first')).toEqual({ date: '2021-03-05', precision: 'day' });
    expect(parseDate('05.03.2021', 'day-first')).toEqual({ date: '2021-03-05', precision: 'day' });
    expect(parseDate('05/03/2021', 'month-first')).toEqual({ date: '2021-05-03', precision: 'day' });
  });

  it('reads a slashed date that is valid in one order only in that order, whatever the layout', () => {
    expect(parseDate('3/14/2019', 'day-first')).toEqual({ date: '2019-03-14', precision: 'day' });
    expect(parseDate('25.12.2020', 'month-first')).toEqual({ date: '2020-12-25', precision: 'day' });
  });

  it('reads month names', () => {
    expect(parseDate('June 2, 2020', 'month-first')).toEqual({ date: '2020-06-02', precision: 'day' });
    expect(parseDate('Sept. 9 2019', 'month-first')).toEqual({ date: '2019-09-09', precision: 'day' });
    expect(parseDate('2 June 2020', 'day-first')).toEqual({ date: '2020-06-02', precision: 'day' });
    expect(parseDate('June 2020', 'day-first')).toEqual({ date: '2020-06-01', precision: 'month' });
  });

  it('completes a year or a month with the first day and says so', () => {
    expect(parseDate('2021', 'day-first')).toEqual({ date: '2021-01-01', precision: 'year' });
    expect(parseDate('2021-07', 'month-first')).toEqual({ date: '2021-07-01', precision: 'month' });
  });

  it('refuses dates that do not exist and forms it does not read', () => {
    expect(parseDate('31.02.2023', 'day-first')).toHaveProperty('error');
    expect(parseDate('4/31/2019', 'month-first')).toHaveProperty('error');
    expect(parseDate('13/25/2018', 'month-first')).toHaveProperty('error');
    expect(parseDate('2024-02-30', 'iso-only')).toHaveProperty('error');
    expect(parseDate('01/03/2024', 'iso-only')).toHaveProperty('error');
    expect(parseDate('2021', 'iso-only')).toHaveProperty('error');
    expect(parseDate('sometime in spring', 'day-first')).toHaveProperty('error');
  });

  it('reads null markers as no date', () => {
    expect(parseDate('Not available', 'day-first')).toBeNull();
    expect(parseDate('  ', 'month-first')).toBeNull();
  });
});

describe('lists', () => {
  it('splitList drops null markers and repeats; splitAligned keeps positions', () => {
    expect(splitList('Data theft; Not available; Data theft ; Ransomware')).toEqual([
      'Data theft',
      'Ransomware',
    ]);
    expect(splitAligned('Germany; Not available; France')).toEqual(['Germany', null, 'France']);
    expect(splitAligned('')).toEqual([]);
  });
});

describe('sources', () => {
  it('finds URLs separated by anything and trims trailing punctuation', () => {
    expect(
      urlsIn('see https://a.example/x, https://b.example/y; https://c.example/z.\nhttps://a.example/x'),
    ).toEqual(['https://a.example/x', 'https://b.example/y', 'https://c.example/z']);
  });

  it('titles a source with its host and reports text that is not a URL', () => {
    const problems: CsvProblem[] = [];
    const sources = sourcesOfCell(
      'https://www.news.example/a; see the report',
      'source_url',
      new RowProblems(problems, 7),
    );
    expect(sources).toEqual([
      {
        url: 'https://www.news.example/a',
        title: 'news.example',
        publisher: null,
        publishedOn: null,
        archivedOn: null,
        archiveUrl: null,
      },
    ]);
    expect(problems).toEqual([
      {
        line: 7,
        column: 'source_url',
        severity: 'error',
        message: expect.stringContaining('"see the report"'),
      },
    ]);
  });

  it('reads a null marker as no source, without a problem', () => {
    const problems: CsvProblem[] = [];
    expect(sourcesOfCell('Not available', 'source_url', new RowProblems(problems, 2))).toEqual([]);
    expect(problems).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { base64OfDataUrl, checkPdfFile, formatFileSize, MAX_PDF_BYTES } from './pdfUpload.ts';

describe('checkPdfFile', () => {
  it('takes PDFs up to the limit, by type or by name', () => {
    expect(checkPdfFile({ name: 'statement.pdf', type: 'application/pdf', size: 1000 })).toBe('ok');
    expect(checkPdfFile({ name: 'STATEMENT.PDF', type: '', size: MAX_PDF_BYTES })).toBe('ok');
  });

  it('refuses other files, empty files and files over 10 MB', () => {
    expect(checkPdfFile({ name: 'statement.docx', type: 'application/msword', size: 10 })).toBe('not_pdf');
    expect(checkPdfFile({ name: 'statement.pdf', type: 'application/pdf', size: 0 })).toBe('empty');
    expect(checkPdfFile({ name: 'big.pdf', type: 'application/pdf', size: MAX_PDF_BYTES + 1 })).toBe(
      'too_large',
    );
  });
});

describe('base64OfDataUrl', () => {
  it('keeps what follows the comma', () => {
    expect(base64OfDataUrl('data:application/pdf;base64,JVBERi0xLjQ=')).toBe('JVBERi0xLjQ=');
    expect(base64OfDataUrl('garbage')).toBe('');
  });
});

describe('formatFileSize', () => {
  it('speaks kilobytes below a megabyte and megabytes above', () => {
    expect(formatFileSize(2048, 'en')).toBe('2 kB');
    expect(formatFileSize(2.5 * 1024 * 1024, 'en')).toBe('2.5 MB');
  });
});

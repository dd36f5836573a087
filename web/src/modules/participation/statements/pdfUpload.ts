/** The server's default upload limit; refusing larger files here spares a long upload that would fail. */
export const MAX_PDF_BYTES = 10 * 1024 * 1024;

export type PdfCheck = 'ok' | 'not_pdf' | 'too_large' | 'empty';

/** Whether a chosen file can be sent as a PDF statement: the server checks the content again. */
export function checkPdfFile(file: { name: string; type: string; size: number }): PdfCheck {
  const looksLikePdf = file.type === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf');
  if (!looksLikePdf) return 'not_pdf';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_PDF_BYTES) return 'too_large';
  return 'ok';
}

/** The base64 payload of a data: URL, which is what FileReader gives for binary files. */
export function base64OfDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma === -1 ? '' : dataUrl.slice(comma + 1);
}

/** Reads a file as base64, for JSON bodies (the API takes PDFs as `contentBase64`). */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(base64OfDataUrl(String(reader.result)));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** A file size in the viewer's language: "850 kB", "2.4 MB". */
export function formatFileSize(bytes: number, locale: string): string {
  const isLarge = bytes >= 1024 * 1024;
  const value = isLarge ? bytes / (1024 * 1024) : Math.max(bytes / 1024, 0.1);
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: isLarge ? 'megabyte' : 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

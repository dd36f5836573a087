import { extractText, getDocumentProxy } from 'unpdf';
import { badRequest } from '../../../core/http/errors.ts';

const PDF_MAGIC = '%PDF-';

/** The text of a PDF, page after page; a file that is not a readable PDF is the client's error. */
export async function extractPdfText(data: Uint8Array): Promise<string> {
  if (Buffer.from(data.subarray(0, 5)).toString('latin1') !== PDF_MAGIC) {
    throw badRequest('not_a_pdf', 'The file is not a PDF.');
  }
  try {
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(data));
    const { text } = await extractText(pdf, { mergePages: true });
    await pdf.cleanup();
    // NUL characters, which some PDFs carry, would be refused everywhere else in the platform.
    return text.replaceAll(String.fromCharCode(0), '').trim();
  } catch {
    throw badRequest('unreadable_pdf', 'The PDF could not be read. Is it damaged or password-protected?');
  }
}

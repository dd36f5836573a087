import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  assertSafeWebhookUrl,
  publicOnlyLookup,
  UnsafeUrlError,
} from '../../../core/delivery/network-guard.ts';
import { TAXII_MEDIA_TYPE } from '../taxii/media.ts';

/**
 * The HTTP side of polling a TAXII 2.1 server. Requests go only to the address an organization
 * configured (the `next` token travels as a query parameter), redirects are not followed, and unless the
 * operator allows private networks, every address the host resolves to must be public: a feed URL is
 * chosen by an organization admin, so it must not reach into the instance's own network.
 */

export type FeedAuth =
  | { type: 'none' }
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string };

export interface FetchOptions {
  auth: FeedAuth;
  allowPrivateNetworks: boolean;
  timeoutMs?: number;
  /** Larger answers are abandoned. */
  maxBytes?: number;
}

export interface TaxiiAnswer {
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A poll that failed, with a message fit for the run log (no credentials in it). */
export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

function authorizationOf(auth: FeedAuth): string | undefined {
  if (auth.type === 'basic')
    return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  if (auth.type === 'bearer') return `Bearer ${auth.token}`;
  return undefined;
}

function errorTitle(text: string): string {
  try {
    const body = JSON.parse(text) as { title?: unknown };
    return typeof body.title === 'string' ? `: ${body.title.slice(0, 200).replace(/[.\s]+$/, '')}` : '';
  } catch {
    return '';
  }
}

/** GETs a TAXII resource and parses its JSON; anything but a 200 with JSON is a FeedError. */
export async function getTaxii(url: string, options: FetchOptions): Promise<TaxiiAnswer> {
  try {
    await assertSafeWebhookUrl(url, options.allowPrivateNetworks);
  } catch (error) {
    throw new FeedError(error instanceof UnsafeUrlError ? error.message : 'The URL is not valid.');
  }
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const authorization = authorizationOf(options.auth);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const { status, headers, text } = await new Promise<{
    status: number;
    headers: IncomingHttpHeaders;
    text: string;
  }>((resolve, reject) => {
    const request = send(
      target,
      {
        method: 'GET',
        headers: {
          accept: TAXII_MEDIA_TYPE,
          'user-agent': 'CommonGround-TAXII-client/1',
          ...(authorization ? { authorization } : {}),
        },
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        ...(options.allowPrivateNetworks ? {} : { lookup: publicOnlyLookup }),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            response.destroy();
            reject(new FeedError(`The answer is larger than ${maxBytes} bytes.`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', (error) => reject(new FeedError(`The connection failed: ${error.message}`)));
      },
    );
    request.on('timeout', () => request.destroy(new FeedError('The server did not answer in time.')));
    request.on('error', (error) =>
      reject(error instanceof FeedError ? error : new FeedError(`The request failed: ${error.message}`)),
    );
    request.end();
  });
  if (status >= 300 && status < 400) {
    throw new FeedError(`The server redirects (${status}); configure the address it redirects to.`);
  }
  if (status !== 200) throw new FeedError(`The server answered ${status}${errorTitle(text)}.`);
  try {
    return { headers, body: JSON.parse(text) as unknown };
  } catch {
    throw new FeedError('The server’s answer is not JSON.');
  }
}

import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ANONYMOUS, can } from '../../../core/access/index.ts';
import { getInstanceKey } from '../../../core/openpgp/index.ts';
import {
  buildChangesCsv,
  buildIndexTxt,
  buildProviderMetadata,
  csafDirectoryPath,
  csafFileName,
  csafOpenPgpKeyUrl,
} from '../csaf/index.ts';
import { findDirectoryRows, findPublishedDocument } from './advisories.repository.ts';
import { advisoryResource } from './advisories.service.ts';

/**
 * The CSAF 2.0 trusted-provider directory (section 7.1): provider-metadata.json, the TLP:WHITE folder with
 * year folders, index.txt and changes.csv, each document with its .sha256, .sha512 and detached .asc
 * signature by the instance key, browsable listings, and the key under /.well-known/csaf/openpgp/.
 * Only published CLEAR advisories are in it.
 */
const BASE = '/.well-known/csaf';
const FILE = /^([a-z0-9-]+)\.json(\.sha256|\.sha512|\.asc)?$/;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function listing(reply: FastifyReply, title: string, names: readonly string[]) {
  const items = names
    .map((name) => `<li><a href="${escapeHtml(name)}">${escapeHtml(name)}</a></li>`)
    .join('\n');
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'public, max-age=300')
    .send(
      `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body><h1>${escapeHtml(title)}</h1>\n<ul>\n${items}\n</ul></body></html>\n`,
    );
}

export async function csafProviderRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const hidden = { schema: { hide: true } };

  // Every file leaves through the policy too: only published TLP:CLEAR advisories, whoever asks.
  const isPublic = (row: { published_at: string | null; tlp: string }) =>
    can(ANONYMOUS, 'disclosure.advisory.read_public', advisoryResource(row));

  const entries = async () =>
    (await findDirectoryRows(ctx.db)).filter(isPublic).map((row) => ({
      path: csafDirectoryPath(row.tracking_id, row.initial_release_date as string),
      currentReleaseDate: row.current_release_date as string,
    }));

  app.get(`${BASE}/provider-metadata.json`, hidden, async (_request, reply) => {
    const key = await getInstanceKey(ctx.db, { publicUrl: ctx.config.publicUrl });
    const rows = await findDirectoryRows(ctx.db);
    const metadata = buildProviderMetadata({
      publicUrl: ctx.config.publicUrl,
      publisher: {
        name: `Common Ground (${new URL(ctx.config.publicUrl).host})`,
        namespace: ctx.config.publicUrl,
        category: 'coordinator',
      },
      lastUpdated: rows[0]?.current_release_date ?? new Date(0).toISOString(),
      publicKeyFingerprint: key.fingerprint,
      publicKeyUrl: csafOpenPgpKeyUrl(ctx.config.publicUrl, key.fingerprint),
    });
    return reply.type('application/json').header('cache-control', 'public, max-age=300').send(metadata);
  });

  app.get(`${BASE}/openpgp/:file`, hidden, async (request, reply) => {
    const key = await getInstanceKey(ctx.db, { publicUrl: ctx.config.publicUrl });
    if ((request.params as { file: string }).file !== `${key.fingerprint}.asc`)
      return reply.status(404).send();
    return reply.type('application/pgp-keys').send(key.publicArmored);
  });

  for (const path of [`${BASE}/white`, `${BASE}/white/`]) {
    app.get(path, hidden, async (request, reply) => {
      if (!request.url.endsWith('/')) return reply.redirect(`${BASE}/white/`, 301);
      const years = [...new Set((await entries()).map((entry) => `${entry.path.slice(0, 4)}/`))].sort();
      return listing(reply, 'CSAF TLP:WHITE', ['index.txt', 'changes.csv', ...years]);
    });
  }

  app.get(`${BASE}/white/index.txt`, hidden, async (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(buildIndexTxt(await entries())),
  );

  app.get(`${BASE}/white/changes.csv`, hidden, async (_request, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(buildChangesCsv(await entries())),
  );

  for (const path of [`${BASE}/white/:year`, `${BASE}/white/:year/`]) {
    app.get(path, hidden, async (request, reply) => {
      const { year } = request.params as { year: string };
      if (!/^\d{4}$/.test(year)) return reply.status(404).send();
      if (!request.url.endsWith('/')) return reply.redirect(`${BASE}/white/${year}/`, 301);
      const files = (await entries())
        .filter((entry) => entry.path.startsWith(`${year}/`))
        .flatMap((entry) => {
          const name = entry.path.slice(5);
          return [name, `${name}.asc`, `${name}.sha256`, `${name}.sha512`];
        });
      if (files.length === 0) return reply.status(404).send();
      return listing(reply, `CSAF TLP:WHITE ${year}`, files);
    });
  }

  app.get(`${BASE}/white/:year/:file`, hidden, async (request, reply) => {
    const { year, file } = request.params as { year: string; file: string };
    const match = FILE.exec(file);
    if (!/^\d{4}$/.test(year) || !match) return reply.status(404).send();
    // Tracking ids are upper-case letters, digits and hyphens, so the file name gives the id back exactly.
    const document = await findPublishedDocument(ctx.db, (match[1] as string).toUpperCase());
    if (!document?.csaf_json || !document.initial_release_date || !isPublic(document))
      return reply.status(404).send();
    if (
      csafDirectoryPath(document.tracking_id, document.initial_release_date) !== `${year}/${match[1]}.json`
    ) {
      return reply.status(404).send();
    }
    const name = csafFileName(document.tracking_id);
    reply.header('cache-control', 'public, max-age=300');
    switch (match[2]) {
      case '.sha256':
        return reply.type('text/plain; charset=utf-8').send(`${document.csaf_sha256}  ${name}\n`);
      case '.sha512':
        return reply
          .type('text/plain; charset=utf-8')
          .send(`${createHash('sha512').update(document.csaf_json).digest('hex')}  ${name}\n`);
      case '.asc':
        return reply.type('application/pgp-signature').send(document.csaf_signature);
      default:
        return reply.type('application/json').send(document.csaf_json);
    }
  });
}

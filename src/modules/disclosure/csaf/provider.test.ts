import * as openpgp from 'openpgp';
import { describe, expect, it } from 'vitest';
import { buildCsafDocument, csafFileName } from './document.ts';
import { CsafInputError, type CsafInputErrorReason } from './errors.ts';
import type { AdvisoryPublisher } from './model.ts';
import {
  buildChangesCsv,
  buildIndexTxt,
  buildProviderMetadata,
  csafDirectoryPath,
  csafDirectoryUrl,
  csafDocumentUrl,
  csafOpenPgpKeyUrl,
  type ProviderMetadataInput,
  providerMetadataUrl,
  sha256File,
  sha512File,
  signDetached,
  validateProviderMetadata,
} from './provider.ts';
import { richAdvisory } from './test-fixtures.ts';

const publisher: AdvisoryPublisher = {
  name: 'Common Ground CERT',
  namespace: 'https://cg.example.org',
  category: 'coordinator',
  contactDetails: 'cert@cg.example.org',
};

const FINGERPRINT = '8F5F267907B2C4559DB360DB2294BA7D2B2298B1';

function metadataInput(overrides: Partial<ProviderMetadataInput> = {}): ProviderMetadataInput {
  return {
    publicUrl: 'https://cg.example.org/',
    publisher,
    lastUpdated: '2026-03-10T12:00:00.000Z',
    publicKeyFingerprint: FINGERPRINT,
    publicKeyUrl: csafOpenPgpKeyUrl('https://cg.example.org', FINGERPRINT),
    ...overrides,
  };
}

function reasonOf(build: () => unknown): CsafInputErrorReason {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(CsafInputError);
    return (error as CsafInputError).reason;
  }
  throw new Error('the input was accepted');
}

describe('directory locations', () => {
  it('puts provider metadata at the well-known URL and TLP:WHITE documents in year folders under white/', () => {
    expect(providerMetadataUrl('https://cg.example.org/')).toBe(
      'https://cg.example.org/.well-known/csaf/provider-metadata.json',
    );
    expect(csafDirectoryUrl('https://cg.example.org')).toBe('https://cg.example.org/.well-known/csaf/white/');
    expect(csafDirectoryPath('CG-2026-0001', '2026-03-01T09:00:00.000Z')).toBe('2026/cg-2026-0001.json');
    // The year is the one written in the date, even where the instant falls in another year in UTC.
    expect(csafDirectoryPath('CG 2026/7', '2026-01-01T00:30:00+02:00')).toBe('2026/cg_2026_7.json');
    expect(csafDocumentUrl('https://cg.example.org/sub/', 'CG-2026-0001', '2026-03-01T09:00:00.000Z')).toBe(
      'https://cg.example.org/sub/.well-known/csaf/white/2026/cg-2026-0001.json',
    );
    expect(csafOpenPgpKeyUrl('https://cg.example.org', '8f5f 2679')).toBe(
      'https://cg.example.org/.well-known/csaf/openpgp/8F5F2679.asc',
    );
  });

  it('refuses what a CSAF client could not retrieve', () => {
    expect(reasonOf(() => csafDirectoryUrl('cg.example.org'))).toBe('invalid_url');
    expect(reasonOf(() => csafDirectoryUrl('http://cg.example.org'))).toBe('invalid_url');
    expect(reasonOf(() => csafDirectoryUrl('https://cg.example.org/?a=1'))).toBe('invalid_url');
    expect(reasonOf(() => csafDirectoryPath('CG-1', '01/03/2026'))).toBe('invalid_date');
    // Development instances on loopback are fine.
    expect(csafDirectoryUrl('http://localhost:3000')).toBe('http://localhost:3000/.well-known/csaf/white/');
  });
});

describe('buildProviderMetadata', () => {
  it('describes a trusted provider with a TLP:WHITE directory and the signing key, valid against the schema', () => {
    const metadata = buildProviderMetadata(
      metadataInput({ publicKeyFingerprint: FINGERPRINT.toLowerCase() }),
    );
    expect(metadata).toEqual({
      canonical_url: 'https://cg.example.org/.well-known/csaf/provider-metadata.json',
      distributions: [{ directory_url: 'https://cg.example.org/.well-known/csaf/white/' }],
      last_updated: '2026-03-10T12:00:00.000Z',
      list_on_CSAF_aggregators: true,
      metadata_version: '2.0',
      mirror_on_CSAF_aggregators: true,
      public_openpgp_keys: [
        {
          fingerprint: FINGERPRINT,
          url: `https://cg.example.org/.well-known/csaf/openpgp/${FINGERPRINT}.asc`,
        },
      ],
      publisher: {
        category: 'coordinator',
        contact_details: 'cert@cg.example.org',
        name: 'Common Ground CERT',
        namespace: 'https://cg.example.org',
      },
      role: 'csaf_trusted_provider',
    });
    expect(validateProviderMetadata(metadata)).toEqual({ isValid: true, errors: [] });
    // The keys are in alphabetical order, like those of CSAF documents.
    expect(Object.keys(metadata)).toEqual(Object.keys(metadata).sort());

    const plain = buildProviderMetadata(
      metadataInput({ role: 'csaf_provider', listOnAggregators: false, mirrorOnAggregators: false }),
    );
    expect(plain.role).toBe('csaf_provider');
    expect(plain.list_on_CSAF_aggregators).toBe(false);
    expect(plain.mirror_on_CSAF_aggregators).toBe(false);
  });

  it('the schema catches what is wrong in a provider-metadata.json', () => {
    const metadata = buildProviderMetadata(metadataInput());
    const broken = {
      ...metadata,
      canonical_url: 'https://cg.example.org/.well-known/csaf/metadata.json',
      role: 'csaf_aggregator',
      publisher: { ...metadata.publisher, category: 'government' },
    };
    const { isValid, errors } = validateProviderMetadata(broken);
    expect(isValid).toBe(false);
    expect(errors.map((error) => error.instancePath).sort()).toEqual([
      '/canonical_url',
      '/publisher/category',
      '/role',
    ]);
    expect(validateProviderMetadata('provider').isValid).toBe(false);
  });

  it('refuses a bad fingerprint, a key URL without https, and a publisher the schema refuses', () => {
    expect(reasonOf(() => buildProviderMetadata(metadataInput({ publicKeyFingerprint: 'ABCD' })))).toBe(
      'invalid_fingerprint',
    );
    expect(
      reasonOf(() =>
        buildProviderMetadata(metadataInput({ publicKeyUrl: 'http://keys.example.net/key.asc' })),
      ),
    ).toBe('invalid_url');
    expect(
      reasonOf(() =>
        buildProviderMetadata(metadataInput({ publisher: { ...publisher, namespace: 'not a url' } })),
      ),
    ).toBe('invalid_provider_metadata');
  });
});

describe('index.txt and changes.csv', () => {
  const entries = [
    { path: '2025/cg-2025-0007.json', currentReleaseDate: '2026-01-05T10:00:00.000Z' },
    { path: '2026/cg-2026-0001.json', currentReleaseDate: '2026-03-10T12:00:00.000Z' },
    // 09:30 in UTC+2 is 07:30Z: earlier than the next one although its text sorts later.
    { path: '2026/cg-2026-0002.json', currentReleaseDate: '2026-03-10T09:30:00+02:00' },
    { path: '2026/cg-2026-0003.json', currentReleaseDate: '2026-03-10T08:00:00.000Z' },
  ];

  it('index.txt lists every path once, one per line', () => {
    expect(buildIndexTxt([...entries, entries[0]!])).toBe(
      '2025/cg-2025-0007.json\n2026/cg-2026-0001.json\n2026/cg-2026-0002.json\n2026/cg-2026-0003.json\n',
    );
    expect(buildIndexTxt([])).toBe('');
  });

  it('changes.csv quotes both fields and puts the latest release first', () => {
    expect(buildChangesCsv(entries)).toBe(
      [
        '"2026/cg-2026-0001.json","2026-03-10T12:00:00.000Z"',
        '"2026/cg-2026-0003.json","2026-03-10T08:00:00.000Z"',
        '"2026/cg-2026-0002.json","2026-03-10T09:30:00+02:00"',
        '"2025/cg-2025-0007.json","2026-01-05T10:00:00.000Z"',
        '',
      ].join('\n'),
    );
  });

  it('refuses paths that are not a year folder and a CSAF filename, so nothing can break a line or a field', () => {
    for (const path of [
      'cg-2026-0001.json',
      '2026/CG-2026-0001.json',
      '2026/a".json',
      '2026/a\n2026/b.json',
      '../x.json',
    ]) {
      expect(
        reasonOf(() => buildIndexTxt([{ path, currentReleaseDate: '2026-01-01T00:00:00Z' }])),
        path,
      ).toBe('invalid_directory_path');
    }
    expect(reasonOf(() => buildChangesCsv([{ path: '2026/a.json', currentReleaseDate: 'yesterday' }]))).toBe(
      'invalid_date',
    );
  });
});

describe('hashes and signatures', () => {
  it('writes the .sha256 and .sha512 lines as sha256sum and sha512sum do', () => {
    const bytes = new TextEncoder().encode('abc');
    expect(sha256File(bytes, 'cg-2026-0001.json')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  cg-2026-0001.json\n',
    );
    expect(sha512File(bytes, 'cg-2026-0001.json')).toBe(
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f  cg-2026-0001.json\n',
    );
  });

  it('signs a document detached: the public key verifies it, a changed byte or another key does not', async () => {
    const { privateKey: armoredPrivate, publicKey: armoredPublic } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [{ name: 'Common Ground CSAF', email: 'csaf@cg.example.org' }],
      format: 'armored',
    });
    const privateKey = await openpgp.readPrivateKey({ armoredKey: armoredPrivate });
    const publicKey = await openpgp.readKey({ armoredKey: armoredPublic });
    const input = richAdvisory();
    const bytes = new TextEncoder().encode(JSON.stringify(buildCsafDocument(input, 'security_advisory')));

    const armoredSignature = await signDetached(bytes, privateKey);
    expect(armoredSignature).toMatch(/^-----BEGIN PGP SIGNATURE-----/);
    expect(sha256File(bytes, csafFileName(input.trackingId))).toMatch(
      /^[0-9a-f]{64} {2}cg-2026-0001\.json\n$/,
    );

    async function verifies(data: Uint8Array, key: openpgp.PublicKey): Promise<boolean> {
      const { signatures } = await openpgp.verify({
        message: await openpgp.createMessage({ binary: data }),
        signature: await openpgp.readSignature({ armoredSignature }),
        verificationKeys: key,
      });
      try {
        return (await signatures[0]!.verified) === true;
      } catch {
        return false;
      }
    }

    expect(await verifies(bytes, publicKey)).toBe(true);
    const changed = bytes.slice();
    changed[10] = changed[10]! ^ 1;
    expect(await verifies(changed, publicKey)).toBe(false);
    const other = await openpgp.generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [{ email: 'x@y.example' }],
    });
    expect(await verifies(bytes, await openpgp.readKey({ armoredKey: other.publicKey }))).toBe(false);
  });

  it('signs with a v6 Ed25519 key too', async () => {
    const { privateKey: armored, publicKey } = await openpgp.generateKey({
      type: 'curve25519',
      userIDs: [{ email: 'csaf@cg.example.org' }],
      config: { v6Keys: true },
      format: 'armored',
    });
    const bytes = new TextEncoder().encode('{"document":{}}');
    const armoredSignature = await signDetached(bytes, await openpgp.readPrivateKey({ armoredKey: armored }));
    const { signatures } = await openpgp.verify({
      message: await openpgp.createMessage({ binary: bytes }),
      signature: await openpgp.readSignature({ armoredSignature }),
      verificationKeys: await openpgp.readKey({ armoredKey: publicKey }),
    });
    expect(await signatures[0]!.verified).toBe(true);
  });
});

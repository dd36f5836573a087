import type { AdvisoryInput, AdvisoryProduct, ProductStatus } from './model.ts';

/** An advisory that uses every part of the model: several vendors, all statuses, both CVSS versions, VEX justifications. */
export function richAdvisory(): AdvisoryInput {
  return {
    trackingId: 'CG-2026-0001',
    title: 'Buffer overflow and cross-site scripting in Acme and Globex controllers',
    lang: 'en',
    tlp: 'CLEAR',
    publisher: {
      name: 'Common Ground CERT',
      namespace: 'https://cg.example.org',
      category: 'coordinator',
      contactDetails: 'cert@cg.example.org',
      issuingAuthority: 'Coordinator of the disclosure between the reporter and the vendors.',
    },
    summary: 'Two vulnerabilities in the web interface of industrial controllers.',
    details: 'An attacker on the network can run code on the controller or in an operator browser.',
    references: [
      { url: 'https://acme.example.com/security/ACME-SA-2026-01', summary: 'Acme security notice' },
    ],
    revisions: [
      { number: '2', date: '2026-03-10T12:00:00.000Z', summary: 'Globex fix released.' },
      { number: '1', date: '2026-03-01T09:00:00.000Z', summary: 'Initial public release.' },
    ],
    status: 'final',
    initialReleaseDate: '2026-03-01T09:00:00.000Z',
    currentReleaseDate: '2026-03-10T12:00:00.000Z',
    acknowledgments: [
      {
        names: ['Ada Researcher'],
        organization: 'Example University',
        summary: 'Found and reported both issues.',
      },
    ],
    canonicalUrl: 'https://cg.example.org/.well-known/csaf/white/2026/cg-2026-0001.json',
    generator: { engineVersion: '0.1.0', date: '2026-03-10T12:00:05.000Z' },
    vulnerabilities: [
      {
        cve: 'CVE-2026-10001',
        cwe: { id: 'CWE-787', name: 'Out-of-bounds Write' },
        title: 'Stack buffer overflow in the HTTP request parser',
        description: 'A long Host header overflows a stack buffer in the HTTP request parser.',
        discoveryDate: '2026-01-15T00:00:00.000Z',
        releaseDate: '2026-03-01T09:00:00.000Z',
        cvss: {
          v3: {
            vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
            baseScore: 9.8,
            baseSeverity: 'CRITICAL',
          },
          v4: {
            vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
            baseScore: 9.3,
            baseSeverity: 'Critical',
          },
        },
        ssvc: {
          decision: 'CISA Coordinator v2.0.3',
          outcome: 'Act',
          inputs: { Exploitation: 'poc', Automatable: 'yes', 'Technical Impact': 'total' },
          timestamp: '2026-02-20T10:00:00.000Z',
        },
        products: [
          {
            vendor: 'Acme',
            product: 'Controller X',
            version: '2.4.0',
            status: 'affected',
            purl: 'pkg:generic/acme/controller-x@2.4.0',
            remediation: {
              category: 'vendor_fix',
              details: 'Update to 2.4.1.',
              url: 'https://acme.example.com/downloads/controller-x',
            },
          },
          {
            vendor: 'Acme',
            product: 'Controller X',
            version: '2.4.1',
            status: 'fixed',
            purl: 'pkg:generic/acme/controller-x@2.4.1',
          },
          {
            vendor: 'Acme',
            product: 'Controller X',
            version: 'before 2.0',
            status: 'affected',
            remediation: {
              category: 'no_fix_planned',
              details: 'Versions before 2.0 are no longer supported.',
            },
          },
          {
            vendor: 'Globex',
            product: 'Gateway',
            version: '5.0',
            status: 'not_affected',
            justification: 'vulnerable_code_not_present',
            cpe: 'cpe:2.3:h:globex:gateway:5.0:*:*:*:*:*:*:*',
          },
          {
            vendor: 'Globex',
            product: 'Gateway',
            version: '5.1',
            status: 'not_affected',
            impactStatement:
              'The parser is compiled with stack protection that stops the overflow before it returns.',
          },
          {
            vendor: 'Initech',
            product: 'Panel',
            version: '1.0',
            status: 'under_investigation',
          },
        ],
      },
      {
        ids: [{ systemName: 'Common Ground case', text: 'case_01jabc' }],
        cwe: {
          id: 'CWE-79',
          name: "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')",
        },
        title: 'Reflected cross-site scripting in the login page',
        description: 'The login page reflects the `next` parameter without encoding it.',
        cvss: {
          v3: {
            vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
            baseScore: 6.1,
            baseSeverity: 'medium',
          },
        },
        products: [
          {
            vendor: 'Globex',
            product: 'Gateway',
            version: '5.0',
            status: 'affected',
            cpe: 'cpe:2.3:h:globex:gateway:5.0:*:*:*:*:*:*:*',
            remediation: { category: 'workaround', details: 'Block the login page at the reverse proxy.' },
          },
          {
            vendor: 'Globex',
            product: 'Gateway',
            version: '5.1',
            status: 'fixed',
          },
          {
            vendor: 'Acme',
            product: 'Controller X',
            version: '2.4.0',
            status: 'not_affected',
            justification: 'component_not_present',
          },
        ],
      },
    ],
  };
}

const STATUSES: ProductStatus[] = ['affected', 'fixed', 'not_affected', 'under_investigation'];

/**
 * An advisory with `vendors × productsPerVendor` products in one vulnerability, statuses in turn, each
 * with what the VEX profile asks for its status. For the benchmark and the size tests.
 */
export function largeAdvisory(vendors: number, productsPerVendor: number): AdvisoryInput {
  const products: AdvisoryProduct[] = [];
  for (let v = 0; v < vendors; v++) {
    for (let p = 0; p < productsPerVendor; p++) {
      const status = STATUSES[(v * productsPerVendor + p) % STATUSES.length]!;
      const product: AdvisoryProduct = {
        vendor: `Vendor ${String(v + 1).padStart(2, '0')}`,
        product: `Product ${String(Math.floor(p / 5) + 1).padStart(2, '0')}`,
        version: `${(p % 5) + 1}.0.${v}`,
        status,
        purl: `pkg:generic/vendor-${v + 1}/product-${Math.floor(p / 5) + 1}@${(p % 5) + 1}.0.${v}`,
      };
      if (status === 'affected') {
        product.remediation = { category: 'vendor_fix', details: `Update to ${(p % 5) + 2}.0.0.` };
      }
      if (status === 'not_affected') product.justification = 'vulnerable_code_not_in_execute_path';
      products.push(product);
    }
  }
  const base = richAdvisory();
  const first = base.vulnerabilities[0]!;
  return { ...base, vulnerabilities: [{ ...first, products }] };
}

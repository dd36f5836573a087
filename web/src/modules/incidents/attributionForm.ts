import {
  checkSourceRows,
  emptySourceRow,
  type FormProblems,
  type SourceRow,
  sourceBodyOf,
  sourceRowOf,
} from './form.ts';
import type { Attribution, AttributionBody } from './types.ts';

/** The fields of one attribution as typed: who attributed it, when, on what basis, to whom, and on what sources. */
export type AttributionForm = {
  attributorKind: string;
  attributorName: string;
  attributorCountry: string;
  attributedOn: string;
  basis: string;
  actorName: string;
  actorKind: string;
  /** One alias per line. */
  aliases: string;
  sponsorCountry: string;
  confidence: string;
  sources: SourceRow[];
  notes: string;
};

export function emptyAttributionForm(): AttributionForm {
  return {
    attributorKind: '',
    attributorName: '',
    attributorCountry: '',
    attributedOn: '',
    basis: '',
    actorName: '',
    actorKind: 'threat_actor',
    aliases: '',
    sponsorCountry: '',
    confidence: '',
    // An attribution stands on at least one source.
    sources: [emptySourceRow()],
    notes: '',
  };
}

export function attributionFormOf(attribution: Attribution): AttributionForm {
  return {
    attributorKind: attribution.attributedBy.kind,
    attributorName: attribution.attributedBy.name,
    attributorCountry: attribution.attributedBy.country ?? '',
    attributedOn: attribution.attributedOn,
    basis: attribution.basis,
    actorName: attribution.actor.name,
    actorKind: attribution.actor.kind,
    aliases: attribution.actor.aliases.join('\n'),
    sponsorCountry: attribution.actor.sponsorCountry ?? '',
    confidence: attribution.confidence,
    sources: attribution.sources.length > 0 ? attribution.sources.map(sourceRowOf) : [emptySourceRow()],
    notes: attribution.notes ?? '',
  };
}

/** Aliases typed one per line (or separated by semicolons), each once; names may hold spaces and commas. */
export function parseAliases(value: string, actorName: string): string[] {
  const name = actorName.trim().toLowerCase();
  return [
    ...new Set(
      value
        .split(/[\n;]+/)
        .map((alias) => alias.trim())
        .filter((alias) => alias && alias.toLowerCase() !== name),
    ),
  ];
}

type Body = AttributionBody;

export function attributionBodyOf(form: AttributionForm): Body {
  const sources = form.sources.filter((row) => row.url.trim() || row.title.trim()).map(sourceBodyOf);
  const notes = form.notes.trim();
  return {
    attributedBy: {
      kind: form.attributorKind as Body['attributedBy']['kind'],
      name: form.attributorName.trim(),
      country: form.attributorCountry || null,
    },
    attributedOn: form.attributedOn,
    basis: form.basis as Body['basis'],
    actor: {
      name: form.actorName.trim(),
      kind: (form.actorKind || 'threat_actor') as NonNullable<Body['actor']['kind']>,
      aliases: parseAliases(form.aliases, form.actorName),
      sponsorCountry: form.sponsorCountry || null,
    },
    confidence: form.confidence as Body['confidence'],
    sources,
    notes: notes ? notes : null,
  };
}

export function checkAttributionForm(form: AttributionForm): FormProblems {
  const problems: FormProblems = {};
  if (!form.attributorKind) problems.attributorKind = 'required';
  if (!form.attributorName.trim()) problems.attributorName = 'required';
  if (!form.attributedOn) problems.attributedOn = 'required';
  if (!form.basis) problems.basis = 'required';
  if (!form.actorName.trim()) problems.actorName = 'required';
  if (!form.confidence) problems.confidence = 'required';
  checkSourceRows(form.sources, 'sources', problems);
  if (!form.sources.some((row) => row.url.trim() || row.title.trim())) problems['sources.0.url'] = 'required';
  return problems;
}

import { benchmarkThroughput } from './throughput.ts';

/**
 * `npm run bench`: every figure is a median over several runs, and throughput is a ratio to a bare
 * Fastify route serving the same bytes, measured in the same run, so a noisy machine cancels out.
 */
const format = (n: number) => n.toFixed(0).padStart(7);
const only = process.argv[2];

if (!only || only === 'throughput') {
  const figures = await benchmarkThroughput();
  process.stdout.write('\nRead throughput (requests/s, autocannon, 20 connections)\n');
  for (const [name, target, data] of [
    ['GET /api/v1/reference/countries', 0.6, figures.reference],
    ['GET /api/v1/organizations (10,000 orgs, signed in)', 0.3, figures.organizations],
  ] as const) {
    process.stdout.write(`  ${name}\n`);
    data.app.forEach((app, i) => {
      process.stdout.write(
        `    run ${i + 1}: app ${format(app)}  bare ${format(data.bare[i]!)}  ratio ${data.ratios[i]!.toFixed(2)}\n`,
      );
    });
    const verdict = data.medianRatio >= target ? 'meets' : 'MISSES';
    process.stdout.write(
      `    median ratio ${data.medianRatio.toFixed(2)} (target >= ${target}: ${verdict})\n`,
    );
  }
}

if (!only || only === 'delivery') {
  const { benchmarkDeliveryLatency, printDeliveryFigures } = await import('./delivery.ts');
  printDeliveryFigures(await benchmarkDeliveryLatency());
}
if (!only || only === 'participation') {
  const { benchmarkParticipation, printParticipationFigures } = await import('./participation.ts');
  printParticipationFigures(await benchmarkParticipation());
}

if (!only || only === 'assistance') {
  const { benchmarkAssistance, printAssistanceFigures } = await import('./assistance.ts');
  printAssistanceFigures(await benchmarkAssistance());
}
if (!only || only === 'exercises') {
  const { benchmarkExercises, printExercisesFigures } = await import('./exercises.ts');
  printExercisesFigures(await benchmarkExercises());
}

if (!only || only === 'incidents') {
  const { benchmarkIncidents, printIncidentFigures } = await import('./incidents.ts');
  printIncidentFigures(await benchmarkIncidents());
}
if (!only || only === 'disclosure') {
  const { benchmarkDisclosure, printDisclosureFigures } = await import('./disclosure.ts');
  printDisclosureFigures(await benchmarkDisclosure());
}
if (!only || only === 'csaf') {
  const { benchmarkCsaf, printCsafFigures } = await import('./csaf.ts');
  printCsafFigures(await benchmarkCsaf());
}

if (only === 'search') {
  const { benchmarkSearch } = await import('./search.ts');
  for (const line of await benchmarkSearch()) process.stdout.write(`${line}\n`);
}
process.exit(0);

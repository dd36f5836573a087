import type { AppContext } from './core/context.ts';
import { MODULES } from './modules/index.ts';

/**
 * Runs every module's scheduled jobs in this process. Jobs are written to be safe when several app
 * processes run them at once, so no leader election is needed.
 */
export function startModuleJobs(ctx: AppContext): { stop(): Promise<void> } {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  for (const module of MODULES) {
    for (const job of module.jobs) {
      let isBusy = false;
      const tick = () => {
        if (isBusy) return;
        isBusy = true;
        const run = job
          .run(ctx)
          .catch((error: unknown) => ctx.log.error({ err: error, job: job.name }, 'scheduled job failed'))
          .finally(() => {
            isBusy = false;
            running.delete(run);
          });
        running.add(run);
      };
      const timer = setInterval(tick, job.intervalMs);
      timer.unref();
      timers.push(timer);
      tick();
    }
  }
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled([...running]);
    },
  };
}

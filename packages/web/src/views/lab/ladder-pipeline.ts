import { ENDPOINTS } from '../../api/endpoints.ts';
import { apiJson } from '../../api/http.ts';
import type { Items, Ladder, Trainer } from '../../api/types.ts';

export interface PipelineStep {
  id: string;
  title: { fr: string; en: string };
}
export interface Pipeline {
  steps: PipelineStep[];
  /** Per module: trainers whose current step is each step (same order as `steps`). */
  modules: { moduleId: string; counts: number[] }[];
  trainers: number;
}

/**
 * Trainers per ladder step per module, from the registry and each trainer's ladder (the API has no pipeline
 * listing; the registry holds tens of trainers, fetched a few at a time).
 */
export async function loadPipeline(token: string): Promise<Pipeline> {
  const { items } = await apiJson<Items<Trainer>>(ENDPOINTS.trainers, { token });
  const internal = items.filter((tr) => tr.kind === 'internal' && tr.active);
  const ladders: Ladder[] = [];
  const queue = [...internal];
  const worker = async () => {
    for (let tr = queue.shift(); tr; tr = queue.shift())
      ladders.push(await apiJson<Ladder>(ENDPOINTS.ladderOf(tr.id), { token }));
  };
  await Promise.all(Array.from({ length: 4 }, worker));

  const steps: PipelineStep[] = [];
  const counts = new Map<string, Map<string, number>>();
  for (const l of ladders)
    for (const m of l.modules) {
      for (const s of m.steps)
        if (!steps.some((x) => x.id === s.id)) steps.push({ id: s.id, title: s.title });
      if (!m.currentStep) continue;
      const perStep = counts.get(m.moduleId) ?? new Map<string, number>();
      perStep.set(m.currentStep, (perStep.get(m.currentStep) ?? 0) + 1);
      counts.set(m.moduleId, perStep);
    }
  return {
    steps,
    trainers: internal.length,
    modules: [...counts]
      .map(([moduleId, perStep]) => ({ moduleId, counts: steps.map((s) => perStep.get(s.id) ?? 0) }))
      .sort((a, b) => a.moduleId.localeCompare(b.moduleId)),
  };
}

/** Paths of the trainer-transfer, evaluation and HR-report routes the views call (functions/routes.ts). */
export const ENDPOINTS = {
  pendingEvaluations: '/me/evaluations/pending',
  submitEvaluation: (sessionId: string) => `/sessions/${sessionId}/evaluation`,
  trainers: '/trainers',
  ladderOf: (trainerId: string) => `/trainers/${encodeURIComponent(trainerId)}/ladder`,
  kpi: '/transfer/kpi',
  forecast: '/transfer/forecast',
  alerts: '/transfer/alerts',
  quality: '/transfer/quality',
  servicesReport: '/reports/services',
  agents: '/reports/agents',
  agent: (learnerId: string) => `/reports/agents/${encodeURIComponent(learnerId)}`,
  exports: '/reports/exports',
} as const;

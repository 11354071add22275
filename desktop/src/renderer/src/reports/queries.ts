import { useQuery } from '@tanstack/react-query';
import type { ReportLang, ReportSubject } from '../api/report.schema.js';
import { useServices } from '../app/services.js';

/** Reports come from the server (they need its order and event data): keys under `server`. */
export const reportKeys = {
  effect: (subject: ReportSubject, id: string) => ['server', 'report', subject, id] as const,
  html: (subject: ReportSubject, id: string, lang: ReportLang) => ['server', 'report-html', subject, id, lang] as const,
  experiment: (campaignId: string) => ['server', 'experiment', campaignId] as const,
};

const noRetryOnClientErrors = (count: number, error: unknown) => count < 2 && !(error instanceof Error && 'status' in error && Number(error.status) >= 400 && Number(error.status) < 500);

export function useEffectReport(subject: ReportSubject, id: string) {
  const { api } = useServices();
  return useQuery({ queryKey: reportKeys.effect(subject, id), queryFn: () => api.effectReport(subject, id), enabled: id !== '', networkMode: 'online', staleTime: 30_000, retry: noRetryOnClientErrors });
}

export function useReportHtml(subject: ReportSubject, id: string, lang: ReportLang) {
  const { api } = useServices();
  return useQuery({ queryKey: reportKeys.html(subject, id, lang), queryFn: () => api.reportDocument(subject, id, 'html', lang), enabled: id !== '', networkMode: 'online', staleTime: 30_000, retry: noRetryOnClientErrors });
}

export function useExperimentResults(campaignId: string, enabled: boolean) {
  const { api } = useServices();
  return useQuery({ queryKey: reportKeys.experiment(campaignId), queryFn: () => api.experimentResults(campaignId), enabled: enabled && campaignId !== '', networkMode: 'online', staleTime: 30_000, retry: noRetryOnClientErrors });
}

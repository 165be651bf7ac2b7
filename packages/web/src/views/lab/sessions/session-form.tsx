import { useEffect, useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import { ApiError } from '../../../api/http.ts';
import type { Session } from '../../../api/types.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import type { FormErrors } from '../../../components/form-errors.ts';
import { Field } from '../../../components/form-field.tsx';
import { useCatalog } from '../../../hooks/use-catalog.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link, navigate } from '../../../router.tsx';
import { ADD_ID, FacilitatorsField } from './facilitators-field.tsx';
import { OverrideChoice, PlaceTimeFields } from './session-form-fields.tsx';
import {
  FIELD_OF_CODE,
  type FormValues,
  facilitatorsOf,
  initialValues,
  instantsOf,
  placeErrors,
  validate,
  withSuggestedEnd,
} from './session-form-model.ts';
import {
  isArchived,
  roomOf,
  SESSIONS_PATH,
  sessionErrors,
  sessionPath,
  trainerName,
  useTrainers,
} from './session-helpers.ts';
import { needsOverride, type StaffingCheck, StaffingFindings, useStaffingCheck } from './staffing.tsx';
import { useTexts } from './texts.ts';

/** Where focus goes after a failed submit: the first field in error, in the form's order. */
const FOCUS_ORDER: [string, () => string | undefined][] = [
  ['moduleId', () => 'session-module'],
  ['siteId', () => 'session-site'],
  ['roomId', () => 'session-room'],
  ['start', () => 'session-start-date'],
  ['startTime', () => 'session-start-time'],
  ['end', () => 'session-end-date'],
  ['endTime', () => 'session-end-time'],
  ['capacity', () => 'session-capacity'],
  ['facilitators', () => document.querySelector<HTMLElement>('.facilitator-row select')?.id ?? ADD_ID],
  ['overrideReason', () => 'session-override-reason'],
  ['form', () => 'session-form-error'],
];

/**
 * Schedule (POST /sessions) or edit (PATCH /sessions/{id} with the version loaded) a session; the staffing is
 * checked as it is typed. Without a certified lead, scheduling needs an explicit, reasoned override.
 */
export function SessionForm(props: {
  session?: Session;
  existingOverride?: StaffingCheck['override'];
  /** Reload the session after a 409 stale version (the form is then rebuilt with its new values). */
  onReload?: () => void;
}) {
  const { t, text } = useI18n();
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const { catalog, moduleTitle } = useCatalog();
  const [trainers] = useTrainers();
  const current = props.session;
  const [v, setV] = useState<FormValues>(() => initialValues(current));
  const [errors, setErrors] = useState<FormErrors>({});
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const module = catalog?.modules.find((m) => m.id === v.moduleId);
  const site = catalog?.sites.find((s) => s.id === v.siteId);
  const room = roomOf(site, v.roomId);
  const { start, end } = instantsOf(v);
  const facilitators = facilitatorsOf(v.rows);
  const staffing = useStaffingCheck({ moduleId: v.moduleId, start, end, facilitators });
  const mustOverride = needsOverride(staffing.result) && !props.existingOverride;
  const nameOf = (id: string) => trainerName(trainers, id);
  const set = (patch: Partial<FormValues>) => setV((cur) => ({ ...cur, ...patch }));
  const setStart = (patch: Partial<FormValues>) =>
    setV((cur) => {
      const next = withSuggestedEnd({ ...cur, ...patch }, module?.durationMinutes);
      return next.endDate || !next.startDate ? next : { ...next, endDate: next.startDate };
    });

  useEffect(() => {
    if (attempt === 0) return;
    const id = FOCUS_ORDER.find(([k]) => errors[k])?.[1]();
    if (id) document.getElementById(id)?.focus();
  }, [attempt]);

  const fail = (found: FormErrors) => {
    setErrors(found);
    setAttempt((a) => a + 1);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setStale(false);
    const found = validate(v, {
      tx,
      ...(room ? { roomCapacity: room.capacity } : {}),
      minCapacity: Math.max(1, current?.enrolledCount ?? 1),
      needsOverride: mustOverride,
    });
    if (Object.keys(found).length > 0 || !start || !end) return fail(found);
    setErrors({});
    setBusy(true);
    const body = {
      start,
      end,
      siteId: v.siteId,
      roomId: v.roomId,
      capacity: Number(v.capacity),
      facilitators,
    };
    try {
      // Checked again now: the debounced check may lag behind the last change of a facilitator.
      const check = await must(
        api.POST('/transfer/staffing-check', { body: { moduleId: v.moduleId, start, end, facilitators } }),
      ).catch(() => staffing.result);
      const overrideNow = needsOverride(check) && !props.existingOverride;
      if (overrideNow && !v.override) return fail({ facilitators: tx.overrideNeeded });
      if (overrideNow && !v.overrideReason.trim()) return fail({ overrideReason: tx.overrideReasonRequired });
      const saved = current
        ? await must(
            api.PATCH('/sessions/{id}', {
              params: { path: { id: current.id } },
              body: { ...body, expectedVersion: current.version },
            }),
          )
        : await must(
            api.POST('/sessions', {
              body: {
                ...body,
                moduleId: v.moduleId,
                ...(overrideNow ? { overrideNoCertifiedLead: true } : {}),
              },
            }),
          );
      let message = current ? tx.saved : tx.created;
      if (overrideNow) {
        // The reason is recorded by its own route; the session exists already if this fails.
        try {
          await must(
            api.PUT('/sessions/{id}/staffing-override', {
              params: { path: { id: saved.id } },
              body: { reason: v.overrideReason.trim() },
            }),
          );
        } catch {
          message = `${message} ${tx.overrideFailed}`;
        }
      }
      announce(message);
      navigate(sessionPath(saved.id));
    } catch (err) {
      const code = err instanceof ApiError ? err.code : '';
      setStale(code === 'stale-version' || code === 'version-mismatch');
      fail(placeErrors(sessionErrors(err, t, tx, FIELD_OF_CODE, nameOf)));
    } finally {
      setBusy(false);
    }
  };

  const modules = (catalog?.modules ?? [])
    .filter((m) => !isArchived(m))
    .sort((a, b) => text(a.title).localeCompare(text(b.title)));
  const sites = (catalog?.sites ?? []).filter((s) => !isArchived(s) || s.id === current?.siteId);

  return (
    <form class="session-form" data-testid="session-form" noValidate onSubmit={submit}>
      {current ? (
        <div class="field">
          <p class="field-static">{tx.moduleOf(moduleTitle(current.moduleId))}</p>
          <p class="field-hint">{tx.moduleFixed}</p>
        </div>
      ) : (
        <Field id="session-module" label={t.module} error={errors.moduleId} required>
          {(c) => (
            <select
              {...c}
              value={v.moduleId}
              onChange={(e) => {
                const m = catalog?.modules.find((x) => x.id === e.currentTarget.value);
                setV((cur) => withSuggestedEnd({ ...cur, moduleId: m?.id ?? '' }, m?.durationMinutes));
              }}
            >
              <option value="">{tx.chooseModule}</option>
              {modules.map((m) => (
                <option key={m.id} value={m.id}>
                  {text(m.title)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <PlaceTimeFields
        v={v}
        set={set}
        setStart={setStart}
        errors={errors}
        sites={sites}
        minCapacity={Math.max(1, current?.enrolledCount ?? 1)}
      />
      <FacilitatorsField
        rows={v.rows}
        onChange={(rows) => set({ rows })}
        trainers={trainers.status === 'ready' ? trainers.data : []}
        moduleId={v.moduleId}
        error={errors.facilitators}
      >
        <StaffingFindings
          state={staffing}
          nameOf={nameOf}
          idleText={tx.staffingWaiting}
          onAdd={(s) => {
            if (v.rows.some((r) => r.trainerId === s.trainerId)) return;
            const key = Date.now();
            set({ rows: [...v.rows, { key, trainerId: s.trainerId, role: s.role }] });
            // The suggestion (and its button) goes away with the next check: focus the new row instead.
            setTimeout(() => document.getElementById(`fac-${key}-trainer`)?.focus(), 0);
          }}
        />
        <OverrideChoice
          v={v}
          set={set}
          errors={errors}
          mustOverride={mustOverride}
          {...(props.existingOverride ? { existing: props.existingOverride } : {})}
        />
      </FacilitatorsField>
      {errors.form && (
        <div class="notice notice-error" role="alert" id="session-form-error" tabIndex={-1}>
          <p>{errors.form}</p>
          {stale && props.onReload && (
            <button type="button" class="btn btn-secondary" onClick={props.onReload}>
              {tx.reloadSession}
            </button>
          )}
        </div>
      )}
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {current ? tx.submitEdit : tx.submitCreate}
        </button>
        <Link to={current ? sessionPath(current.id) : SESSIONS_PATH}>{tx.leaveForm}</Link>
      </div>
    </form>
  );
}

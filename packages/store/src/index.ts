export { type AttendanceChange, writeAttendance } from './attendance-repo.ts';
export { type StoreConfig, storeConfig } from './config.ts';
export { cancelEnrolment } from './enrolment-cancel.ts';
export { type EnrolmentItem, toEnrolmentView } from './enrolment-item.ts';
export {
  enrol,
  findEnrolmentById,
  getEnrolment,
  listSessionEnrolments,
  waitlistOrder,
  waitlistPosition,
} from './enrolment-repo.ts';
export { describeTable } from './gateway.ts';
export { composeKey, type ItemKey, keys, sortableNumber } from './keys.ts';
export {
  type BookingItem,
  type CompletionItem,
  type LearnerState,
  readLearnerState,
} from './learner-items.ts';
export { joinPath } from './path-membership-repo.ts';
export { ensureProfileFromClaims, getProfile, type UserProfileItem } from './profile-repo.ts';
export { storeMetrics } from './retry-policy.ts';
export { getSessionItem, type SessionItem, sessionIndexKeys, toSessionView } from './session-item.ts';
export { type IndexName, TABLE } from './table.ts';

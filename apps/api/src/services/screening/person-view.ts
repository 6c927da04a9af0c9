/**
 * The result page of a lookup: the person's header, and per service the last record, the
 * latest abnormal result still awaiting follow-up, and the eligibility on the day.
 */
import {
  ABNORMAL_RESULTS,
  calendarAge,
  ELIGIBILITY_STATUS_LABELS,
  evaluateEligibility,
  FOLLOW_UP_STATE_LABELS,
  OPEN_FOLLOW_UP,
  SCREENING_RESULT_LABELS,
  SCREENING_SERVICE_INFO,
  SEX_LABELS,
  type Eligibility,
  type EligibilityPerson,
  type EligibilityView,
  type FollowUpState,
  type ScreeningRecordView,
  type ScreeningResult,
  type ScreeningService,
  type ScreeningServiceRow,
} from '@portal/shared';

/** A stored record as the lookup reads it (json_agg of the lookup query). */
export interface StoredRecord {
  service: ScreeningService;
  visitNumber: number | null;
  date: string;
  institutionCode: string;
  institutionName: string | null;
  result: ScreeningResult;
  followUpState: FollowUpState | null;
  referredOn: string | null;
  diagnosedOn: string | null;
  closedOn: string | null;
}

/** 身分證 as shown on screen and paper: the first three and last three characters. */
export const maskNationalId = (nationalId: string) => `${nationalId.slice(0, 3)}****${nationalId.slice(-3)}`;

export function eligibilityView(answer: Eligibility): EligibilityView {
  return { ...answer, serviceLabel: SCREENING_SERVICE_INFO[answer.service].label, statusLabel: ELIGIBILITY_STATUS_LABELS[answer.status] };
}

function recordView(record: StoredRecord): ScreeningRecordView {
  return {
    date: record.date,
    visitNumber: record.visitNumber,
    institution: { code: record.institutionCode, name: record.institutionName },
    result: record.result,
    resultLabel: SCREENING_RESULT_LABELS[record.result],
    abnormal: ABNORMAL_RESULTS.has(record.result),
    followUp: record.followUpState
      ? {
          state: record.followUpState,
          stateLabel: FOLLOW_UP_STATE_LABELS[record.followUpState],
          referredOn: record.referredOn,
          diagnosedOn: record.diagnosedOn,
          closedOn: record.closedOn,
          open: OPEN_FOLLOW_UP.has(record.followUpState),
        }
      : null,
  };
}

/** One row per service, in the order of the rule table's services; records in date order. */
export function serviceRows(person: EligibilityPerson, records: readonly StoredRecord[], today: string): ScreeningServiceRow[] {
  const answers = evaluateEligibility(
    person,
    records.map((record) => ({ service: record.service, date: record.date, visitNumber: record.visitNumber, institutionCode: record.institutionCode })),
    today,
  );
  return answers.map((answer) => {
    const own = records.filter((record) => record.service === answer.service).sort((a, b) => a.date.localeCompare(b.date));
    const last = own.at(-1);
    const open = own.findLast((record) => record.followUpState !== null && OPEN_FOLLOW_UP.has(record.followUpState));
    return {
      service: answer.service,
      serviceLabel: SCREENING_SERVICE_INFO[answer.service].label,
      recordCount: own.length,
      last: last ? recordView(last) : null,
      openFollowUp: open ? recordView(open) : null,
      eligibility: eligibilityView(answer),
    };
  });
}

export function personHeader(nationalId: string, person: EligibilityPerson, today: string) {
  return {
    maskedNationalId: maskNationalId(nationalId),
    birthDate: person.birthDate,
    sex: person.sex,
    sexLabel: SEX_LABELS[person.sex],
    indigenous: person.indigenous,
    calendarAge: calendarAge(person.birthDate, today),
  };
}

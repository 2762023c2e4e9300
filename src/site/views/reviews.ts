// Whether a policy or standard is due for review, judged against the configured "today" (the same
// date the `currency` rule uses), so a badge on the site and a lint warning always agree.
import { daysBetween, endOf } from '../../model/today.ts';

export type ReviewStateName = 'overdue' | 'due-soon' | 'current';

export interface ReviewState {
  state: ReviewStateName;
  /** The review date as written (`YYYY-MM-DD` or `YYYY-MM`). */
  reviewBy: string;
  /** Days from today to the review date: negative once it has passed. */
  days: number;
}

/** How many days ahead a review counts as due soon. */
export const DUE_SOON_DAYS = 60;

/** The review state of a document whose `reviewBy` is a date or a month (a month means its last day). */
export function reviewState(reviewBy: string, today: string, dueSoonDays = DUE_SOON_DAYS): ReviewState {
  const days = daysBetween(today, endOf(reviewBy));
  const state: ReviewStateName = days < 0 ? 'overdue' : days <= dueSoonDays ? 'due-soon' : 'current';
  return { state, reviewBy, days };
}

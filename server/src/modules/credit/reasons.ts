// Internal reason codes the engine records per trade (typed arrays, not strings, so
// that a million trades cost a few megabytes); notes.ts turns them into words.

/** What rules 1-4 made of a trade. */
export const Basis = {
  NotCounted: 0, // rule 1
  NoRating: 1,
  DefaultGoodPending: 2, // seller rated, but T + defaultGoodAfterDays is after asOf
  RatedBeforeCreated: 3, // rule 2, lower bound
  RatedOutsideWindow: 4, // rule 2, review window
  RatedAfterAsOf: 5, // rule 2, asOf
  RatingWithoutTime: 6, // a rating with no time cannot pass rule 2
  Rated: 7,
  DefaultGood: 8, // rule 3
} as const;
export type Basis = (typeof Basis)[keyof typeof Basis];

/** What rules 5-6 took away from a rated trade. */
export const Cut = {
  None: 0,
  SameItem: 1, // rule 5
  MonthlyCap: 2, // rule 6
} as const;
export type Cut = (typeof Cut)[keyof typeof Cut];

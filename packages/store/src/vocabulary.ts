// The workspace's controlled vocabularies that the browser needs as well as the server. Plain
// constants with no imports, exported on their own (`@tulay/store/vocabulary`), so the web app
// can share them without pulling a database driver into its bundle.

/**
 * What can happen to a bill, from introduction to its end. A subset of OpenStates' action
 * classifications, cut to the stages every parliament of the region shares (docs/api.md).
 */
export const BILL_ACTIONS = [
  'introduced',
  'referred_to_committee',
  'committee_report',
  'passed_lower',
  'passed_upper',
  'passed',
  'enacted',
  'vetoed',
  'lapsed',
  'withdrawn',
] as const;
export type BillActionName = (typeof BILL_ACTIONS)[number];

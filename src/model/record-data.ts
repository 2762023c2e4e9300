// The validated frontmatter of each record type, for TypeScript: the site's typed collections and the
// rules' typed records. It cannot be derived from the record-type table (whose names are runtime
// strings), so it is spelled out here, once; tests/model/schemas.test.ts checks the two agree.
import type * as m from '../model/schemas.ts';

export interface RecordData {
  standards: m.Standard;
  policies: m.Policy;
  organisations: m.Organisation;
  systems: m.System;
  providers: m.Provider;
  docs: m.Doc;
  charter: m.Charter;
  stakeholders: m.StakeholderRegister;
  plan: m.Plan;
  status: m.StatusReport;
  evaluations: m.Evaluation;
  changes: m.ChangeRequest;
  signoff: m.Signoff;
  lessons: m.Lessons;
  engagement: m.Engagement;
}

export type RecordTypeName = keyof RecordData;

import { router } from '../../trpc.ts';
import { scimDoctorReportProcedure } from './scim-doctor-report.ts';

/** The IdP connection doctor (issue 17): requests, errors and hints per SCIM key. */
export const scimDoctorRouter = router({
  report: scimDoctorReportProcedure,
});

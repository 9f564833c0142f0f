/** `lianxin audit verify [--county <code>]`: re-computes the hash chains; exit code 1 at the first broken link. */
import { auditedCounties, verifyAuditChain } from '../services/audit/verify-audit.ts';
import { withJobDatabase } from './job-database.ts';

export async function auditVerifyCommand(options: { county?: string; json?: boolean }): Promise<void> {
  const broken = await withJobDatabase(async ({ db }) => {
    const counties = options.county ? [options.county] : await auditedCounties(db);
    let failures = 0;
    for (const county of counties) {
      const report = await verifyAuditChain(db, county);
      if (options.json) console.log(JSON.stringify(report));
      else if (report.ok) {
        const unsealed = report.unsealed
          ? `; ${report.unsealed} not sealed yet (the next write of the county seals them)`
          : '';
        console.log(`${county}: ${report.entries} entries, chain intact${unsealed}`);
      } else {
        console.log(
          `${county}: BROKEN at entry ${report.broken?.seq} (${report.broken?.reason}); ${report.entries} entries before it verify`,
        );
      }
      if (!report.ok) failures += 1;
    }
    if (counties.length === 0 && !options.json) console.log('no audit entries yet');
    return failures;
  });
  if (broken > 0) process.exitCode = 1;
}

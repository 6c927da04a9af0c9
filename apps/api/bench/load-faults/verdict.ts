/**
 * The checks of a load-and-fault run, shared by the full script and the CI test: each broken
 * one is a sentence; none means the run held.
 */
import type { LoadFaultResult } from './harness.js';

export function loadFaultVerdict(result: LoadFaultResult): string[] {
  const problems: string[] = [];
  const postgresWindow = result.windows.find((window) => window.name === 'PostgreSQL restart');
  // While PostgreSQL is down a request that needs it cannot be served: 503, never 500.
  const serverErrors = result.samples.filter((sample) => sample.status >= 500);
  const outsideRestart = serverErrors.filter((sample) => !postgresWindow || sample.at < postgresWindow.from || sample.at >= postgresWindow.to);
  if (outsideRestart.length > 0) problems.push(`${outsideRestart.length} answers of 5xx outside the PostgreSQL restart (${[...new Set(outsideRestart.map((s) => `${s.kind} ${s.status}`))].join(', ')})`);
  const not503 = serverErrors.filter((sample) => sample.status !== 503 && !outsideRestart.includes(sample));
  if (not503.length > 0) problems.push(`${not503.length} answers of 5xx other than 503 during the PostgreSQL restart`);
  for (const crash of result.crashes) problems.push(`${crash.instance} exited by itself (code ${crash.code}, signal ${crash.signal})`);
  const { consistency } = result;
  if (consistency.missing > 0) problems.push(`${consistency.missing} 帳號申請 answered 201 are not in the database`);
  if (consistency.withoutAudit > 0) problems.push(`${consistency.withoutAudit} 帳號申請 answered 201 have no audit row`);
  if (consistency.halfWritten > 0) problems.push(`${consistency.halfWritten} applications are half written`);
  if (consistency.orphanAuditRows > 0) problems.push(`${consistency.orphanAuditRows} audit rows of an application have no account`);
  if (consistency.answered201 === 0) problems.push('no 帳號申請 was answered 201');
  for (const window of result.summary.byWindow) {
    if (window.otherInstance && (window.otherInstance['5xx'] > 0 || window.otherInstance.connectionErrors > 0)) {
      problems.push(`the instance not killed failed ${window.otherInstance['5xx'] + window.otherInstance.connectionErrors} requests during "${window.window}"`);
    }
    if (window.window.startsWith('after:') && window.requests > 0 && window.perSecond === 0) problems.push(`nothing answered during "${window.window}"`);
  }
  if (result.windows.some((window) => window.name === 'Redis down')) {
    if (result.redisFailureLogLines === 0) problems.push('Redis was down but no instance logged it');
    if (!result.redisKeysAtEnd) problems.push('the throttles did not write to Redis again once it was back');
  }
  if (result.readiness && !result.readiness.sawNotReady) problems.push('/readyz never reported PostgreSQL down');
  if (result.readiness && !result.readiness.recoveredWithoutRestart) problems.push('an instance did not become ready again after PostgreSQL restarted');
  return problems;
}

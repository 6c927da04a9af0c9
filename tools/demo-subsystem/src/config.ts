import type { DemoSubsystemOptions } from './app.js';

/**
 * The subsystem's settings from the environment:
 *   DEMO_SUBSYSTEM_ISSUER         the portal's issuer (default http://localhost:3000/oidc)
 *   DEMO_SUBSYSTEM_CLIENT_ID      its client id at the portal (default adult-preventive)
 *   DEMO_SUBSYSTEM_CLIENT_SECRET  its client secret (required)
 *   DEMO_SUBSYSTEM_URL            where it is reached (default http://localhost:3001)
 *   DEMO_SUBSYSTEM_NAME           the name it shows (default 成人預防保健)
 */
export function demoSubsystemOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DemoSubsystemOptions {
  const clientSecret = env.DEMO_SUBSYSTEM_CLIENT_SECRET;
  if (!clientSecret) throw new Error('DEMO_SUBSYSTEM_CLIENT_SECRET is required: the client secret the portal issued for this subsystem.');
  const issuer = new URL(env.DEMO_SUBSYSTEM_ISSUER ?? 'http://localhost:3000/oidc');
  return {
    issuer,
    clientId: env.DEMO_SUBSYSTEM_CLIENT_ID ?? 'adult-preventive',
    clientSecret,
    baseUrl: new URL(env.DEMO_SUBSYSTEM_URL ?? 'http://localhost:3001'),
    portalUrl: new URL('/account', issuer.origin),
    subsystemName: env.DEMO_SUBSYSTEM_NAME ?? '成人預防保健',
  };
}

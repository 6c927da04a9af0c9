import type { PrismaClient } from '@portal/db';
import type { SecretBox } from './secret-box.js';

/**
 * The embedded demo: tools/demo-subsystem registered as the 成人預防保健 client, so that a person
 * can log in at the portal, press 進入系統 and land in it. Its secret comes from the environment
 * (start-embedded generates one per DATA_DIR); the paths are the demo subsystem's own.
 */
export const DEMO_SUBSYSTEM_CODE = 'adult-preventive';

export async function registerDemoSubsystem(prisma: PrismaClient, box: SecretBox, demo: { url: string; secret: string }): Promise<void> {
  const base = demo.url.replace(/\/+$/, '');
  const subsystem = await prisma.subsystem.findUnique({ where: { code: DEMO_SUBSYSTEM_CODE }, select: { id: true } });
  if (!subsystem) return;
  const settings = {
    redirectUris: [`${base}/callback`],
    postLogoutRedirectUris: [`${base}/logged-out`],
    backchannelLogoutUri: `${base}/backchannel-logout`,
    tokenEndpointAuthMethod: 'client_secret_basic',
    jwks: undefined,
    idTokenSignedResponseAlg: 'RS256',
    allowRefreshToken: false,
    clientCredentialsScopes: [],
    secretCipher: box.seal(demo.secret),
    secretRotatedAt: new Date(),
    active: true,
  };
  await prisma.$transaction([
    prisma.oidcClient.upsert({ where: { subsystemId: subsystem.id }, create: { subsystemId: subsystem.id, clientId: DEMO_SUBSYSTEM_CODE, ...settings }, update: settings }),
    // 進入系統 opens the subsystem's own login start.
    prisma.subsystem.update({ where: { id: subsystem.id }, data: { url: `${base}/login` } }),
  ]);
}

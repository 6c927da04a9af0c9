import { describe, expect, it } from 'vitest';
import { CreateOidcClientRequestSchema, isAllowedClientUri, OIDC_CLIENT_MESSAGES, UpdateOidcClientRequestSchema } from '../../src/schemas/sso.js';

const fieldMessages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('client URIs', () => {
  it.each([
    ['https://adult.example.gov.tw/cb', true],
    ['http://localhost:4000/cb', true],
    ['http://127.0.0.1:4000/cb', true],
    ['http://adult.example.gov.tw/cb', false],
    ['https://adult.example.gov.tw/cb#x', false],
    ['https://user:pw@adult.example.gov.tw/cb', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (uri, allowed) => expect(isAllowedClientUri(uri)).toBe(allowed));
});

describe('CreateOidcClientRequestSchema', () => {
  it('fills the defaults of a secret client', () => {
    expect(CreateOidcClientRequestSchema.parse({ redirectUris: ['https://a.example/cb'] })).toEqual({
      redirectUris: ['https://a.example/cb'],
      postLogoutRedirectUris: [],
      backchannelLogoutUri: null,
      tokenEndpointAuthMethod: 'client_secret_basic',
      jwks: null,
      idTokenSignedResponseAlg: 'RS256',
      allowRefreshToken: true,
      clientCredentialsScopes: [],
    });
  });

  it('refuses no redirect URI, duplicates and unknown fields with zh-TW messages', () => {
    expect(fieldMessages(CreateOidcClientRequestSchema.safeParse({ redirectUris: [] }))).toEqual({ redirectUris: OIDC_CLIENT_MESSAGES.redirectUrisRequired });
    expect(fieldMessages(CreateOidcClientRequestSchema.safeParse({ redirectUris: ['https://a.example/cb', 'https://a.example/cb'] }))).toEqual({
      redirectUris: OIDC_CLIENT_MESSAGES.uriDuplicate,
    });
    expect(CreateOidcClientRequestSchema.safeParse({ redirectUris: ['https://a.example/cb'], clientSecret: 'x' }).success).toBe(false);
  });

  it('needs public keys for private_key_jwt and refuses private members', () => {
    const base = { redirectUris: ['https://a.example/cb'], tokenEndpointAuthMethod: 'private_key_jwt' };
    expect(fieldMessages(CreateOidcClientRequestSchema.safeParse(base))).toEqual({ jwks: OIDC_CLIENT_MESSAGES.jwksRequired });
    const publicKey = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' };
    expect(CreateOidcClientRequestSchema.safeParse({ ...base, jwks: { keys: [publicKey] } }).success).toBe(true);
    expect(fieldMessages(CreateOidcClientRequestSchema.safeParse({ ...base, jwks: { keys: [{ ...publicKey, d: 'secret' }] } }))).toEqual({
      jwks: OIDC_CLIENT_MESSAGES.jwksInvalid,
    });
  });

  it('takes only the known client-credentials scopes', () => {
    expect(CreateOidcClientRequestSchema.safeParse({ redirectUris: ['https://a.example/cb'], clientCredentialsScopes: ['screening:ingest'] }).success).toBe(true);
    expect(CreateOidcClientRequestSchema.safeParse({ redirectUris: ['https://a.example/cb'], clientCredentialsScopes: ['admin'] }).success).toBe(false);
  });
});

describe('UpdateOidcClientRequestSchema', () => {
  it('keeps absent fields absent', () => {
    expect(UpdateOidcClientRequestSchema.parse({ allowRefreshToken: false })).toEqual({ allowRefreshToken: false });
  });
});

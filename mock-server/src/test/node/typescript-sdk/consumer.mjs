// Authlete's TypeScript SDK, unchanged, against the mock. Every call goes through the SDK, which validates each
// response against Authlete's schemas: any ResponseValidationError (or other surprise) fails the run.
// Usage: AUTHLETE_BASE_URL=http://localhost:8080 AUTHLETE_SERVICE_ID=… AUTHLETE_SERVICE_TOKEN=… node consumer.mjs
import assert from "node:assert/strict";
import { Authlete } from "@authlete/typescript-sdk";

const serverURL = required("AUTHLETE_BASE_URL");
const serviceId = required("AUTHLETE_SERVICE_ID");
const authlete = new Authlete({ serverURL, bearer: required("AUTHLETE_SERVICE_TOKEN") });
const REDIRECT_URI = "https://client.example.com/callback";
const SUBJECT = "alice";
const differences = [];
let passed = 0;

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
}

async function step(name, body) {
  try {
    const result = await body();
    passed++;
    console.log(`ok   ${name}`);
    return result;
  } catch (e) {
    console.log(`FAIL ${name}: ${e.name}: ${e.message}`);
    if (e.cause) console.log(`     cause: ${e.cause}`);
    if (e.rawValue !== undefined) console.log(`     response: ${JSON.stringify(e.rawValue).slice(0, 2000)}`);
    throw e;
  }
}

// The npm release 0.0.3-beta accepts only 200 from client/create; Authlete's published spec and the SDK's current
// source accept 200 and 201, and the mock answers 201. Recorded as a difference, never hidden: any other error fails.
async function createClient(name) {
  const client = { clientName: name, clientType: "CONFIDENTIAL", redirectUris: [REDIRECT_URI],
    grantTypes: ["AUTHORIZATION_CODE", "REFRESH_TOKEN"], responseTypes: ["CODE"] };
  try {
    return await authlete.client.create({ serviceId, client });
  } catch (e) {
    if (e.statusCode !== 201) throw e;
    const created = JSON.parse(e.body);
    recordDifference("client/create answered HTTP 201 (Authlete's published spec); SDK 0.0.3-beta expects only 200");
    // the same body, validated by the SDK's own schema through client/get below
    return created;
  }
}

function recordDifference(text) {
  if (!differences.includes(text)) differences.push(text);
}

function param(url, name) {
  return new URL(url).searchParams.get(name);
}

async function codeFlow(client) {
  const authorization = await authlete.authorization.processRequest({ serviceId, authorizationRequest: {
    parameters: new URLSearchParams({ response_type: "code", client_id: String(client.clientId), redirect_uri: REDIRECT_URI,
      scope: "openid", state: "s1", nonce: "n1" }).toString() } });
  assert.equal(authorization.action, "INTERACTION", authorization.resultMessage);
  const issued = await authlete.authorization.issue({ serviceId, authorizationIssueRequest: {
    ticket: authorization.ticket, subject: SUBJECT } });
  assert.equal(issued.action, "LOCATION", issued.resultMessage);
  assert.equal(param(issued.responseContent, "code"), issued.authorizationCode);
  const token = await authlete.token.process({ serviceId, tokenRequest: {
    parameters: new URLSearchParams({ grant_type: "authorization_code", code: issued.authorizationCode, redirect_uri: REDIRECT_URI }).toString(),
    clientId: String(client.clientId), clientSecret: client.clientSecret } });
  assert.equal(token.action, "OK", token.resultMessage);
  assert.ok(token.accessToken && token.refreshToken && token.idToken);
  return token;
}

async function refresh(client, refreshToken) {
  return authlete.token.process({ serviceId, tokenRequest: {
    parameters: `grant_type=refresh_token&refresh_token=${encodeURIComponent(refreshToken)}`,
    clientId: String(client.clientId), clientSecret: client.clientSecret } });
}

async function main() {
  const service = await step("service get", async () => {
    const s = await authlete.service.get({ serviceId });
    assert.equal(String(s.apiKey), serviceId);
    return s;
  });
  assert.ok(service);

  // Identifiers must survive a JavaScript number: 20 fresh clients, each found again by the ID the SDK parsed.
  const clients = await step("client create (x20) and get each by its parsed ID", async () => {
    const made = [];
    for (let i = 0; i < 20; i++) {
      const created = await createClient(`ts-sdk-${i}`);
      assert.ok(Number.isSafeInteger(created.clientId), `client ID ${created.clientId} is not a safe integer`);
      const fetched = await authlete.client.get({ serviceId, clientId: String(created.clientId) });
      assert.equal(fetched.clientId, created.clientId);
      made.push(fetched);
    }
    return made;
  });
  const client = clients[0];

  await step("client list", async () => {
    const list = await authlete.client.list({ serviceId, start: 0, end: 100 });
    const ids = (list.clients ?? []).map(c => c.clientId);
    for (const c of clients) assert.ok(ids.includes(c.clientId), `client ${c.clientId} is listed`);
  });

  const tokens = await step("code flow: authorization, issue, token", () => codeFlow(client));

  await step("introspection", async () => {
    const r = await authlete.introspection.process({ serviceId, introspectionRequest: { token: tokens.accessToken } });
    assert.equal(r.action, "OK", r.resultMessage);
    assert.equal(r.subject, SUBJECT);
    const std = await authlete.introspection.standardProcess({ serviceId, standardIntrospectionRequest: {
      parameters: `token=${encodeURIComponent(tokens.accessToken)}` } });
    assert.equal(std.action, "OK", std.resultMessage);
    assert.equal(JSON.parse(std.responseContent).active, true);
  });

  await step("userinfo and userinfo issue", async () => {
    const r = await authlete.userinfo.process({ serviceId, userinfoRequest: { token: tokens.accessToken } });
    assert.equal(r.action, "OK", r.resultMessage);
    assert.equal(r.subject, SUBJECT);
    const issued = await authlete.userinfo.issue({ serviceId, userinfoIssueRequest: {
      token: tokens.accessToken, claims: JSON.stringify({ name: "Alice" }) } });
    assert.equal(issued.action, "JSON", issued.resultMessage);
    assert.equal(JSON.parse(issued.responseContent).sub, SUBJECT);
  });

  await step("token management: list, create, update, revoke, delete", async () => {
    const listed = await authlete.token.management.list({ serviceId, clientIdentifier: String(client.clientId), subject: SUBJECT });
    assert.equal(listed.totalCount, 1);
    const created = await authlete.token.management.create({ serviceId, tokenCreateRequest: {
      grantType: "AUTHORIZATION_CODE", clientId: client.clientId, subject: SUBJECT, scopes: ["openid"] } });
    assert.equal(created.action, "OK", created.resultMessage);
    const updated = await authlete.token.management.update({ serviceId, tokenUpdateRequest: {
      accessToken: created.accessToken, scopes: ["openid"] } });
    assert.equal(updated.action, "OK", updated.resultMessage);
    await authlete.token.management.delete({ serviceId, accessTokenIdentifier: created.accessToken });
    const gone = await authlete.introspection.process({ serviceId, introspectionRequest: { token: created.accessToken } });
    assert.equal(gone.action, "UNAUTHORIZED");
    const other = await authlete.token.management.create({ serviceId, tokenCreateRequest: {
      grantType: "CLIENT_CREDENTIALS", clientId: clients[1].clientId, scopes: [] } });
    assert.equal(other.action, "OK", other.resultMessage);
    const revoked = await authlete.token.management.revoke({ serviceId, tokenRevokeRequest: { clientIdentifier: String(clients[1].clientId) } });
    assert.equal(revoked.count, 1);
  });

  await step("revocation takes the whole pair: introspection, token list and refresh agree", async () => {
    const r = await authlete.revocation.process({ serviceId, revocationRequest: {
      parameters: `token=${encodeURIComponent(tokens.accessToken)}`, clientId: String(client.clientId), clientSecret: client.clientSecret } });
    assert.equal(r.action, "OK", r.resultMessage);
    const introspected = await authlete.introspection.process({ serviceId, introspectionRequest: { token: tokens.accessToken } });
    assert.equal(introspected.action, "UNAUTHORIZED");
    const listed = await authlete.token.management.list({ serviceId, clientIdentifier: String(client.clientId), subject: SUBJECT });
    assert.equal(listed.totalCount, 0);
    const refreshed = await refresh(client, tokens.refreshToken);
    assert.equal(refreshed.action, "BAD_REQUEST");
    assert.equal(JSON.parse(refreshed.responseContent).error, "invalid_grant");
  });

  await step("client delete", async () => {
    for (const c of clients) await authlete.client.delete({ serviceId, clientId: String(c.clientId) });
    await assert.rejects(authlete.client.get({ serviceId, clientId: String(client.clientId) }), e => e.statusCode === 404);
  });
}

try {
  await main();
  for (const d of differences) console.log(`difference: ${d}`);
  console.log(`typescript-sdk consumer: all ${passed} steps ok`);
} catch (e) {
  for (const d of differences) console.log(`difference: ${d}`);
  console.log(`typescript-sdk consumer: ${passed} steps ok, then one failed`);
  process.exit(1);
}

/**
 * Keycloak, the real SAML IdP of the SSO browser tests (`scripts/services.sh start test` runs
 * it on 8480 + PROVISIO_PORT_OFFSET, or set KEYCLOAK_URL). Each test makes its own realm, SAML
 * client and users through the admin REST API, then reads the realm's metadata (a new realm
 * has a new signing key, so metadata is read after set-up).
 */
export const KEYCLOAK_URL =
  process.env['KEYCLOAK_URL'] ?? `http://127.0.0.1:${8480 + Number(process.env['PROVISIO_PORT_OFFSET'] ?? 0)}`;

async function call(
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  form?: URLSearchParams,
): Promise<Response> {
  const res = await fetch(`${KEYCLOAK_URL}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : form ? { body: form } : {}),
  });
  if (!res.ok) throw new Error(`Keycloak ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return res;
}

/** True when Keycloak answers (the test says so plainly when it does not). */
export async function keycloakIsUp(): Promise<boolean> {
  return fetch(`${KEYCLOAK_URL}/realms/master`).then(
    (r) => r.ok,
    () => false,
  );
}

export type KeycloakUser = { username: string; email: string; firstName: string; lastName: string; password: string };

/** An admin token (the bootstrap admin services.sh creates); a fresh one per step, as they live 60 s. */
async function adminToken(): Promise<string> {
  const form = new URLSearchParams({
    grant_type: 'password',
    client_id: 'admin-cli',
    username: 'admin',
    password: 'admin',
  });
  const res = await call(null, 'POST', '/realms/master/protocol/openid-connect/token', undefined, form);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A user property as a SAML attribute of the same name (the attribute mapping test reads them). */
const propertyAttribute = (property: 'firstName' | 'lastName') => ({
  name: property,
  protocol: 'saml',
  protocolMapper: 'saml-user-property-mapper',
  config: { 'user.attribute': property, 'attribute.name': property, 'attribute.nameformat': 'Basic' },
});

/**
 * A realm with one SAML client for our SP (AuthnRequests signed by `sp.signingCertDer`'s key, signed assertions, email as
 * NameID, `firstName` and `lastName` attributes).
 */
export async function createSamlRealm(realm: string, sp: { entityId: string; acsUrl: string; signingCertDer: string }) {
  const token = await adminToken();
  await call(token, 'POST', '/admin/realms', { realm, enabled: true });
  // A fresh token: under load the realm's creation alone can outlast the first one's 60 s.
  await call(await adminToken(), 'POST', `/admin/realms/${realm}/clients`, {
    clientId: sp.entityId,
    protocol: 'saml',
    enabled: true,
    redirectUris: [sp.acsUrl],
    frontchannelLogout: false,
    protocolMappers: [propertyAttribute('firstName'), propertyAttribute('lastName')],
    attributes: {
      // "Client signature required": Keycloak refuses an AuthnRequest our key did not sign.
      'saml.client.signature': 'true',
      'saml.signing.certificate': sp.signingCertDer,
      'saml.assertion.signature': 'true',
      'saml.server.signature': 'false',
      saml_force_name_id_format: 'true',
      saml_name_id_format: 'email',
      saml_assertion_consumer_url_post: sp.acsUrl,
    },
  });
  return {
    async addUser(user: KeycloakUser) {
      const { password, ...profile } = user;
      await call(await adminToken(), 'POST', `/admin/realms/${realm}/users`, {
        ...profile,
        enabled: true,
        emailVerified: true,
        credentials: [{ type: 'password', value: password, temporary: false }],
      });
    },
    async metadata(): Promise<string> {
      return (await call(null, 'GET', `/realms/${realm}/protocol/saml/descriptor`)).text();
    },
  };
}

// SPDX-License-Identifier: GPL-3.0-or-later
// Verifies, with the independent npm `jose` library, what our own C++ JOSE code produced in a real
// run: the gateway's token_v2 JWTs (against the authorized_keys JWKs the node trusts) and the
// sandbox node's DPoP proofs (against their embedded JWK, plus htm/htu/ath). Reads the sandbox's
// /__test/state JSON from the file named first; the node's token_v2 audience is the second
// argument. Prints a summary; exits 1 on the first failure.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { importJWK, jwtVerify, EmbeddedJWK, calculateJwkThumbprint, decodeProtectedHeader } from 'jose';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const audience = process.argv[3];
let checked = { token_v2: 0, dpop: 0 };

function fail(message) {
  console.error('jose verification FAILED: ' + message);
  process.exit(1);
}

for (const token of input.token_v2) {
  const header = decodeProtectedHeader(token);
  let verified = false;
  for (const { user, jwk } of input.authorized_keys) {
    if ((await calculateJwkThumbprint(jwk)) !== header.kid) continue;
    const key = await importJWK(jwk, header.alg);
    const { payload } = await jwtVerify(token, key, { issuer: user, audience, algorithms: ['ES256', 'PS512', 'RS512'] });
    if (!payload.sub || !payload.jti || payload.exp - payload.iat > 24 * 3600 || payload.nbf < payload.iat) fail('token_v2 claims ' + JSON.stringify(payload));
    verified = true;
  }
  if (!verified) fail('token_v2 with kid ' + header.kid + ' matches no authorized key');
  checked.token_v2++;
}

for (const { proof, method, url, token } of input.dpop) {
  const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: ['ES256'] });
  const ath = createHash('sha256').update(token).digest('base64url');
  if (payload.htm !== method) fail('DPoP htm ' + payload.htm + ' != ' + method);
  if (payload.htu !== url) fail('DPoP htu ' + payload.htu + ' != ' + url);
  if (payload.ath !== ath) fail('DPoP ath does not match the access token');
  if (!payload.jti || !payload.iat) fail('DPoP proof lacks jti or iat');
  if (protectedHeader.jwk.d) fail('DPoP header leaks a private key');
  checked.dpop++;
}
if (checked.token_v2 === 0 || checked.dpop === 0) fail('nothing to verify: ' + JSON.stringify(checked));
console.log(JSON.stringify({ verified: checked }));

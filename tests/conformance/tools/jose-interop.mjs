// SPDX-License-Identifier: GPL-3.0-or-later
// Cross-implementation proof for our C++ JOSE (OpenSSL EVP) against npm `jose`, both directions:
// reads tokens our code made (file named first: RS256/RS512/PS256/PS512/ES256 JWS and RSA-OAEP +
// A256CBC-HS512 / A128CBC-HS256 JWE, with the keys), verifies and decrypts them; then makes its own
// JWS and JWE (encrypted to our public key) and prints them as one JSON line for the C++ side.
import { readFileSync } from 'node:fs';
import { importJWK, importPKCS8, compactVerify, compactDecrypt, CompactSign, CompactEncrypt, generateKeyPair, exportJWK } from 'jose';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const fail = (m) => { console.error('jose interop FAILED: ' + m); process.exit(1); };
const text = new TextDecoder();

for (const [alg, token] of Object.entries(input.jws)) {
  const key = await importJWK(alg === 'ES256' ? input.ec_public_jwk : input.rsa_public_jwk, alg);
  const { payload, protectedHeader } = await compactVerify(token, key);
  if (protectedHeader.alg !== alg || text.decode(payload) !== input.payload) fail('JWS ' + alg);
}
const rsaPrivate = await importPKCS8(input.rsa_private_pem, 'RSA-OAEP');
for (const [enc, token] of Object.entries(input.jwe)) {
  const { plaintext, protectedHeader } = await compactDecrypt(token, rsaPrivate);
  if (protectedHeader.enc !== enc || text.decode(plaintext) !== input.payload) fail('JWE ' + enc);
}

const out = { payload: 'made by npm jose', jws: {}, jwe: {}, keys: {} };
for (const alg of ['RS256', 'PS512', 'ES256']) {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  out.keys[alg] = await exportJWK(publicKey);
  out.jws[alg] = await new CompactSign(new TextEncoder().encode(out.payload)).setProtectedHeader({ alg, typ: 'JWT' }).sign(privateKey);
}
const ours = await importJWK(input.rsa_public_jwk, 'RSA-OAEP');
for (const enc of ['A256CBC-HS512', 'A128CBC-HS256']) {
  out.jwe[enc] = await new CompactEncrypt(new TextEncoder().encode(out.payload)).setProtectedHeader({ alg: 'RSA-OAEP', enc, cty: 'JWT' }).encrypt(ours);
}
console.log(JSON.stringify({ interop: out }));

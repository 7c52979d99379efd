// SPDX-License-Identifier: GPL-3.0-or-later
// One address for the gateway's "node internal API" that fans out to two Prism proxies, because
// Prism validates against one OpenAPI document and the node's internal API is split over several
// (auth/v2.yaml, discovery/v1.yaml). Usage: node prism-router.mjs AUTH_URL DISCOVERY_URL
// Prints {"port": N} once listening on 127.0.0.1.
import http from 'node:http';

const [authUrl, discoveryUrl] = process.argv.slice(2);
const server = http.createServer((req, res) => {
  const target = req.url.startsWith('/internal/discovery/') ? discoveryUrl : req.url.startsWith('/internal/auth/v2/') ? authUrl : null;
  if (!target) {
    res.writeHead(404, { 'content-type': 'application/problem+json' });
    res.end(JSON.stringify({ title: 'not routed', status: 404, detail: req.url }));
    return;
  }
  const upstream = http.request(target + req.url, { method: req.method, headers: req.headers }, (up) => {
    res.writeHead(up.statusCode, up.headers);
    up.pipe(res);
  });
  upstream.on('error', (e) => {
    res.writeHead(502, { 'content-type': 'application/problem+json' });
    res.end(JSON.stringify({ title: 'prism unreachable', status: 502, detail: String(e) }));
  });
  req.pipe(upstream);
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));

// The baseline of bench:serve: bare node:http answering every request with the same bytes and
// headers that Galley's GET /api/prompts/{name} sends. Run as its own process, like the server.
import fs from "node:fs";
import http from "node:http";

const [port, bodyFile] = [Number(process.argv[2]), process.argv[3]!];
const { body, etag } = JSON.parse(fs.readFileSync(bodyFile, "utf8")) as { body: string; etag: string };
http
  .createServer((req, res) => {
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, { etag });
      return res.end();
    }
    res.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "private, no-cache",
      etag,
      "content-length": String(Buffer.byteLength(body)),
      "x-request-id": "bare",
    });
    res.end(body);
  })
  .listen(port, "127.0.0.1", () => process.send?.("ready"));

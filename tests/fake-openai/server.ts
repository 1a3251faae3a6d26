// A fake OpenAI-compatible server for tests and benchmarks: real HTTP on loopback, the endpoints
// and wire format the `openai` SDK speaks. Behaviour is scripted by the model name:
//   fake-echo            answers "Echo: <last user message>" (default)
//   fake-chunks-N        streams the answer in N chunks (fake-chunks-N-every-M: M ms between chunks)
//   fake-slow            waits 3 s before the first chunk (then streams slowly), or before the whole answer
//   fake-tools           answers with a tool call to the first declared tool
//   fake-json            answers {"echo": "<last user message>"}
//   fake-judge[-N]       answers {"score": N (default 4), "reasoning": "Judged: <last user message, 60 chars>"}
//   fake-401 / fake-429 / fake-500 / fake-404-model   scripted errors (429 carries Retry-After: 7)
//   fake-drop            sends two chunks, then drops the connection
//   fake-filter          finishes with finish_reason "content_filter"
//   fake-delay-N         answers like fake-echo after N ms (eval benchmarks: a model with a fixed latency)
//   fake-flaky-429-every-N   every Nth request for this model is a 429 (Retry-After: 1, retry-after-ms: 100), the rest echo
// Any request needs `Authorization: Bearer test-key` (or whatever `apiKey` the server was started with).
// Azure OpenAI's shape works too: `{endpoint}/openai/deployments/<deployment>/chat/completions` and
// `/openai/models`, with `?api-version=` and an `api-key` header; the deployment name plays the model.
import http from "node:http";
import type { AddressInfo } from "node:net";

type ChatRequest = {
  model: string;
  messages: Array<{ role: string; content?: string | null }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  tools?: Array<{ type: "function"; function: { name: string } }>;
};

export type FakeOpenAI = {
  url: string;
  close: () => Promise<void>;
  requests: ChatRequest[];
  /** performance.now() when each streamed response wrote its first content chunk (for benchmarks in the same process). */
  firstChunkAt: number[];
  /** Method and URL of every request, for tests of how clients address the server. */
  calls: string[];
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function error(
  res: http.ServerResponse,
  status: number,
  message: string,
  type: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify({ error: { message, type, code: type } }));
}

function answerFor(req: ChatRequest): string {
  const lastUser = [...req.messages].reverse().find((m) => m.role === "user")?.content ?? "";
  if (req.model.startsWith("fake-json")) return JSON.stringify({ echo: lastUser });
  const judge = /^fake-judge(?:-(\d+))?$/.exec(req.model);
  if (judge) return JSON.stringify({ score: Number(judge[1] ?? 4), reasoning: `Judged: ${lastUser.slice(0, 60)}` });
  return `Echo: ${lastUser}`;
}

function splitInto(text: string, parts: number): string[] {
  if (parts <= 1) return [text];
  const out: string[] = [];
  for (let i = 0; i < parts; i++)
    out.push(text.slice(Math.floor((i * text.length) / parts), Math.floor(((i + 1) * text.length) / parts)));
  return out;
}

export async function startFakeOpenAI(opts: { apiKey?: string; port?: number } = {}): Promise<FakeOpenAI> {
  const apiKey = opts.apiKey ?? "test-key";
  const requests: ChatRequest[] = [];
  const firstChunkAt: number[] = [];
  const calls: string[] = [];
  const seen = new Map<string, number>();
  const server = http.createServer(async (req, res) => {
    const body = await new Promise<string>((resolve) => {
      let data = "";
      req.on("data", (c) => (data += c));
      req.on("end", () => resolve(data));
    });
    calls.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? "/", "http://fake");
    const azure = url.pathname.startsWith("/openai/");
    const key = azure ? req.headers["api-key"] : req.headers.authorization?.replace(/^Bearer /, "");
    if (key !== apiKey) return error(res, 401, "Incorrect API key provided.", "invalid_api_key");
    if (azure && !url.searchParams.get("api-version")) return error(res, 404, "Resource not found", "404");
    const deployment = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(url.pathname)?.[1];
    if (req.method === "GET" && (url.pathname === "/v1/models" || url.pathname === "/openai/models")) {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(
        JSON.stringify({
          object: "list",
          data: ["fake-echo", "fake-chunks-20", "fake-slow", "fake-tools", "fake-json"].map((id) => ({
            id,
            object: "model",
            created: 0,
            owned_by: "galley-tests",
          })),
        }),
      );
    }
    if (req.method !== "POST" || (url.pathname !== "/v1/chat/completions" && !deployment))
      return error(res, 404, `No route ${req.method} ${req.url}`, "not_found");
    const chat = JSON.parse(body) as ChatRequest;
    if (deployment) chat.model = decodeURIComponent(deployment);
    requests.push(chat);
    const model = chat.model;
    if (model === "fake-401") return error(res, 401, "Incorrect API key provided: sk-...abcd.", "invalid_api_key");
    if (model === "fake-429")
      return error(res, 429, "Rate limit reached for requests.", "rate_limit_exceeded", { "retry-after": "7" });
    const flaky = /^fake-flaky-429-every-(\d+)$/.exec(model);
    if (flaky) {
      const n = (seen.get(model) ?? 0) + 1;
      seen.set(model, n);
      if (n % Number(flaky[1]) === 0)
        return error(res, 429, "Rate limit reached for requests.", "rate_limit_exceeded", {
          "retry-after": "1",
          "retry-after-ms": "100",
        });
    }
    if (model === "fake-500")
      return error(res, 500, "The server had an error while processing your request.", "server_error");
    if (model === "fake-404-model")
      return error(
        res,
        404,
        `The model \`${model}\` does not exist or you do not have access to it.`,
        "model_not_found",
      );

    const id = `chatcmpl-${Date.now()}`;
    const created = Math.floor(Date.now() / 1000);
    const promptTokens = chat.messages.reduce((n, m) => n + Math.ceil((m.content ?? "").length / 4), 0);
    const tool = model === "fake-tools" ? chat.tools?.[0]?.function.name : undefined;
    const text = tool ? "" : answerFor(chat);
    const completionTokens = Math.max(1, Math.ceil(text.length / 4));
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    };
    const finish = model === "fake-filter" ? "content_filter" : tool ? "tool_calls" : "stop";
    const toolCall = tool
      ? { id: "call_1", type: "function", function: { name: tool, arguments: JSON.stringify({ query: "echo" }) } }
      : undefined;

    if (!chat.stream) {
      if (model === "fake-slow") await sleep(3000);
      const delay = /^fake-delay-(\d+)$/.exec(model);
      if (delay) await sleep(Number(delay[1]));
      if (res.destroyed) return;
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(
        JSON.stringify({
          id,
          object: "chat.completion",
          created,
          model,
          choices: [
            {
              index: 0,
              message: {
                role: "assistant",
                content: tool ? null : text,
                ...(toolCall ? { tool_calls: [toolCall] } : {}),
              },
              finish_reason: finish,
            },
          ],
          usage,
        }),
      );
    }

    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    const send = (payload: unknown) => res.write(`data: ${JSON.stringify(payload)}\n\n`);
    const chunk = (delta: Record<string, unknown>, finish_reason: string | null = null) =>
      send({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason }] });
    const paced = /^fake-chunks-(\d+)(?:-every-(\d+))?$/.exec(model);
    const parts = paced ? Number(paced[1]) || 1 : model === "fake-drop" ? 4 : 5;
    const every = paced?.[2] !== undefined ? Number(paced[2]) : parts <= 50 ? 5 : 0;
    if (model === "fake-slow") await sleep(3000);
    chunk({ role: "assistant", content: "" });
    if (toolCall) {
      chunk({ tool_calls: [{ index: 0, ...toolCall }] });
    } else {
      const pieces = splitInto(model === "fake-drop" ? `${text} and more that never arrives` : text, parts);
      for (const [i, piece] of pieces.entries()) {
        if (model === "fake-drop" && i === 2) {
          res.socket?.destroy();
          return;
        }
        if (res.destroyed) return;
        chunk({ content: piece });
        if (i === 0) firstChunkAt.push(performance.now());
        if (model === "fake-slow") await sleep(300);
        else if (every > 0) await sleep(every);
      }
    }
    chunk({}, finish);
    if (chat.stream_options?.include_usage)
      send({ id, object: "chat.completion.chunk", created, model, choices: [], usage });
    res.write("data: [DONE]\n\n");
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    firstChunkAt,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// Run directly (`tsx tests/fake-openai/server.ts [port]`) for manual testing and e2e.
if (process.argv[1]?.endsWith("fake-openai/server.ts")) {
  void startFakeOpenAI({ port: Number(process.argv[2] ?? 0) }).then((s) =>
    console.log(`fake OpenAI on ${s.url} (key: test-key)`),
  );
}

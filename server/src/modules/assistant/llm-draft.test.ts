// Reply drafting by an OpenAI-compatible model, against a local fake endpoint: the buyer's
// contact details are masked before anything leaves, the key and model are sent, failures
// are clear, and with no model configured the feature is simply off.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buyerSession, ChatClient, demoShopId, listen } from "../../../test/chat-clients";
import { createTestApp, type TestApp } from "../../../test/test-app";
import { loadConfig } from "../../platform/config";
import { maskPersonalData } from "./llm-draft";

describe("masking before a model sees the chat", () => {
  it("masks phone numbers and street addresses in free text", () => {
    expect(maskPersonalData("电话13812345678，备用 +86 139-1234-5678")).toBe("电话138****5678，备用 139****5678");
    expect(maskPersonalData("寄到浙江省杭州市西湖区文三路100号3栋502室吧")).toBe("寄到浙江省杭州市西湖区****吧");
    expect(maskPersonalData("订单号 2026112400001234 的衣服")).toBe("订单号 2026112400001234 的衣服");
    expect(maskPersonalData("send it to 88 Nanjing Rd, Shanghai please", { address: "88 Nanjing Rd, Shanghai" })).toBe("send it to ****, Shanghai please");
  });
});

describe("LLM settings", () => {
  it("are off by default and need a model name with a URL", () => {
    expect(loadConfig({}).llm).toBeNull();
    expect(loadConfig({ QINDESK_LLM_URL: "http://127.0.0.1:9/v1/", QINDESK_LLM_MODEL: "m" }).llm).toEqual({ url: "http://127.0.0.1:9/v1", model: "m", key: null });
    expect(() => loadConfig({ QINDESK_LLM_URL: "http://127.0.0.1:9/v1" })).toThrow(/QINDESK_LLM_MODEL/);
    expect(() => loadConfig({ QINDESK_LLM_URL: "ftp://x", QINDESK_LLM_MODEL: "m" })).toThrow(/http/);
  });
});

describe("POST /api/v1/assistant/draft", { timeout: 60_000 }, () => {
  let fake: Server;
  let fakeStatus = 200;
  const received: { auth: string | undefined; body: { model: string; messages: { role: string; content: string }[] } }[] = [];
  let withModel: TestApp;
  let without: TestApp;
  let conversationId: string;

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = "";
      req.on("data", (chunk: Buffer) => (data += chunk.toString()));
      req.on("end", () => resolve(data));
    });

  beforeAll(async () => {
    fake = createServer((req, res) => {
      void readBody(req).then((body) => {
        received.push({ auth: req.headers.authorization, body: JSON.parse(body) });
        res.writeHead(fakeStatus, { "content-type": "application/json" });
        res.end(JSON.stringify({ choices: [{ message: { role: "assistant", content: " 亲，有的哦，M码还有货呢～ " } }] }));
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
    const port = (fake.address() as AddressInfo).port;
    withModel = await createTestApp({ llm: { url: `http://127.0.0.1:${port}/v1`, model: "fake-model", key: "sk-test" } });
    without = await createTestApp();
    const base = await listen(withModel);
    const session = await buyerSession(withModel, await demoShopId(withModel));
    const buyer = await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
    conversationId = (await buyer.say("有M码吗？我电话13812345678，寄到浙江省杭州市西湖区文三路100号")).message.conversationId;
    await buyer.close();
  });
  afterAll(async () => {
    await withModel?.close();
    await without?.close();
    await new Promise((resolve) => fake?.close(resolve));
  });

  const draft = async (app: TestApp, id = conversationId) => {
    const agent = await app.signIn("presales@demo.qindesk");
    return app.qindesk.app.inject({ method: "POST", url: "/api/v1/assistant/draft", payload: { conversationId: id }, headers: agent.headers });
  };

  it("drafts through the model with the buyer's contact details masked", async () => {
    const res = await draft(withModel);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ text: "亲，有的哦，M码还有货呢～" });
    const sent = received.at(-1)!;
    expect(sent.auth).toBe("Bearer sk-test");
    expect(sent.body.model).toBe("fake-model");
    const everything = JSON.stringify(sent.body.messages);
    expect(everything).toContain("138****5678");
    expect(everything).not.toContain("13812345678");
    expect(everything).not.toContain("文三路100号");
    expect(sent.body.messages[0]!.role).toBe("system");
    expect(sent.body.messages.at(-1)).toMatchObject({ role: "user" });
  });

  it("says clearly when the model fails, and when drafting is off", async () => {
    fakeStatus = 500;
    const failed = await draft(withModel);
    fakeStatus = 200;
    expect(failed.statusCode).toBe(502);
    expect(failed.json<{ error: { message: string } }>().error.message).toBe("No draft: the model answered 500");
    expect(failed.body).not.toContain("sk-test");

    const agent = await without.signIn("presales@demo.qindesk");
    expect((await without.qindesk.app.inject({ url: "/api/v1/assistant/settings", headers: agent.headers })).json()).toEqual({ llmDrafts: false });
    const off = await without.qindesk.app.inject({ method: "POST", url: "/api/v1/assistant/draft", payload: { conversationId: "conv_x" }, headers: agent.headers });
    expect(off.statusCode).toBe(404);
  });

  it("only for conversations the agent can see", async () => {
    const aftersales = await withModel.signIn("aftersales@demo.qindesk");
    const res = await withModel.qindesk.app.inject({ method: "POST", url: "/api/v1/assistant/draft", payload: { conversationId }, headers: aftersales.headers });
    expect(res.statusCode).toBe(404);
  });
});

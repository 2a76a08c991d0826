import { describe, expect, it } from "vitest";
import { checkImageDataUrl } from "./image-check";

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString("base64");
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString("base64");
const html = Buffer.from("<html><script>alert(1)</script></html>").toString("base64");

describe("image uploads", () => {
  it("accepts an image whose bytes match its type", () => {
    expect(checkImageDataUrl(`data:image/png;base64,${png}`, 1000)).toEqual({ ok: true, bytes: 12 });
  });
  it("refuses SVG outright and HTML or SVG dressed up as PNG", () => {
    expect(checkImageDataUrl(`data:image/svg+xml;base64,${svg}`, 1000)).toEqual({ ok: false, reason: "format" });
    expect(checkImageDataUrl(`data:image/png;base64,${svg}`, 1000)).toEqual({ ok: false, reason: "content" });
    expect(checkImageDataUrl(`data:image/jpeg;base64,${html}`, 1000)).toEqual({ ok: false, reason: "content" });
    expect(checkImageDataUrl(`data:text/html;base64,${html}`, 1000)).toEqual({ ok: false, reason: "format" });
  });
  it("refuses images over the size limit", () => {
    expect(checkImageDataUrl(`data:image/png;base64,${png}`, 5)).toEqual({ ok: false, reason: "size" });
  });
});

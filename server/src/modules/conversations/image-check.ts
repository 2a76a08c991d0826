// Images arrive as data: URLs. The declared type is not trusted: the bytes must start
// with the signature of a PNG, JPEG, GIF or WebP, so an SVG or HTML file renamed as an
// image is refused (it could carry script if it were ever served inline).
const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  png: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  jpeg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  gif: (b) => b.subarray(0, 6).toString("latin1") === "GIF87a" || b.subarray(0, 6).toString("latin1") === "GIF89a",
  webp: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
};

export type ImageCheck = { ok: true; bytes: number } | { ok: false; reason: "format" | "content" | "size" };

export function checkImageDataUrl(url: string, maxBytes: number): ImageCheck {
  const match = /^data:image\/(png|jpeg|gif|webp);base64,([A-Za-z0-9+/]+={0,2})$/.exec(url);
  if (!match) return { ok: false, reason: "format" };
  const bytes = Math.floor((match[2]!.length * 3) / 4);
  if (bytes > maxBytes) return { ok: false, reason: "size" };
  const head = Buffer.from(match[2]!.slice(0, 24), "base64");
  return SIGNATURES[match[1]!]!(head) ? { ok: true, bytes } : { ok: false, reason: "content" };
}

// Turns a picked photo into a data: URL small enough to send: phone photos are often 4–10 MB,
// so they are scaled down on a canvas and re-encoded as JPEG until they fit the 2 MB limit.
import { MAX_IMAGE_BYTES } from "./limits";

/** Longest side and JPEG quality to try, from sharpest to smallest. */
const ATTEMPTS: ReadonlyArray<readonly [number, number]> = [
  [1600, 0.85],
  [1280, 0.8],
  [1024, 0.72],
  [800, 0.65],
  [640, 0.6],
];

function loadImage(file: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      resolve(image);
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error("unreadable image"));
    };
    image.src = url;
  });
}

export type ImageResult = { ok: true; dataUrl: string } | { ok: false; reason: "unreadable" | "too_large" };

export async function imageToDataUrl(file: Blob): Promise<ImageResult> {
  if (!file.type.startsWith("image/")) return { ok: false, reason: "unreadable" };
  let image: HTMLImageElement;
  try {
    image = await loadImage(file);
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d");
  if (!context || !image.naturalWidth || !image.naturalHeight) return { ok: false, reason: "unreadable" };
  for (const [longest, quality] of ATTEMPTS) {
    const scale = Math.min(1, longest / Math.max(image.naturalWidth, image.naturalHeight));
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    // JPEG has no transparency: paint white under PNG screenshots instead of black.
    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const dataUrl = canvas.toDataURL("image/jpeg", quality);
    // Measured as the whole URL string, which is larger than the decoded bytes: it fits
    // whichever way the server counts.
    if (dataUrl.length <= MAX_IMAGE_BYTES) return { ok: true, dataUrl };
  }
  return { ok: false, reason: "too_large" };
}

// Image sources come from buyers: an <img> runs no script, but only our own kinds of URL are shown.
/** Inline raster data (no SVG), our own /uploads paths, and http(s). */
export function safeImageUrl(url: string | null): string | null {
  if (!url) return null;
  if (/^data:image\/(png|jpe?g|gif|webp);base64,/i.test(url)) return url;
  if (url.startsWith("/") && !/^\/[/\\]/.test(url)) return url; // "//x" and "/\x" leave the site
  if (/^https?:\/\//i.test(url)) return url;
  return null;
}

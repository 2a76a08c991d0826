// The shape both buyer-side bundles share (widget.js, storefront.js): one self-contained
// IIFE written into web/dist beside the workbench build, which it must never empty.
import { fileURLToPath } from "node:url";
import { defineConfig, type UserConfig } from "vite";

const root = fileURLToPath(new URL("..", import.meta.url));

export function buyerBundle(entry: string, name: string, fileName: string): UserConfig {
  return defineConfig({
    root,
    // No static assets; without this Vite would copy web/public or similar.
    publicDir: false,
    logLevel: "warn",
    build: {
      outDir: fileURLToPath(new URL("../web/dist", import.meta.url)),
      emptyOutDir: false,
      // Host pages are arbitrary shop sites on phones as well: keep to widely supported syntax.
      target: "es2020",
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        // Shop pages are not always UTF-8 (older Chinese sites serve GBK) and the script
        // inherits the page's charset: an ASCII-only bundle shows 客服 correctly anywhere.
        output: { charset: "ascii" },
      },
      lib: { entry: fileURLToPath(new URL(entry, import.meta.url)), formats: ["iife"], name, fileName: () => fileName },
    },
  });
}

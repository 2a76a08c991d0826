// Build of /storefront.js, the demo storefront's checkout script (product pages only):
// its own small IIFE, so shops embedding the chat widget never download it.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("../web/dist", import.meta.url)),
    emptyOutDir: false,
    target: "es2020",
    minify: true,
    sourcemap: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    rolldownOptions: { output: { charset: "ascii" } },
    lib: {
      entry: fileURLToPath(new URL("./src/storefront/checkout.ts", import.meta.url)),
      formats: ["iife"],
      name: "QinDeskStorefront",
      fileName: () => "storefront.js",
    },
  },
});

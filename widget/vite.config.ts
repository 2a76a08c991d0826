// Library build of the buyer widget: one self-contained IIFE at web/dist/widget.js that a
// shop embeds with a single <script> tag. web/dist also holds the workbench build, so this
// build must never empty the folder; scripts/build-web.mjs runs it after the workbench.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root,
  // The widget has no static assets; without this Vite would copy web/public or similar.
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
    lib: {
      entry: fileURLToPath(new URL("./src/main.ts", import.meta.url)),
      formats: ["iife"],
      name: "QinDeskWidget",
      fileName: () => "widget.js",
    },
  },
});

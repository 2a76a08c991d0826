import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Root is web/ wherever the build is started from (the server builds it at start,
// from any working directory), so every path here is relative to this file.
const root = fileURLToPath(new URL(".", import.meta.url));
const devApi = process.env.QINDESK_DEV_API ?? "http://127.0.0.1:3000";

export default defineConfig({
  root,
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // antd is the bulk of the workbench; it is one cacheable chunk on purpose.
    chunkSizeWarningLimit: 1600,
  },
  server: {
    proxy: {
      "/api": { target: devApi, ws: true, changeOrigin: false },
      "/uploads": { target: devApi },
    },
  },
});

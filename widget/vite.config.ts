// Library build of the buyer widget: one self-contained IIFE at web/dist/widget.js that a
// shop embeds with a single <script> tag; scripts/build-web.mjs runs it after the workbench.
import { buyerBundle } from "./vite.lib";

export default buyerBundle("./src/main.ts", "QinDeskWidget", "widget.js");

// Build of /storefront.js, the demo storefront's checkout script (product pages only):
// its own small bundle, so shops embedding the chat widget never download it.
import { buyerBundle } from "./vite.lib";

export default buyerBundle("./src/storefront/checkout.ts", "QinDeskStorefront", "storefront.js");

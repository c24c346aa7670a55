import { benchCatalog } from "./catalog.js";
import { benchClient } from "./client.js";
import { benchCoalescing } from "./coalescing.js";

await benchClient();
console.log("");
await benchCatalog();
console.log("");
await benchCoalescing();

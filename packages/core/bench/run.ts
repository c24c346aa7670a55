import { benchCatalog } from "./catalog.js";
import { benchClient } from "./client.js";
import { benchCoalescing } from "./coalescing.js";
import { benchSearch } from "./search.js";
import { benchWatches } from "./watches.js";

await benchClient();
console.log("");
await benchCatalog();
console.log("");
await benchCoalescing();
console.log("");
await benchWatches();
console.log("");
await benchSearch();

import { benchCatalog } from "./catalog.js";
import { benchClient } from "./client.js";

await benchClient();
console.log("");
await benchCatalog();

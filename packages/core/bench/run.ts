import { benchClient } from "./client.js";

await benchClient();

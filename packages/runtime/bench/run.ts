import { benchStore } from "./store.js";

await benchStore();

export { TEST_TOKEN, useEmulator } from "@catbot/testkit/emulator";

// The emulator fixture is shared with the runtime's tests; core's tests keep importing it from here.
export { TEST_TOKEN, useEmulator } from "@catbot/testkit/emulator";

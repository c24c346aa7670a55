export type { ChannelMessagesOptions, FakeDiscord } from "./FakeDiscord.js";
export type { SessionInfo } from "./gateway/sessions.js";
export type { ViolationKind } from "./http/ApiFailure.js";
export type { InjectedFailure, RequestMatcher, RequestSummary } from "./http/faults.js";
export type { RecordedFile, RecordedRequest, Violation } from "./http/requestLog.js";
export { CHOICE_LIMITS } from "./limits/choiceLimits.js";
export { COMMAND_LIMITS } from "./limits/commandLimits.js";
export { COMPONENT_LIMITS } from "./limits/componentLimits.js";
export { EMBED_LIMITS } from "./limits/embedLimits.js";
export { MESSAGE_CONTENT_LIMIT } from "./limits/messageLimits.js";
export type { IntegrationOwners, InteractionContextType } from "./installation.js";
export type { FakeDiscordOptions } from "./options.js";
export { startFakeDiscord } from "./server.js";
export type { InteractionHandle } from "./simulate/InteractionHandle.js";
export type {
	AutocompleteInput,
	CommandOptionInput,
	ComponentInput,
	InteractionContextInput,
	RunCommandInput,
	SelectMenuInput,
} from "./simulate/inputs.js";
export type { ApiComponent, ApiEmbed, RecordedMessage } from "./state/apiMessage.js";
export type { RegisteredCommand } from "./state/commands.js";
export type { ChannelInput, FakeChannel, FakeGuild, GuildInput } from "./state/guilds.js";
export type { CallbackRecord, EditRecord } from "./state/interactions.js";
export type { FakeUser } from "./users.js";
export type { WaitErrorReason } from "./WaitError.js";
export { WaitError } from "./WaitError.js";

// Telegram's own wording for the refusals the fake reproduces, without the "Bad Request: " prefix that
// badRequest() adds. Bots match on these strings, so they are copied exactly.

export const MESSAGE_NOT_MODIFIED =
	"message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
export const MESSAGE_TO_EDIT_NOT_FOUND = "message to edit not found";
export const MESSAGE_TO_DELETE_NOT_FOUND = "message to delete not found";
export const MESSAGE_CANT_BE_EDITED = "message can't be edited";
export const MESSAGE_ID_NOT_SPECIFIED = "message identifier is not specified";
export const MESSAGE_TEXT_EMPTY = "message text is empty";
export const MESSAGE_TOO_LONG = "message is too long";
/** What edits (and callback answers) say instead of "message is too long". */
export const MESSAGE_TOO_LONG_CODE = "MESSAGE_TOO_LONG";
export const CAPTION_TOO_LONG = "message caption is too long";
export const NO_TEXT_TO_EDIT = "there is no text in the message to edit";
export const NO_CAPTION_TO_EDIT = "there is no caption in the message to edit";
export const NO_MEDIA_TO_EDIT = "there is no media in the message to edit";
export const CHAT_NOT_FOUND = "chat not found";
export const CHAT_ID_EMPTY = "chat_id is empty";
export const QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid";
export const BUTTON_DATA_INVALID = "BUTTON_DATA_INVALID";
export const TEXT_BUTTONS_UNALLOWED =
	"can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard";
export const REPLY_MARKUP_TOO_LONG = "REPLY_MARKUP_TOO_LONG";
export const WRONG_FILE_ID = "wrong file identifier/HTTP URL specified";
export const WRONG_CHAT_ACTION = "wrong parameter action in request";
export const UNSUPPORTED_PARSE_MODE = "unsupported parse_mode";
export const CANT_PARSE_ENTITIES = "can't parse entities";
export const INLINE_MESSAGES_UNSUPPORTED = "MESSAGE_ID_INVALID";

// answerInlineQuery. The capitalised codes come from Telegram's servers, the sentences from the Bot API.
export const RESULTS_TOO_MUCH = "RESULTS_TOO_MUCH";
export const RESULT_ID_EMPTY = "RESULT_ID_EMPTY";
export const RESULT_ID_INVALID = "RESULT_ID_INVALID";
export const RESULT_ID_DUPLICATE = "RESULT_ID_DUPLICATE";
export const NEXT_OFFSET_INVALID = "NEXT_OFFSET_INVALID";
export const ARTICLE_TITLE_EMPTY = "ARTICLE_TITLE_EMPTY";
export const PHOTO_THUMB_URL_EMPTY = "PHOTO_THUMB_URL_EMPTY";
export const WEBDOCUMENT_URL_INVALID = "WEBDOCUMENT_URL_INVALID";
export const INLINE_MESSAGE_EMPTY = "MESSAGE_EMPTY";
export const INLINE_MEDIA_CAPTION_TOO_LONG = "MEDIA_CAPTION_TOO_LONG";
export const REPLY_MARKUP_INVALID = "REPLY_MARKUP_INVALID";
export const INLINE_RESULT_UNPARSABLE = "can't parse inline query result";
export const INLINE_RESULT_NOT_OBJECT = "inline query result must be an object";
export const START_PARAMETER_EMPTY = "can't use empty start_parameter";
export const START_PARAMETER_TOO_LONG = "too long start_parameter specified";
export const START_PARAMETER_INVALID = "unallowed characters in start_parameter are used";

export const UNAUTHORIZED = "Unauthorized";
export const NOT_FOUND = "Not Found";
export const CONFLICT_WEBHOOK_ACTIVE =
	"Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
export const CONFLICT_OTHER_GET_UPDATES =
	"Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

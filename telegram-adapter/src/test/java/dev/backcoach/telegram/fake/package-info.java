/**
 * A strict fake of the Telegram Bot API for tests: {@link dev.backcoach.telegram.fake.FakeBotApi}.
 *
 * <p>It runs in the test's JVM on {@code 127.0.0.1:<free port>}, answers like {@code
 * api.telegram.org}, and checks every request against the official spec ({@code
 * src/test/resources/specs/telegram-bot-api.json}) and Telegram's documented limits. What the bot
 * did wrong is collected as violations; end a test with {@link
 * dev.backcoach.telegram.fake.FakeBotApi#assertNoViolations()}.
 *
 * <p>What telegrambots 10.2.0 ({@code OkHttpTelegramClient}) actually sends, checked against this
 * fake:
 *
 * <ul>
 *   <li>{@code POST /bot<token>/<method>}; the method segment is whatever {@code getMethod()}
 *       returns, mostly lower case ({@code sendmessage}, {@code getupdates}, {@code
 *       editmessagetext}, {@code answercallbackquery}, {@code getme}) but camel case for some
 *       ({@code setMyCommands}, {@code setWebhook}, {@code deleteWebhook}); Telegram matches method
 *       names case-insensitively, and so does the fake.
 *   <li>JSON bodies ({@code Content-Type: application/json; charset=utf-8}) carry an extra {@code
 *       "method"} key naming the method; {@code chat_id} is a JSON string ({@code "42"}), {@code
 *       message_id} a number, nested objects (reply_markup) are JSON objects; null fields are left
 *       out.
 *   <li>sendDocument, sendPhoto and setWebhook are multipart/form-data. A new file goes as a part
 *       named after the file ({@code name="export.json"; filename="export.json"}, {@code
 *       application/octet-stream}) and the parameter refers to it ({@code
 *       document=attach://export.json}); a file_id is a plain text part. reply_markup is a
 *       JSON-serialized text part, {@code chat_id} a text part, and an empty {@code
 *       caption_entities=[]} (setWebhook: {@code allowed_updates=[]}) is always sent.
 *   <li>The long poller calls deleteWebhook first, then {@code getupdates} with {@code offset}
 *       (starting at 1), {@code limit=100}, {@code timeout=50}, {@code allowed_updates=[]}.
 * </ul>
 */
package dev.backcoach.telegram.fake;

// The Node peer of the webhook benchmark (scripts/bench-telegram-webhook.sh): a grammY bot in webhook
// mode with file sessions that does per update what BackCoach does for the benchmark's mix: /help and
// typed text get one message back, a press of an unknown button gets its callback answered and one
// message. Like BackCoach, the first call of an update rides back in the webhook response
// (canUseWebhookReply); the rest go to the Bot API (here the benchmark's local stand-in).
//
//   BOT_TOKEN  API_ROOT  PORT  WEBHOOK_PATH  WEBHOOK_SECRET  SESSION_DIR
const http = require("node:http");
const { Bot, session, webhookCallback } = require("grammy");
const { FileAdapter } = require("@grammyjs/storage-file");

const env = (name, fallback) => process.env[name] || fallback;
const bot = new Bot(env("BOT_TOKEN", "123456:bench-token"), {
  client: {
    apiRoot: env("API_ROOT", "http://127.0.0.1:18081"),
    canUseWebhookReply: () => true,
  },
});

bot.use(
  session({
    initial: () => ({ step: 0, seen: 0 }),
    storage: new FileAdapter({ dirName: env("SESSION_DIR", "sessions") }),
  }),
);

const menu = {
  reply_markup: {
    inline_keyboard: [[{ text: "Start", callback_data: "a:1:start" }, { text: "Help", callback_data: "/help" }]],
  },
};

bot.command("help", async (ctx) => {
  ctx.session.step = 1;
  ctx.session.seen++;
  await ctx.reply("Here is what I can do: pick a step below, or type what is on your mind.", menu);
});

bot.on("message:text", async (ctx) => {
  ctx.session.step = 2;
  ctx.session.seen++;
  await ctx.reply("Thanks. Pick one of the options below, or type /help to see everything.", menu);
});

bot.on("callback_query:data", async (ctx) => {
  ctx.session.seen++;
  await ctx.answerCallbackQuery();
  await ctx.reply("That button is from an earlier question. Here is where we are now:", menu);
});

bot.catch((err) => console.error("update failed:", err.message));

const port = Number(env("PORT", "18444"));
const path = env("WEBHOOK_PATH", "/telegram");
const handle = webhookCallback(bot, "http", { secretToken: env("WEBHOOK_SECRET", "") });

bot.init().then(() => {
  http
    .createServer((req, res) => {
      if (req.url !== path) {
        res.writeHead(404).end();
      } else if (req.method !== "POST") {
        res.writeHead(405).end();
      } else {
        handle(req, res);
      }
    })
    .listen(port, "127.0.0.1", () => console.log(`grammY bot @${bot.botInfo.username} on ${port}${path}`));
});

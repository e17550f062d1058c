package dev.backcoach.telegram;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.content.Languages;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.description.SetMyDescription;
import org.telegram.telegrambots.meta.api.methods.description.SetMyShortDescription;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * What Telegram shows about the bot before a chat starts: the command menu and the two
 * descriptions, in every language the bot speaks. English is the default (no language code); each
 * other language is set for its {@code language_code}, so a Spanish app shows Spanish descriptions.
 * Command names stay Latin, as Telegram requires.
 */
final class BotProfile {
    private BotProfile() {}

    static void publish(TelegramClient client, Catalogs catalogs, List<String> commands)
            throws TelegramApiException {
        for (String code : catalogs.languages()) {
            Catalog catalog = catalogs.get(code);
            @Nullable String languageCode = code.equals(Languages.ENGLISH) ? null : code;
            client.execute(
                    SetMyCommands.builder()
                            .commands(
                                    commands.stream()
                                            .map(
                                                    name ->
                                                            new BotCommand(
                                                                    name,
                                                                    catalog.text(
                                                                            "command." + name)))
                                            .toList())
                            .languageCode(languageCode)
                            .build());
            client.execute(
                    SetMyDescription.builder()
                            .description(catalog.text("bot.description"))
                            .languageCode(languageCode)
                            .build());
            client.execute(
                    SetMyShortDescription.builder()
                            .shortDescription(catalog.text("bot.short_description"))
                            .languageCode(languageCode)
                            .build());
        }
    }
}

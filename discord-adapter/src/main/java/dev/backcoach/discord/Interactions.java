package dev.backcoach.discord;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.engine.Engine;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.progress.Charts;
import dev.backcoach.core.service.ConversationService;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.EntitySelectInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slash commands, button clicks and autocomplete, taken from JDA's event pool (never the websocket
 * thread). Each interaction is answered within Discord's 3 seconds: the turn runs, and if it is not
 * done {@code ackWithin} after the interaction was created, the interaction is deferred and the
 * answer follows as an edit of the deferred response.
 */
final class Interactions extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(Interactions.class);

    /** Discord's most choices an autocomplete may offer. */
    static final int MAX_CHOICES = 25;

    private final ConversationService service;
    private final Catalogs catalogs;
    private final Responder responder;

    /** Only the zones the engine accepts, so a suggestion is never refused. */
    private final List<String> zones = Engine.timeZones();

    Interactions(
            ConversationService service,
            Catalogs catalogs,
            ScheduledExecutorService timer,
            Duration ackWithin,
            Executor turns,
            Charts charts) {
        this.service = service;
        this.catalogs = catalogs;
        this.responder = new Responder(catalogs, timer, ackWithin, turns, charts);
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        guarded(
                event,
                () -> {
                    Inbound in =
                            new Inbound.Command(
                                    user(event),
                                    chat(event),
                                    eventId(event),
                                    event.getName(),
                                    SlashOptions.argument(event),
                                    event.getUserLocale().getLocale());
                    responder.answer(event, null, () -> service.handle(in).replies());
                });
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        guarded(event, () -> button(event));
    }

    /**
     * Select menus and modals: this bot sends neither, so one comes from an outdated or forged
     * message. The engine answers it as it answers an outdated button, in a new message.
     */
    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        guarded(event, () -> foreign(event, event.getComponentId()));
    }

    @Override
    public void onEntitySelectInteraction(EntitySelectInteractionEvent event) {
        guarded(event, () -> foreign(event, event.getComponentId()));
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        guarded(event, () -> foreign(event, event.getModalId()));
    }

    private void foreign(IReplyCallback event, String raw) {
        Inbound in =
                new Inbound.Choice(
                        user(event),
                        chat(event),
                        eventId(event),
                        raw,
                        event.getUserLocale().getLocale());
        responder.answer(event, null, () -> service.handle(in).replies());
    }

    /**
     * Runs a handler; if it throws (a payload it cannot read), the interaction is reported lost
     * with the reason instead of leaving JDA to log an uncaught exception.
     */
    private static void guarded(Interaction event, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            log.warn(
                    "Discord interaction {} lost: could not be read: {}",
                    event.getId(),
                    e.toString());
        }
    }

    private void button(ButtonInteractionEvent event) {
        String raw = event.getComponentId();
        Optional<CustomId> id = CustomId.decode(raw);
        if (id.isPresent() && !id.get().owner().equals(event.getUser().getId())) {
            // Someone else's conversation: a note only they see, and nothing of the owner's
            // changes.
            event.reply(inClientLanguage(event).text("discord.not_yours"))
                    .setEphemeral(true)
                    .queue(
                            null,
                            failure ->
                                    log.warn(
                                            "Discord interaction {} lost: note to another user's"
                                                    + " click not sent: {}",
                                            event.getId(),
                                            failure.toString()));
            return;
        }
        // Unknown ids go to the engine as they are: it answers them like a stale button.
        Inbound in =
                new Inbound.Choice(
                        user(event),
                        chat(event),
                        eventId(event),
                        id.map(CustomId::data).orElse(raw),
                        event.getUserLocale().getLocale());
        responder.answer(event, event, () -> service.handle(in).replies());
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        guarded(event, () -> autocomplete(event));
    }

    private void autocomplete(CommandAutoCompleteInteractionEvent event) {
        AutoCompleteQuery focused = event.getFocusedOption();
        String typed = focused.getValue().strip().toLowerCase(Locale.ROOT);
        // Titles as the user's client reads them; the engine finds a technique by its title in
        // any language the bot speaks. Suggestions are text: for an option of any other type
        // (never registered so), none.
        Catalog catalog = inClientLanguage(event);
        Stream<Command.Choice> choices =
                focused.getType() != OptionType.STRING
                        ? Stream.empty()
                        : switch (focused.getName()) {
                            case SlashCommands.TECHNIQUE ->
                                    catalog.techniques().stream()
                                            .filter(
                                                    t ->
                                                            t.title()
                                                                            .toLowerCase(
                                                                                    Locale.ROOT)
                                                                            .contains(typed)
                                                                    || t.id().contains(typed))
                                            .map(t -> new Command.Choice(t.title(), t.title()));
                            case SlashCommands.ZONE ->
                                    zones.stream()
                                            .filter(
                                                    z ->
                                                            z.toLowerCase(Locale.ROOT)
                                                                    .contains(
                                                                            typed.replace(
                                                                                    ' ', '_')))
                                            .map(z -> new Command.Choice(z, z));
                            default -> Stream.empty();
                        };
        event.replyChoices(choices.limit(MAX_CHOICES).toList())
                .queue(
                        null,
                        failure ->
                                log.warn(
                                        "Discord interaction {} lost: autocomplete not answered: {}",
                                        event.getId(),
                                        failure.toString()));
    }

    private Catalog inClientLanguage(Interaction event) {
        return catalogs.get(catalogs.resolve(event.getUserLocale().getLocale()));
    }

    private static UserKey user(IReplyCallback event) {
        return new UserKey(Platform.DISCORD, event.getUser().getId());
    }

    /**
     * Replies are ephemeral wherever others could read along, so only the user sees them: the
     * engine may treat every Discord conversation as private, and screening runs in servers too.
     */
    private static ChatRef chat(IReplyCallback event) {
        return ChatRef.privateWith(event.getUser().getId());
    }

    /**
     * Discord re-sends nothing itself, but JDA replays missed events on resume: the id dedupes
     * them.
     */
    private static String eventId(IReplyCallback event) {
        return "dc-" + event.getId();
    }

    static boolean ephemeral(IReplyCallback event) {
        return event.getContext() != InteractionContextType.BOT_DM;
    }
}

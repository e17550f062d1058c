package dev.backcoach.core.faq;

import dev.backcoach.core.content.FaqEntry;

/** What a typed question was taken to be. */
public sealed interface Understood {
    /**
     * A question the FAQ answers. {@code sure} when a phrase of several words, or most of a short
     * message, named it and no other entry as strongly; otherwise the answer is given as a guess
     * that says which question it answers, so that a wrong guess is plain to see.
     */
    record Question(FaqEntry entry, boolean sure) implements Understood {}

    /**
     * Hello, thanks, bye and the like: {@code id} names the kind ({@code hi}, {@code thanks} …).
     */
    record SmallTalk(String id) implements Understood {}

    /** Nothing the bot knows how to answer: better an honest "I don't know" than a wrong answer. */
    record Nothing() implements Understood {}

    Understood NOTHING = new Nothing();
}

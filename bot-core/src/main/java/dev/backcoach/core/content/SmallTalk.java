package dev.backcoach.core.content;

import java.util.List;

/**
 * Hello, thanks, menu, quit, bye: typed words the bot answers kindly without a FAQ entry. The reply
 * is the text {@code smalltalk.<id>}.
 */
public record SmallTalk(String id, List<String> keywords) {
    public SmallTalk {
        keywords = List.copyOf(keywords);
    }
}

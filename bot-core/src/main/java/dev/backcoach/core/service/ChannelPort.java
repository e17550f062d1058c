package dev.backcoach.core.service;

import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.UserKey;
import java.util.List;

/** A platform adapter's outgoing side: renders and sends replies within the platform's limits. */
public interface ChannelPort {
    void deliver(UserKey user, ChatRef chat, List<Reply> replies);
}

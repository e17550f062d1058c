package dev.backcoach.storage.schedule;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.nio.charset.StandardCharsets;

/**
 * Task data is a short string (the chat to answer in), stored as readable UTF-8 instead of Java
 * serialization.
 */
public final class TaskData implements Serializer {
    public TaskData() {}

    @Override
    public byte[] serialize(Object data) {
        return String.valueOf(data).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <T> T deserialize(Class<T> clazz, byte[] serializedData) {
        return clazz.cast(new String(serializedData, StandardCharsets.UTF_8));
    }
}

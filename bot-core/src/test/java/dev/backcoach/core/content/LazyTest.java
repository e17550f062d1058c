package dev.backcoach.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Translations and voices are built once, by whoever needs them first, and never half-built. */
class LazyTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void manyThreadsAskingAtOnceGetOneValueBuiltOnce() throws InterruptedException {
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Lazy<Object> value =
                new Lazy<>(
                        "a value",
                        () -> {
                            builds.incrementAndGet();
                            release.await(); // held until every caller is waiting for it
                            return new Object();
                        });
        List<Object> seen = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> seen.add(value.get()));
            t.start();
            threads.add(t);
        }
        // One builds (waiting on the latch), the seven others wait for its value.
        await().atMost(WAIT)
                .until(() -> threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
        release.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(builds).hasValue(1);
        assertThat(seen).hasSize(8).allSatisfy(v -> assertThat(v).isSameAs(seen.get(0)));
    }

    @Test
    void aFailedBuildIsReportedToEveryCallerWithWhatItWas() {
        Lazy<String> broken =
                new Lazy<>(
                        "the xx catalog",
                        () -> {
                            throw new IllegalStateException("missing texts.help");
                        });
        broken.prepare(); // a background preparer keeps the failure rather than throwing it
        assertThatThrownBy(broken::get)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the xx catalog: missing texts.help");
        assertThatThrownBy(broken::get).hasMessageContaining("missing texts.help");
    }

    @Test
    void anInterruptedCallerStillGetsTheValueAndKeepsItsInterrupt() throws InterruptedException {
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Lazy<String> value =
                new Lazy<>(
                        "a value",
                        () -> {
                            building.countDown();
                            finish.await();
                            return "ready";
                        });
        Thread preparer = new Thread(value::prepare);
        preparer.start();
        building.await();
        AtomicReference<String> got = new AtomicReference<>();
        AtomicBoolean keptInterrupt = new AtomicBoolean();
        Thread caller =
                new Thread(
                        () -> {
                            got.set(value.get());
                            keptInterrupt.set(Thread.currentThread().isInterrupted());
                        });
        caller.start();
        await().atMost(WAIT).until(() -> caller.getState() == Thread.State.WAITING);
        caller.interrupt(); // while it waits for the value being built elsewhere
        finish.countDown();
        caller.join();
        preparer.join();
        assertThat(got).hasValue("ready");
        assertThat(keptInterrupt).isTrue();
    }

    @Test
    void theShippedTranslationsAreReadOnlyWhenAsked() {
        Catalogs catalogs = Catalogs.load();
        assertThat(catalogs.languages()).containsExactly("en", "es", "ru");
        assertThat(catalogs.get("es").text("language.name")).isEqualTo("Español");
        assertThat(catalogs.get("ru").text("language.name")).isEqualTo("Русский");
        catalogs.prepareAll(); // every translation valid against English
    }
}

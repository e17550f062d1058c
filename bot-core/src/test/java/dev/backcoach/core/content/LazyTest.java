package dev.backcoach.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Translations and voices are built once, by whoever needs them first, and never half-built. */
class LazyTest {
    @Test
    void manyThreadsAskingAtOnceGetOneValueBuiltOnce() throws InterruptedException {
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        Lazy<Object> value =
                new Lazy<>(
                        "a value",
                        () -> {
                            builds.incrementAndGet();
                            Thread.sleep(20); // long enough for the others to find it being built
                            return new Object();
                        });
        List<Object> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t =
                    new Thread(
                            () -> {
                                try {
                                    go.await();
                                } catch (InterruptedException e) {
                                    return;
                                }
                                seen.add(value.get());
                            });
            t.start();
            threads.add(t);
        }
        go.countDown();
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
        Thread release =
                new Thread(
                        () -> {
                            try {
                                Thread.sleep(50); // the caller below is waiting by then
                            } catch (InterruptedException e) {
                                return;
                            }
                            finish.countDown();
                        });
        release.start();
        Thread.currentThread().interrupt();
        try {
            assertThat(value.get()).isEqualTo("ready");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
            preparer.join();
            release.join();
        }
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

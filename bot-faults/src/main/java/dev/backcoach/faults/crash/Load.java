package dev.backcoach.faults.crash;

/** A steady rate of updates from users who are not waiting on an answer. */
final class Load {
    private static final long TICK_MILLIS = 50;

    private final Crowd crowd;
    private final Crowd.Delivery delivery;
    private final double perTick;
    private final Thread thread;
    private volatile boolean running = true;

    Load(Crowd crowd, Crowd.Delivery delivery, int perSecond) {
        this.crowd = crowd;
        this.delivery = delivery;
        this.perTick = perSecond * TICK_MILLIS / 1000.0;
        this.thread = new Thread(this::run, "load");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join();
    }

    private void run() {
        double owed = 0;
        while (running) {
            owed = Math.min(owed + perTick, perTick * 20); // a backlog of at most a second
            int whole = (int) owed;
            if (whole > 0) {
                owed -= crowd.send(whole, delivery);
            }
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}

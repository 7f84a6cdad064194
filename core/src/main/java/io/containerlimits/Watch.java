package io.containerlimits;

import java.io.Closeable;

/** A registration of {@link ContainerLimits#watch(LimitsListener)}; {@link #close()} ends it. */
public final class Watch implements Closeable {

    private final Runnable stop;
    private boolean closed;

    /** A registration that {@code stop} ends; for {@code io.containerlimits.watch}. */
    public Watch(Runnable stop) {
        this.stop = stop;
    }

    /** Stops telling the listener; idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        stop.run();
    }
}

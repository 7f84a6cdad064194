package io.containerlimits.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A forked JVM still running: its stdout lines as they come, its stdin to close, stderr kept in a file.
 * {@link #close()} closes stdin, gives the program a moment to end on its own, then kills it.
 */
public final class RunningJvm implements AutoCloseable {

    /** How long {@link #close()} waits for the program to end after its stdin closed. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(5);

    /** The forked process (java itself when the launcher words execute it). */
    private final Process process;

    /** Stdout lines read so far and not yet taken. */
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    /** Where stderr goes while the program runs. */
    private final Path stderr;

    RunningJvm(ProcessBuilder builder) throws IOException {
        stderr = Files.createTempFile("running-jvm", ".err");
        process = builder.redirectError(stderr.toFile()).start();
        Thread reader = new Thread(this::readStdout, "stdout of " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** The next stdout line, waiting up to {@code timeout}; empty when none came in time. */
    public Optional<String> nextLine(Duration timeout) {
        try {
            return Optional.ofNullable(lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + process.pid(), e);
        }
    }

    /** What the program wrote to stderr so far. */
    public String stderr() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process ended or was killed: no more lines
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            ForkedJvm.deleteQuietly(stderr);
        }
    }
}

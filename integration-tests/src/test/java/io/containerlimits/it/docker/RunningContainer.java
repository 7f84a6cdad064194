package io.containerlimits.it.docker;

import com.github.dockerjava.api.command.UpdateContainerCmd;
import io.containerlimits.it.cgroup.ResizeRun;
import io.containerlimits.it.support.LiveOutput;
import io.containerlimits.it.support.TestJdks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A container of the local JDK image that keeps running while the test reads its stdout line by line and changes its
 * limits with {@code docker update} ({@link #update}). Set up like {@link JdkContainer}'s: the agent jar, the program
 * classes and the test classes copied in, no network, never pulled.
 */
final class RunningContainer implements LiveOutput {

    /** Where this module's test classes are inside the container ({@code ResizeProgram}). */
    static final String TEST_CLASSES = "/probe-tests";

    private final GenericContainer<?> container;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final StringBuffer stderr = new StringBuffer();

    /** Starts {@code sh -c commandLine} under {@code flags}. */
    RunningContainer(ContainerFlags flags, String commandLine) {
        container = new GenericContainer<>(DockerImageName.parse(JdkContainer.IMAGE));
        container.withImagePullPolicy(image -> false)
                .withNetworkMode("none")
                .withCopyFileToContainer(MountableFile.forHostPath(TestJdks.agentJar()), JdkContainer.AGENT_JAR)
                .withCopyFileToContainer(MountableFile.forHostPath(TestJdks.programClasses()), JdkContainer.CLASSES)
                .withCopyFileToContainer(MountableFile.forHostPath(ResizeRun.TEST_CLASSES), TEST_CLASSES)
                .withCreateContainerCmdModifier(cmd -> flags.apply().accept(cmd.getHostConfig()))
                .withLogConsumer(this::accept)
                .withCommand("sh", "-c", commandLine);
        container.start();
    }

    /** {@code docker update} with what {@code change} sets (a CPU quota, a memory limit). */
    void update(UnaryOperator<UpdateContainerCmd> change) {
        change.apply(container.getDockerClient().updateContainerCmd(container.getContainerId())).exec();
    }

    private synchronized void accept(OutputFrame frame) {
        if (frame.getType() == OutputFrame.OutputType.STDERR) {
            stderr.append(frame.getUtf8String());
            return;
        }
        if (frame.getType() != OutputFrame.OutputType.STDOUT || frame.getBytes() == null) {
            return;
        }
        partial.append(new String(frame.getBytes(), StandardCharsets.UTF_8));
        for (int end = partial.indexOf("\n"); end >= 0; end = partial.indexOf("\n")) {
            lines.add(partial.substring(0, end));
            partial.delete(0, end + 1);
        }
    }

    @Override
    public Optional<String> nextLine(Duration timeout) {
        try {
            return Optional.ofNullable(lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String stderr() {
        return stderr.toString();
    }

    @Override
    public void close() {
        container.stop();
    }
}

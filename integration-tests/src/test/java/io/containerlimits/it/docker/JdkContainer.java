package io.containerlimits.it.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.containerlimits.it.support.Prerequisites;
import io.containerlimits.it.support.TestJdks;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame.OutputType;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Runs one shell command line in a short-lived container of the local JDK image, under given limits, and returns
 * its exit code and output once it has ended.
 *
 * <p>The image ({@value #IMAGE}) is built by {@code integration-tests/docker/setup.sh} from the host's own files (no
 * registry is reachable), with the JDKs under test at their host paths. It is never pulled. Each container gets the
 * agent jar the build just produced at {@value #AGENT_JAR} and the programs ({@code Probe}, {@code HeapHog}, Java 8
 * bytecode) under {@value #CLASSES}, and no network.
 *
 * <p>The exit code is read with the Docker client after the container stops, not through a start-up check: a test
 * that expects 137 (killed) or a program's own status must not see that as a failed start.
 */
final class JdkContainer {

    /** The image setup.sh builds; keep the two names equal. */
    static final String IMAGE = "container-limits-jdk:2";

    /** Where the agent jar is inside the container. */
    static final String AGENT_JAR = "/opt/container-limits.jar";

    /** Where the test classes are inside the container (a class path entry). */
    static final String CLASSES = "/probe";

    /** The longest a container may run: far above the few seconds each takes, below the build's patience. */
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private JdkContainer() {
    }

    /** Fails the test in CI (skips it elsewhere) unless the engine answers and the image is there. */
    static void requireEngineAndImage() {
        boolean engine = DockerClientFactory.instance().isDockerAvailable();
        Prerequisites.require(engine, "a Docker engine (run: bash integration-tests/docker/setup.sh)");
        boolean image;
        try {
            DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
            image = true;
        } catch (RuntimeException notFound) {
            image = false;
        }
        Prerequisites.require(image, "the image " + IMAGE + " (run: bash integration-tests/docker/setup.sh)");
    }

    /** Runs {@code sh -c commandLine} under {@code flags} and waits for it to end. */
    static Ended run(ContainerFlags flags, String commandLine) {
        try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))) {
            container.withImagePullPolicy(image -> false)
                    .withNetworkMode("none")
                    .withCopyFileToContainer(MountableFile.forHostPath(TestJdks.agentJar()), AGENT_JAR)
                    .withCopyFileToContainer(MountableFile.forHostPath(TestJdks.programClasses()), CLASSES)
                    .withCreateContainerCmdModifier(cmd -> flags.apply().accept(cmd.getHostConfig()))
                    .withStartupCheckStrategy(new StartedIsEnough())
                    .withCommand("sh", "-c", commandLine);
            container.start();
            DockerClient client = container.getDockerClient();
            int exitCode = client.waitContainerCmd(container.getContainerId()).start()
                    .awaitStatusCode(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            InspectContainerResponse.ContainerState state =
                    client.inspectContainerCmd(container.getContainerId()).exec().getState();
            return new Ended(flags, commandLine, exitCode, Boolean.TRUE.equals(state.getOOMKilled()),
                    container.getLogs(OutputType.STDOUT), container.getLogs(OutputType.STDERR),
                    container.getLogs());
        }
    }

    /**
     * A container that has ended.
     *
     * @param stdout   its standard output
     * @param stderr   its standard error
     * @param combined both, in the order the engine received them
     */
    record Ended(ContainerFlags flags, String commandLine, int exitCode, boolean oomKilled, String stdout,
            String stderr, String combined) {

        /** What a failed assertion should show: how it ran and everything it printed. */
        String describe() {
            return "container " + flags + " ran: sh -c " + commandLine + "\nexit " + exitCode
                    + (oomKilled ? " (OOM killed)" : "") + "\n--- output ---\n" + combined;
        }
    }

    /** Counts a container as started once it exists: the tests read its exit code themselves. */
    private static final class StartedIsEnough extends StartupCheckStrategy {
        @Override
        public StartupStatus checkStartupState(DockerClient dockerClient, String containerId) {
            return StartupStatus.SUCCESSFUL;
        }
    }
}

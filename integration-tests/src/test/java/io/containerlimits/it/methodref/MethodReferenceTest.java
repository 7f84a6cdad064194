package io.containerlimits.it.methodref;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containerlimits.it.support.TestJdks;
import io.containerlimits.testsupport.ForkedJvm;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Method references to {@code Runtime.availableProcessors}, bound and unbound, in a library jar, get the agent's count
 * (issue 11): the rewrite re-points the {@code CONSTANT_MethodHandle} in the caller's constant pool. The control, the
 * same program without the agent, shows the JVM's own count differs.
 */
class MethodReferenceTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void boundAndUnboundReferencesInALibraryJarGetTheAgentsCount(TestJdks jdk) throws IOException {
        int host = Runtime.getRuntime().availableProcessors();
        int cpus = host + 1;
        ForkedJvm program = jdk.jvm().withClassPath(ProgramJars.writeTo(temp).classPath());

        Counts agent = Counts.of(program.withAgent(TestJdks.agentJar(), "cpus=" + cpus).run(ProgramJars.MAIN));
        Counts control = Counts.of(program.run(ProgramJars.MAIN));

        System.out.println("FIGURE method references, cpus=" + cpus + " | " + jdk + " | agent " + agent
                + " | control " + control);
        assertEquals(Counts.all(cpus), agent, "bound, unbound and the direct call all get the agent's count");
        assertEquals(Counts.all(host), control, "without the agent every caller gets the JVM's count");
    }
}

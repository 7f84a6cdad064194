package io.containerlimits.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PreloadedClassesTest {

    /** A class of the application loader that is not the agent's: what an AOT cache loads before premain. */
    private static final Class<?> APPLICATION = Test.class;
    private static final ClassLoader APP_LOADER = APPLICATION.getClassLoader();

    @Test
    void applicationClassesLoadedBeforePremainGetOneWarningNamingTheFix() {
        String warning = PreloadedClasses.warning(new Class<?>[] {String.class, APPLICATION}, null, APP_LOADER, 3);

        assertTrue(warning.startsWith("1 classes came from an AOT cache before the agent started"), warning);
        assertTrue(warning.contains("not 3"), warning);
        assertTrue(warning.contains("create the cache with -XX:-AOTClassLinking"), warning);
        assertEquals(-1, warning.indexOf('\n'), "one line");
    }

    @Test
    void withoutACacheOnlyTheJdkAndTheAgentAreLoaded() {
        assertNull(PreloadedClasses.warning(new Class<?>[] {String.class}, null, APP_LOADER, 3),
                "JDK classes (boot) do not count");
        assertNull(PreloadedClasses.warning(new Class<?>[0], null, APP_LOADER, 3));
    }

    @Test
    void theAgentsOwnClassesCountOnlyWhenAnotherLoaderDefinedThem() {
        // This test class is io.containerlimits.* on the application loader: the agent's own when the agent runs
        // from that loader (a renamed jar), application code otherwise (as the integration tests' programs are).
        Class<?>[] loaded = {PreloadedClassesTest.class};
        assertNull(PreloadedClasses.warning(loaded, APP_LOADER, APP_LOADER, 3), "a renamed jar's own classes");
        assertTrue(PreloadedClasses.warning(loaded, null, APP_LOADER, 3).startsWith("1 classes"),
                "with the agent on the boot loader, the same name is application code");
    }
}

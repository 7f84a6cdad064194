package io.containerlimits.agent;

/**
 * Looks, at premain, for application classes an AOT cache (JDK 24+) loaded before the agent started, and says when
 * their call sites cannot have been rewritten: then the agent prints one warning naming the fix, instead of leaving
 * them silently (docs/agent-notes.md §1.8).
 *
 * <p>Without a cache no class of the application or platform loader but the agent's own is loaded at premain. With
 * one, all the classes of its training run are, and a transformer installed now never sees them. Finding and
 * rewriting them now would mean reading every one of their class files (100+ ms for a few thousand classes,
 * docs/agent-notes.md §1.6), so the agent does not try: a cache trained with the agent holds no class with a call
 * site, and that is the fix it names. Whether it was so trained, {@link TransformerInstalled} tells.
 */
final class PreloadedClasses {

    /** Binary-name prefix of the agent's own classes (and of other code too: the loader tells them apart). */
    private static final String OWN = "io.containerlimits.";

    /** {@link TransformerInstalled}'s name, spelt out: a class literal here would load the marker it looks for. */
    static final String MARKER = "io.containerlimits.agent.TransformerInstalled";

    private PreloadedClasses() {
        throw new UnsupportedOperationException();
    }

    /**
     * The warning to print, or {@code null}: when classes of the application or platform loader (other than the
     * agent's) are loaded already and {@link TransformerInstalled} is not among them.
     *
     * @param loaded      {@code Instrumentation.getAllLoadedClasses()}, taken before the transformer is installed
     * @param agentLoader the loader of the running agent: the boot loader ({@code null}), or the application loader
     *                    when the jar was renamed; its {@code io.containerlimits.} classes are the agent's own
     * @param appLoader   the system class loader; its parent, the platform loader, counts too
     */
    static String warning(Class<?>[] loaded, ClassLoader agentLoader, ClassLoader appLoader, int cpus) {
        ClassLoader platformLoader = appLoader == null ? null : appLoader.getParent();
        int early = 0;
        for (Class<?> type : loaded) {
            String name = type.getName();
            if (name.equals(MARKER)) {
                return null;
            }
            ClassLoader loader = type.getClassLoader();
            if (loader != null && (loader == appLoader || loader == platformLoader)
                    && !(loader == agentLoader && name.startsWith(OWN))) {
                early++;
            }
        }
        if (early == 0) {
            return null;
        }
        return early + " classes came from an AOT cache made without the agent's rewrite, so their"
                + " Runtime.availableProcessors() calls return the JVM's count, not " + cpus
                + ": create the cache with the agent attached (-javaagent:container-limits.jar in the training run;"
                + " README, \"CDS and AOT cache\")";
    }
}

package io.containerlimits.agent;

/**
 * Looks, at premain, for application classes an AOT cache (JDK 24+) loaded before the agent started, and says that
 * their call sites cannot be rewritten: one warning naming the fix, instead of leaving them silently
 * (docs/agent-notes.md §1.8).
 *
 * <p>Without a cache no class of the application or platform loader but the agent's own is loaded at premain. With a
 * cache made with AOT class linking (the default), all the classes of its training run are, and a transformer
 * installed now never sees them. Finding and rewriting them now would mean reading every one of their class files
 * (100+ ms for a few thousand classes, docs/agent-notes.md §1.6), so the agent does not try. A cache made with
 * {@code -XX:-AOTClassLinking} loads its classes when they are first used, and offers each to the transformer: that
 * is the fix the warning names.
 */
final class PreloadedClasses {

    /** Binary-name prefix of the agent's own classes (and of other code too: the loader tells them apart). */
    private static final String OWN = "io.containerlimits.";

    private PreloadedClasses() {
        throw new UnsupportedOperationException();
    }

    /**
     * The warning to print, or {@code null}: when classes of the application or platform loader other than the
     * agent's are loaded already.
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
            ClassLoader loader = type.getClassLoader();
            if (loader != null && (loader == appLoader || loader == platformLoader)
                    && !(loader == agentLoader && type.getName().startsWith(OWN))) {
                early++;
            }
        }
        if (early == 0) {
            return null;
        }
        return early + " classes came from an AOT cache before the agent started, so their"
                + " Runtime.availableProcessors() calls return the JVM's count, not " + cpus
                + ": create the cache with -XX:-AOTClassLinking (README, \"CDS and AOT cache\")";
    }
}

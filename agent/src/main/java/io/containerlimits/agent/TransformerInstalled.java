package io.containerlimits.agent;

/**
 * A marker: loaded by {@link Rewrite} once the transformer is installed, and by nothing else. An AOT cache (JDK 24+)
 * holds every class its training run loaded and loads them all again before premain, so finding this class already
 * loaded at premain means the cache was trained with the transformer installed; and a class the transformer changed
 * is never stored in a cache ({@code Skipping ...: From ClassFileLoadHook}), so then no class the cache loaded
 * early holds a call site to rewrite (docs/agent-notes.md §1.8). See {@link PreloadedClasses}.
 */
final class TransformerInstalled {

    private TransformerInstalled() {
        throw new UnsupportedOperationException();
    }

    /** Loads this class (a class literal resolves it), nothing more. */
    static Class<?> mark() {
        return TransformerInstalled.class;
    }
}

package io.containerlimits.it.rewrite;

/**
 * Child-first for the jars' classes, parent for everything else: the JDK and the agent's boot helper
 * ({@code io.containerlimits.agent.boot.AvailableProcessors}, on the forked JVM's class path), which rewritten call
 * sites name. Child-first matters: a jar class must never come from the parent, or its rewritten bytes would go
 * untested.
 */
final class RewritingClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final JarClasses classes;
    private final boolean rewritten;

    /**
     * @param rewritten true to define the rewritten bytes where there are any; false defines every class from its
     *                  original bytes (the baseline that tells an error of ours from one the jar had already)
     */
    RewritingClassLoader(JarClasses classes, boolean rewritten, ClassLoader parent) {
        super(parent);
        this.classes = classes;
        this.rewritten = rewritten;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                JarClasses.ClassFile file = classes.get(name).orElse(null);
                if (file == null) {
                    return super.loadClass(name, resolve);
                }
                byte[] bytes = rewritten ? file.toDefine() : file.original();
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public String toString() {
        return (rewritten ? "rewritten" : "original") + " classes of the jars";
    }
}

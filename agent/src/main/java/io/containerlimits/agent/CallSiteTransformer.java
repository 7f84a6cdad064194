package io.containerlimits.agent;

import io.containerlimits.agent.rewrite.CallSiteRewriter;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Offers every class the JVM loads (and the few it retransforms) to {@link CallSiteRewriter}.
 *
 * <p>Rules, each for a measured reason (docs/agent-notes.md §1.6):
 * <ul>
 *   <li>The byte pre-filter comes first; a class without the name {@code availableProcessors} costs one scan.</li>
 *   <li>No class loading, no type pool, no reflection in here: a class loaded while a transformer runs on the same
 *       thread is never offered to any transformer, so loading would silently skip classes.</li>
 *   <li>Never throws: anything it cannot rewrite is loaded unchanged and counted.</li>
 *   <li>Skips the agent's own classes: the helper would otherwise call itself, and detection must ask the JVM, not
 *       the helper. They are the {@code io/containerlimits/} classes of the boot loader (the jar is on the boot class
 *       path before the transformer is installed, so every class of it that loads later comes from there). The same
 *       names from another loader are application code (an application that embeds the library, a test probe) and
 *       are rewritten like any other.</li>
 * </ul>
 */
final class CallSiteTransformer implements ClassFileTransformer {

    /** Internal-name prefix of every class in the agent jar. */
    static final String OWN_CLASSES = "io/containerlimits/";

    private final Log log;
    private final AtomicInteger classesRewritten = new AtomicInteger();
    private final AtomicInteger callSitesRewritten = new AtomicInteger();
    private final AtomicInteger methodHandlesRewritten = new AtomicInteger();
    private final AtomicInteger classesFailed = new AtomicInteger();

    CallSiteTransformer(Log log) {
        this.log = log;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        try {
            if (classFile == null || isOwn(loader, className)
                    || !CallSiteRewriter.mentionsAvailableProcessors(classFile)) {
                return null;
            }
            CallSiteRewriter.Result result = CallSiteRewriter.rewriteCounting(classFile);
            if (result == null) {
                return null;
            }
            classesRewritten.incrementAndGet();
            callSitesRewritten.addAndGet(result.callSites());
            methodHandlesRewritten.addAndGet(result.methodHandles());
            if (log.isDebug()) {
                log.debug("rewrote " + result.callSites() + " call site(s)"
                        + (result.methodHandles() == 0 ? "" : " and " + result.methodHandles() + " method handle(s)")
                        + " in " + className);
            }
            return result.classFile();
        } catch (Throwable t) {
            // A rewrite may never break the class it was offered: load it as it came.
            classesFailed.incrementAndGet();
            if (log.isDebug()) {
                log.debug("left " + className + " unchanged: " + t);
            }
            return null;
        }
    }

    /** True for the agent's own classes, which are never rewritten. */
    static boolean isOwn(ClassLoader loader, String className) {
        return loader == null && className != null && className.startsWith(OWN_CLASSES);
    }

    /** Classes rewritten so far (for tests). */
    int classesRewritten() {
        return classesRewritten.get();
    }

    /** Call sites rewritten so far (for tests). */
    int callSitesRewritten() {
        return callSitesRewritten.get();
    }

    /** Method-handle constants re-pointed to the helper (for tests). */
    int methodHandlesRewritten() {
        return methodHandlesRewritten.get();
    }

    /** Classes left unchanged because the rewrite failed (for tests). */
    int classesFailed() {
        return classesFailed.get();
    }
}

package io.containerlimits.it.rewrite;

import io.containerlimits.agent.rewrite.CallSiteRewriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rewrites every class of the jars it is given, defines them in a {@link RewritingClassLoader} and links each one,
 * then prints one {@link SummaryLine}. Runs in a forked JVM of each JDK under test (Java 8 bytecode and API), started
 * by {@code RewriteSafetyTest} with {@code -Xverify:all}, these classes and {@code container-limits.jar} on its class
 * path.
 *
 * <p>Arguments: {@code --rewrite=AGENT|WRONG_DESCRIPTOR|STACK_EFFECT}, {@code --linking=REFLECTION|LOAD_ONLY}, then
 * {@code label=path/to.jar} for each jar. A class that fails for another reason than a missing class outside the jars
 * is counted as a verification error and printed on a {@code VERIFY-ERROR} line; each is then tried again in a loader
 * that defines only original bytes, and one that fails there too is counted apart as {@code preExistingErrors}: the
 * jar's own fault, not the rewrite's.
 */
public final class RewriteHarness {

    private static final int ERROR_LINES_SHOWN = 50;

    private RewriteHarness() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        RewriteVariant variant = RewriteVariant.AGENT;
        Linking linking = Linking.REFLECTION;
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--rewrite=")) {
                variant = RewriteVariant.valueOf(arg.substring("--rewrite=".length()));
            } else if (arg.startsWith("--linking=")) {
                linking = Linking.valueOf(arg.substring("--linking=".length()));
            } else {
                String[] labelAndPath = arg.split("=", 2);
                jars.put(labelAndPath[0], Paths.get(labelAndPath[1]));
            }
        }

        JarClasses classes = JarClasses.read(jars, variant);
        long rewritten = System.nanoTime();
        Set<String> names = new TreeSet<>();
        classes.all().forEach(file -> names.add(file.name()));
        ClassLoader parent = RewriteHarness.class.getClassLoader();
        RewritingClassLoader loader = new RewritingClassLoader(classes, true, parent);
        LinkTally tally = new LinkTally(jars.keySet());
        for (JarClasses.ClassFile file : classes.all()) {
            tally.offered(file);
            try {
                Class<?> type = linking.apply(file.name(), loader);
                if (type.getClassLoader() != loader) {
                    throw new IllegalStateException("defined by " + type.getClassLoader() + ", not from the jar");
                }
                tally.linked(file);
            } catch (Throwable thrown) {
                Optional<String> missing = LinkFailure.missingOutsideJars(thrown, names);
                if (missing.isPresent()) {
                    tally.missingOptional(file, missing.get());
                } else {
                    tally.error(file, thrown);
                    if (tally.errors().size() <= ERROR_LINES_SHOWN) {
                        System.out.println(SummaryLine.ERROR_MARKER + "\t" + file.jar() + "\t" + file.name()
                                + "\trewritten=" + file.rewritten().isPresent() + "\t" + LinkFailure.describe(thrown));
                    }
                }
            }
        }
        long linked = System.nanoTime();

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("java", System.getProperty("java.version"));
        fields.put("rewrite", variant);
        fields.put("linking", linking);
        fields.putAll(tally.fields());
        int preExisting = preExistingErrors(tally, classes, linking, parent);
        fields.put("verifyErrors", tally.errors().size() - preExisting);
        fields.put("preExistingErrors", preExisting);
        fields.put("rewriteFailures", classes.rewriteFailures().size());
        fields.put("duplicates", classes.duplicates());
        fields.put("helperLoader", helperLoader(loader));
        // HotSpot does not expose BytecodeVerificationLocal; the argument list says whether -Xverify:all reached the
        // JVM.
        fields.put("verifyAll", ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-Xverify:all"));
        fields.put("rewriteMillis", (rewritten - start) / 1_000_000);
        fields.put("linkMillis", (linked - rewritten) / 1_000_000);
        classes.rewriteFailures().forEach(failure -> System.out.println("REWRITE-FAILURE\t" + failure));
        System.out.println(SummaryLine.format(fields));
    }

    /**
     * How many error classes fail the same way (same throwable type) in a loader that defines every class from its
     * original bytes: those errors were in the jar before the rewrite touched it.
     */
    private static int preExistingErrors(LinkTally tally, JarClasses classes, Linking linking, ClassLoader parent) {
        RewritingClassLoader original = new RewritingClassLoader(classes, false, parent);
        int failing = 0;
        for (Map.Entry<String, Class<?>> error : tally.errors().entrySet()) {
            try {
                linking.apply(error.getKey(), original);
            } catch (Throwable alsoWithoutTheRewrite) {
                if (alsoWithoutTheRewrite.getClass() == error.getValue()) {
                    failing++;
                    System.out.println("PRE-EXISTING\t" + error.getKey() + "\t"
                            + LinkFailure.describe(alsoWithoutTheRewrite));
                }
            }
        }
        return failing;
    }

    /**
     * Which loader resolves the helper that rewritten call sites name, as the rewritten classes would see it:
     * {@code system} for the class path's (the application loader), {@code boot}, {@code unresolved}, or the
     * loader itself.
     */
    private static String helperLoader(ClassLoader loader) {
        try {
            ClassLoader found = Class.forName(CallSiteRewriter.HELPER_OWNER.replace('/', '.'), false, loader)
                    .getClassLoader();
            if (found == null) {
                return "boot";
            }
            return found == ClassLoader.getSystemClassLoader() ? "system" : found.toString();
        } catch (ClassNotFoundException | LinkageError missing) {
            return "unresolved";
        }
    }
}

package io.containerlimits.it.methodref;

import io.containerlimits.testsupport.JvmRun;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@link MethodReferenceProgram} printed: the count through each kind of caller. */
record Counts(int bound, int unbound, int direct) {

    private static final Pattern LINE = Pattern.compile("counts: bound=(\\d+) unbound=(\\d+) direct=(\\d+)");

    /** The counts of a run that must have succeeded; fails with the whole run otherwise. */
    static Counts of(JvmRun run) {
        if (run.exitCode() != 0) {
            throw new AssertionError("the program failed: " + run);
        }
        Matcher m = LINE.matcher(run.stdout());
        if (!m.find()) {
            throw new AssertionError("no counts line: " + run);
        }
        return new Counts(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** All three the same. */
    static Counts all(int cpus) {
        return new Counts(cpus, cpus, cpus);
    }
}

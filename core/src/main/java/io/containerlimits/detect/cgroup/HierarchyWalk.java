package io.containerlimits.detect.cgroup;

import io.containerlimits.Finding;
import io.containerlimits.detect.MalformedInputException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Optional;

/**
 * The minimum of one limit over every level, from the leaf up to and including the mount point
 * (docs/design.md §3 step 5).
 *
 * <p>Every level is read: a level whose file is missing, unreadable, empty or malformed contributes nothing, is noted,
 * and the walk goes on (a parent's limit is still found; JDK-8322420). The result is
 * <ul>
 * <li>found: the smallest limit, with the file and level it came from;
 * <li>none: no level has a limit and at least one said so (or, where {@code missingMeansNoLimit}, had no file:
 *     a v2 controller that is not delegated has no files at all);
 * <li>unknown: every level was skipped; the reason lists why.
 * </ul>
 */
public final class HierarchyWalk {

    /**
     * Skipped levels noted one by one; the rest are counted in one note. Each note quotes a directory, so a note per
     * level of a deep hierarchy would grow with the square of its depth (a 4096-character path: 1.7 M characters).
     */
    static final int SKIP_NOTES = 8;

    private HierarchyWalk() {
        throw new UnsupportedOperationException();
    }

    /**
     * Walks {@code hierarchy} with {@code reader}.
     *
     * @param missingMeansNoLimit whether a missing file means "no limit at this level" (v2) rather than a skip (v1)
     * @param notes               receives the skipped levels and the governing one
     */
    public static <T> Finding<T> minimum(CgroupHierarchy hierarchy, LevelReader<T> reader,
            boolean missingMeansNoLimit, List<String> notes) {
        T best = null;
        int bestLevel = -1;
        boolean saidNone = false;
        String lastProblem = null;
        int skipped = 0;
        for (int level = 0; level < hierarchy.levels().size(); level++) {
            String where = hierarchy.describe(level, reader.file());
            try {
                Optional<T> limit = reader.read(hierarchy.directory(level));
                if (!limit.isPresent()) {
                    saidNone = true;
                } else if (best == null || reader.size(limit.get()) < reader.size(best)) {
                    best = limit.get();
                    bestLevel = level;
                }
            } catch (NoSuchFileException e) {
                if (missingMeansNoLimit) {
                    saidNone = true;
                } else {
                    lastProblem = where + ": missing";
                    noteSkipped(++skipped, lastProblem, notes);
                }
            } catch (IOException e) {
                lastProblem = where + ": unreadable: " + e.getMessage();
                noteSkipped(++skipped, lastProblem, notes);
            } catch (MalformedInputException e) {
                lastProblem = where + ": " + e.getMessage();
                noteSkipped(++skipped, lastProblem, notes);
            }
        }
        if (skipped > SKIP_NOTES) {
            notes.add("skipped " + (skipped - SKIP_NOTES) + " more levels of " + reader.file() + " (last: "
                    + lastProblem + ")");
        }
        if (best != null) {
            String source = hierarchy.describe(bestLevel, reader.file());
            notes.add(reader.file() + " governed by " + source + ": " + best);
            return Finding.found(best, source);
        }
        Finding<T> result = saidNone
                ? Finding.<T>none(reader.file() + ": no limit at any of " + hierarchy.levels().size() + " levels from "
                        + hierarchy.leaf())
                : Finding.<T>unknown(reader.file() + ": no level could be read (last: " + lastProblem + ")");
        notes.add(result.toString());
        return result;
    }

    private static void noteSkipped(int skipped, String problem, List<String> notes) {
        if (skipped <= SKIP_NOTES) {
            notes.add("skipped " + problem);
        }
    }

    /** The tighter of two findings: a found value beats none, none beats unknown. */
    public static Finding<Long> tighter(Finding<Long> a, Finding<Long> b) {
        if (a.isFound() && b.isFound()) {
            return a.value() <= b.value() ? a : b;
        }
        if (a.isFound() || b.isFound()) {
            return a.isFound() ? a : b;
        }
        return a.status() == Finding.Status.NONE ? a : b;
    }
}

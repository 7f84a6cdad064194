package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containerlimits.detect.cgroup.CgroupLine;
import io.containerlimits.detect.cgroup.MountInfoEntry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Generated bad input for the two line parsers that locate the cgroup: {@code /proc/self/cgroup} and
 * {@code /proc/self/mountinfo}. Each parser must return or throw {@code MalformedInputException}, never anything else.
 *
 * <p>{@link ParserProperty} says how jqwik is set so that every try is a freshly generated input;
 * {@link #eachParserRanOneHundredThousandInputs()} checks the count the calls themselves made.
 */
class CgroupLinesFuzzTest {

    private static final String CGROUP_LINE = "CgroupLine.parse";
    private static final String MOUNT_INFO = "MountInfoEntry.parse";

    @ParserProperty
    void cgroupLineReturnsOrThrowsMalformed(@ForAll("cgroupLines") String line) {
        ParserRuns.call(CGROUP_LINE, () -> CgroupLine.parse(line));
    }

    /** JDK-8272124: a containerd path with colons must survive the split whole. */
    @ShapeProperty
    void cgroupLineKeepsColonsInThePath(@ForAll("cgroupIds") int id, @ForAll("controllerLists") String controllers,
            @ForAll("cgroupPaths") String path) {
        CgroupLine parsed = CgroupLine.parse(id + ":" + controllers + ":" + path);
        assertEquals(path, parsed.path(), "the path is everything after the second colon");
        assertEquals(controllers, String.join(",", parsed.controllers()), "controllers split on commas");
    }

    @ParserProperty
    void mountInfoEntryReturnsOrThrowsMalformed(@ForAll("mountInfoLines") String line) {
        ParserRuns.call(MOUNT_INFO, () -> MountInfoEntry.parse(line));
    }

    /** docs/edge-cases.md case 21: spaces, tabs, newlines and backslashes in a mount point come back decoded. */
    @ShapeProperty
    void mountInfoEntryDecodesEscapedPaths(@ForAll("cgroupPaths") String root, @ForAll("oddPaths") String mountPoint,
            @ForAll("controllerLists") String superOptions) {
        String line = "41 30 0:38 " + escape(root) + " " + escape(mountPoint)
                + " rw,relatime shared:9 master:1 - cgroup cgroup rw," + superOptions;
        MountInfoEntry parsed = MountInfoEntry.parse(line);
        assertEquals(root, parsed.root(), "root decoded");
        assertEquals(mountPoint, parsed.mountPoint(), "mount point decoded");
        assertEquals("cgroup", parsed.fsType(), "fs type after the separator");
    }

    @AfterContainer
    static void eachParserRanOneHundredThousandInputs() {
        ParserRuns.assertEachRan(ParserRuns.REQUIRED_PER_PARSER, CGROUP_LINE, MOUNT_INFO);
    }

    @Provide
    Arbitrary<String> cgroupLines() {
        Arbitrary<String> generated = Combinators.combine(cgroupIds(), controllerLists(), cgroupPaths())
                .as((id, controllers, path) -> id + ":" + controllers + ":" + path);
        return Mutations.around(Arbitraries.oneOf(
                Arbitraries.of(Seeds.lines("cgroup-lines.txt", "/proc/self/cgroup")), generated));
    }

    @Provide
    Arbitrary<String> mountInfoLines() {
        return Mutations.around(Seeds.lines("mountinfo-lines.txt", "/proc/self/mountinfo"));
    }

    @Provide
    Arbitrary<Integer> cgroupIds() {
        return Arbitraries.integers().between(0, 64);
    }

    @Provide
    Arbitrary<String> controllerLists() {
        return Shapes.controllerLists();
    }

    @Provide
    Arbitrary<String> cgroupPaths() {
        return Shapes.cgroupPaths();
    }

    /** Absolute paths with the four characters mountinfo escapes, plus unicode. */
    @Provide
    Arbitrary<String> oddPaths() {
        return Arbitraries.strings().withChars("ab: \t\n\\0\u00e9").ofMaxLength(12)
                .list().ofMaxSize(3).map(segments -> "/" + String.join("/", segments));
    }

    /** What the kernel's {@code mangle_path} does to space, tab, newline and backslash. */
    private static String escape(String path) {
        return path.replace("\\", "\\134").replace(" ", "\\040").replace("\t", "\\011").replace("\n", "\\012");
    }
}

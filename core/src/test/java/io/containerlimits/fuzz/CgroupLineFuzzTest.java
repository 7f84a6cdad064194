package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containerlimits.detect.cgroup.CgroupLine;
import org.junit.jupiter.api.Test;

/** {@code /proc/self/cgroup} lines, captured, from the edge cases and generated, then damaged. */
class CgroupLineFuzzTest extends ParserFuzzTest<String, CgroupLine> {

    private static final Gen<Integer> IDS = Gen.ints(0, 64);
    private static final Gen<String> CONTROLLERS = Shapes.controllerLists();
    private static final Gen<String> PATHS = Shapes.cgroupPaths();

    /** A valid line and its parts. */
    record Line(int id, String controllers, String path) {
        String text() {
            return id + ":" + controllers + ":" + path;
        }
    }

    private static final Gen<Line> LINES = random -> new Line(IDS.next(random), CONTROLLERS.next(random),
            PATHS.next(random));

    @Override
    String parser() {
        return "CgroupLine.parse";
    }

    @Override
    Gen<String> inputs() {
        return Mutations.around(Gen.oneOf(Gen.of(Seeds.lines("cgroup-lines.txt", "/proc/self/cgroup")),
                LINES.map(Line::text)));
    }

    @Override
    CgroupLine parse(String line) {
        return CgroupLine.parse(line);
    }

    /** JDK-8272124: a containerd path with colons must survive the split whole. */
    @Test
    void keepsColonsInThePath() {
        Fuzz.forAll("CgroupLine.parse: colons in the path", SHAPE_INPUTS, LINES, line -> {
            CgroupLine parsed = parse(line.text());
            assertEquals(line.path(), parsed.path(), "the path is everything after the second colon");
            assertEquals(line.controllers(), String.join(",", parsed.controllers()), "controllers split on commas");
        });
    }
}

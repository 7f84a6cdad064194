package io.containerlimits.fuzz;

import org.junit.jupiter.api.Test;

/**
 * One parser under {@link ParserRuns#REQUIRED_PER_PARSER} generated inputs: it returns a value that keeps its
 * invariants, or throws {@code MalformedInputException}; nothing else (docs/design.md §3 step 8).
 *
 * <p>One subclass per parser ({@code CpuMaxFuzzTest}, ...) names the parser, gives its inputs (usually
 * {@link Mutations#around} its real seeds), calls it and checks what it returned. A subclass may add semantic checks
 * on valid generated input ({@link Shapes}, run with {@link Fuzz#forAll}); they call the parser through
 * {@link #parse} too, so that a negative control can swap in a broken parser and see every check catch it. A new
 * parser takes a seed file under {@code src/test/resources/fuzz} (one real line per line, its origin in
 * {@code SOURCE}) and a class like this:
 *
 * <pre>{@code
 * class CoreIdFuzzTest extends ParserFuzzTest<String, Integer> {
 *     String parser() { return "CoreId.parse"; }
 *     Gen<String> inputs() { return Mutations.around(Seeds.lines("core-ids.txt")); }
 *     Integer parse(String content) { return CoreId.parse(content); }
 *     void checkValue(Integer id) { assertTrue(id >= 0, "a core id is not negative, got " + id); }
 * }
 * }</pre>
 *
 * <p>A parser of several files takes them together: {@link Gen#both} (see {@code CfsQuotaFuzzTest}), or a record
 * drawn by a lambda with a {@link Gen#simplify} of its own (see {@link FixtureTrees#trees}). A negative control for it
 * goes in {@code FuzzNegativeControlsTest}.
 *
 * @param <I> the parser's input, usually the text of a file or line
 * @param <O> what it returns
 */
abstract class ParserFuzzTest<I, O> {

    /** Inputs for each semantic check: these test arithmetic and splitting, not robustness. */
    static final long SHAPE_INPUTS = 10_000;

    /** The name inputs are counted and reported under, e.g. {@code "CpuMax.parse"}. */
    abstract String parser();

    /** The generated inputs. */
    abstract Gen<I> inputs();

    /** Calls the parser under test. */
    abstract O parse(I input);

    /** What a returned value must satisfy beyond not being null; throws (an assertion) if it does not. */
    void checkValue(O value) {
    }

    @Test
    void returnsAValueOrThrowsMalformedInput() {
        String parser = parser();
        Fuzz.forAll(parser, Fuzz.inputs(ParserRuns.REQUIRED_PER_PARSER), inputs(),
                input -> ParserRuns.call(parser, () -> parse(input)).ifPresent(this::checkValue));
        ParserRuns.assertEachRan(ParserRuns.REQUIRED_PER_PARSER, parser);
    }
}

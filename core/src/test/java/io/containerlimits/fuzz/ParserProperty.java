package io.containerlimits.fuzz;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;

/**
 * A property that feeds one parser {@link ParserRuns#TRIES} fresh inputs.
 *
 * <ul>
 * <li>{@code RANDOMIZED}: jqwik's default {@code AUTO} switches to exhaustive generation, and so to fewer tries,
 *     when it can enumerate every input.</li>
 * <li>{@code RANDOM_SEED}: the default replays the last failure's sample first and its seed; a new seed means every
 *     run generates new inputs (the seed of a failure is in jqwik's report, to reproduce it).</li>
 * <li>{@code MIXIN} edge cases: the empty list of edits, the first seed, {@code Long.MIN_VALUE} edits are tried
 *     among the random ones.</li>
 * <li>{@code BOUNDED} shrinking: a failure shrinks to the fewest, simplest edits of a real line, for at most jqwik's
 *     default 10 s.</li>
 * </ul>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Property(tries = ParserRuns.TRIES, generation = GenerationMode.RANDOMIZED, afterFailure = AfterFailureMode.RANDOM_SEED,
        edgeCases = EdgeCasesMode.MIXIN, shrinking = ShrinkingMode.BOUNDED)
@interface ParserProperty {
}

package io.containerlimits.fuzz;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;

/**
 * A property on valid generated inputs with a known meaning (a CPU list's count, a decoded path): a few thousand
 * tries, since these check arithmetic and splitting, not robustness. Same generation rules as {@link ParserProperty}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Property(tries = 2_000, generation = GenerationMode.RANDOMIZED, afterFailure = AfterFailureMode.RANDOM_SEED)
@interface ShapeProperty {
}

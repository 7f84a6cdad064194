package io.containerlimits.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * A generator of test inputs, drawn from a seeded random source that {@link Fuzz} owns, so that a seed repeats a run
 * exactly.
 *
 * <p>Besides drawing a value, a generator may name its edge cases (values {@link Fuzz} tries before any random one:
 * the real seeds as they are, boundaries) and how a value it made can be simplified (so that a failure is reported
 * with the simplest input that still fails). Both default to none.
 */
@FunctionalInterface
interface Gen<T> {

    /** Draws one value; all randomness comes from {@code random}. */
    T next(RandomGenerator random);

    /** Values to try first, before any random one. */
    default List<T> edgeCases() {
        return List.of();
    }

    /** Simpler variants of {@code failing}, most promising first; {@link Fuzz} keeps the first that still fails. */
    default Stream<T> simplify(T failing) {
        return Stream.empty();
    }

    /** This generator's values through {@code f}: edge cases are mapped, simplification is lost. */
    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        Gen<T> source = this;
        return new Gen<>() {
            @Override
            public R next(RandomGenerator random) {
                return f.apply(source.next(random));
            }

            @Override
            public List<R> edgeCases() {
                return source.edgeCases().stream().<R>map(f).toList();
            }
        };
    }

    /** This generator with {@code simplifier} as its simplification, e.g. {@code Simplify::text}. */
    default Gen<T> simplifiedBy(Function<T, Stream<T>> simplifier) {
        Gen<T> source = this;
        return new Gen<>() {
            @Override
            public T next(RandomGenerator random) {
                return source.next(random);
            }

            @Override
            public List<T> edgeCases() {
                return source.edgeCases();
            }

            @Override
            public Stream<T> simplify(T failing) {
                return simplifier.apply(failing);
            }
        };
    }

    /** One of {@code values}, uniformly; every value is an edge case too (the lists here are a few real lines). */
    static <T> Gen<T> of(List<T> values) {
        List<T> copy = List.copyOf(values);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no values to draw from");
        }
        return new Gen<>() {
            @Override
            public T next(RandomGenerator random) {
                return copy.get(random.nextInt(copy.size()));
            }

            @Override
            public List<T> edgeCases() {
                return copy;
            }
        };
    }

    /** A value of one of {@code choices}, each chosen equally often; their edge cases in order, no simplification. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... choices) {
        List<Gen<? extends T>> list = new ArrayList<>();
        for (Gen<? extends T> choice : choices) {
            list.add(choice);
        }
        return oneOf(list);
    }

    /** As {@link #oneOf(Gen[])}. */
    static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> choices) {
        List<Gen<? extends T>> copy = List.copyOf(choices);
        return new Gen<>() {
            @Override
            public T next(RandomGenerator random) {
                return copy.get(random.nextInt(copy.size())).next(random);
            }

            @Override
            public List<T> edgeCases() {
                List<T> edges = new ArrayList<>();
                copy.forEach(choice -> edges.addAll(choice.edgeCases()));
                return edges;
            }
        };
    }

    /** An int in {@code [min, max]}, uniformly; the bounds are its edge cases. */
    static Gen<Integer> ints(int min, int max) {
        return new Gen<>() {
            @Override
            public Integer next(RandomGenerator random) {
                return random.nextInt(min, max + 1);
            }

            @Override
            public List<Integer> edgeCases() {
                return min == max ? List.of(min) : List.of(min, max);
            }
        };
    }

    /**
     * A long in {@code [min, max]}: a quarter of the draws near a boundary (the bounds, 0, ±1 and {@code boundaries},
     * each ± up to 3), half of any bit length from 1 to 63 (so that 7 and 2^40 are as likely as 2^62), a quarter
     * uniform. A uniform long alone is almost never below 2^50, where the real values live.
     *
     * @param boundaries values where the code under test changes its answer, e.g. the no-limit threshold
     */
    static Gen<Long> longs(long min, long max, long... boundaries) {
        List<Long> edges = Stream.concat(Stream.of(min, max, 0L, 1L, -1L, min + 1, max - 1),
                        Arrays.stream(boundaries).boxed())
                .filter(v -> v >= min && v <= max).distinct().toList();
        return new Gen<>() {
            @Override
            public Long next(RandomGenerator random) {
                long value;
                switch (random.nextInt(4)) {
                    case 0 -> value = edges.get(random.nextInt(edges.size())) + random.nextInt(-3, 4);
                    case 1, 2 -> {
                        value = random.nextLong() >>> random.nextInt(1, 64);
                        value = min < 0 && random.nextBoolean() ? -value : value;
                    }
                    default -> value = uniform(random);
                }
                // Near-boundary offsets can wrap or step outside; such a draw becomes uniform instead.
                return value >= min && value <= max ? value : uniform(random);
            }

            private long uniform(RandomGenerator random) {
                if (max < Long.MAX_VALUE) {
                    return random.nextLong(min, max + 1);
                }
                return min == Long.MIN_VALUE ? random.nextLong() : random.nextLong(min - 1, max) + 1;
            }

            @Override
            public List<Long> edgeCases() {
                return edges;
            }
        };
    }

    /** {@code minLength..maxLength} characters, each one of {@code chars}. */
    static Gen<String> strings(String chars, int minLength, int maxLength) {
        return random -> {
            char[] drawn = new char[random.nextInt(minLength, maxLength + 1)];
            for (int i = 0; i < drawn.length; i++) {
                drawn[i] = chars.charAt(random.nextInt(chars.length()));
            }
            return new String(drawn);
        };
    }

    /** {@code minSize..maxSize} values of {@code element}, drawn independently. */
    static <T> Gen<List<T>> lists(Gen<T> element, int minSize, int maxSize) {
        return random -> {
            int size = random.nextInt(minSize, maxSize + 1);
            List<T> drawn = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                drawn.add(element.next(random));
            }
            return drawn;
        };
    }

    /**
     * Two inputs drawn together, for a parser that reads two files. Edge cases: each one's edge cases beside the
     * other's first; a failing pair is simplified one side at a time.
     */
    static <A, B> Gen<Both<A, B>> both(Gen<A> first, Gen<B> second) {
        return new Gen<>() {
            @Override
            public Both<A, B> next(RandomGenerator random) {
                return new Both<>(first.next(random), second.next(random));
            }

            @Override
            public List<Both<A, B>> edgeCases() {
                List<A> firsts = first.edgeCases();
                List<B> seconds = second.edgeCases();
                if (firsts.isEmpty() || seconds.isEmpty()) {
                    return List.of();
                }
                List<Both<A, B>> edges = new ArrayList<>();
                firsts.forEach(a -> edges.add(new Both<>(a, seconds.get(0))));
                seconds.stream().skip(1).forEach(b -> edges.add(new Both<>(firsts.get(0), b)));
                return edges;
            }

            @Override
            public Stream<Both<A, B>> simplify(Both<A, B> failing) {
                return Stream.concat(
                        first.simplify(failing.first()).map(a -> new Both<>(a, failing.second())),
                        second.simplify(failing.second()).map(b -> new Both<>(failing.first(), b)));
            }
        };
    }

    /** A pair from {@link #both}; shown like any input in a failure report. */
    record Both<A, B>(A first, B second) {
        @Override
        public String toString() {
            return "(" + Fuzz.show(first) + ", " + Fuzz.show(second) + ")";
        }
    }
}

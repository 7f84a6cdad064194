import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;

/**
 * A library-heavy start-up: loads every class named in the list file (all of Guava's, about 2,000) without
 * initialising them, so the agent's transformer sees every class file, then runs one {@code parallelStream}, so the
 * common pool and {@code Striped64} (through {@link LongAdder}) are initialised after premain, as in a real app.
 * Prints what it did on one line, so the timing driver can check every run did the same work and saw the count the
 * variant is meant to give.
 */
public final class Many {
    public static void main(String[] args) throws Exception {
        List<String> names = Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8);
        ClassLoader loader = Many.class.getClassLoader();
        int loaded = 0;
        int failed = 0;
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (Throwable e) {
                failed++;
            }
        }
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            numbers.add(i);
        }
        LongAdder sum = new LongAdder();
        numbers.parallelStream().forEach(sum::add);
        System.out.println("loaded=" + loaded + " failed=" + failed
                + " cpus=" + Runtime.getRuntime().availableProcessors()
                + " parallelism=" + ForkJoinPool.commonPool().getParallelism()
                + " sum=" + sum.sum());
    }
}

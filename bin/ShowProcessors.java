import java.util.concurrent.ForkJoinPool;

/** What a plain program sees; bin/demo runs it with and without the agent (Java's single-file source launcher). */
public class ShowProcessors {
    public static void main(String[] args) {
        System.out.println("  availableProcessors()=" + Runtime.getRuntime().availableProcessors()
                + "  commonPool=" + ForkJoinPool.commonPool().getParallelism()
                + "  new ForkJoinPool()=" + new ForkJoinPool().getParallelism()
                + "  maxMemory=" + (Runtime.getRuntime().maxMemory() >> 20) + " MiB"
                + "  container.limits.cpus=" + System.getProperty("container.limits.cpus"));
    }
}

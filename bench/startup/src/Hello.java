/**
 * The smallest app worth measuring: prints one line, and the CPU count it sees, so that the agent's pre-filter hits
 * one class and the call-site rewrite really runs (a hello world without the call would only measure the scan).
 * Two prints instead of a string concatenation: {@code +} on strings bootstraps an invokedynamic call site at
 * release 17, a cost of its own that has nothing to do with the agent.
 */
public final class Hello {
    public static void main(String[] args) {
        System.out.print("hello cpus=");
        System.out.println(Runtime.getRuntime().availableProcessors());
    }
}

package io.containerlimits.it.v2vm;

import io.containerlimits.it.probe.Probe;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * {@link Probe}'s line, then, given the path of {@code container-limits.jar}, one line {@code JSON<TAB><json>}: what
 * {@code java -jar <jar> json} prints, from the jar's own {@code Main} run in this process (same cgroup, same
 * files). The cgroup v2 guest runs this instead of {@code Probe <jar>}, whose second JVM would cost 5 to 15 s of CPU
 * under software emulation in every layout.
 */
public final class GuestProbe {

    /** First field of the json line. */
    public static final String JSON = "JSON";

    private GuestProbe() {
    }

    public static void main(String[] args) throws Exception {
        Probe.main(new String[0]);
        if (args.length > 0) {
            String json = cliJson(args[0]).replace('\t', ' ').replace('\n', ' ').replace('\r', ' ').trim();
            System.out.println(JSON + '\t' + json);
        }
    }

    /** Runs the jar's Main-Class with {@code json} in this process and returns what it printed. */
    private static String cliJson(String jar) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        // No parent but the boot loader: the jar's classes, not anything on this class path.
        URLClassLoader loader = new URLClassLoader(new URL[] {new File(jar).toURI().toURL()}, null);
        try {
            Method main = loader.loadClass("io.containerlimits.cli.Main").getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, "UTF-8"));
            main.invoke(null, (Object) new String[] {"json"});
        } finally {
            System.setOut(stdout);
            loader.close();
        }
        return new String(captured.toByteArray(), "UTF-8");
    }
}

package io.containerlimits;

import java.io.InputStream;
import java.util.Properties;

/** The version of container-limits, from the build. */
public final class Version {

    private static volatile String version;

    private Version() {
        throw new UnsupportedOperationException();
    }

    /** For example {@code 0.1.0}; {@code "unknown"} if the build's resource is missing. */
    public static String get() {
        String v = version;
        if (v == null) {
            v = "unknown";
            try {
                InputStream in = Version.class.getResourceAsStream("version.properties");
                if (in != null) {
                    try {
                        Properties p = new Properties();
                        p.load(in);
                        v = p.getProperty("version", v);
                    } finally {
                        in.close();
                    }
                }
            } catch (Exception e) {
                // keep "unknown": a version string is never worth failing over
            }
            version = v;
        }
        return v;
    }
}

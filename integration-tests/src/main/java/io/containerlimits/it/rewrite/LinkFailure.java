package io.containerlimits.it.rewrite;

import java.util.Optional;
import java.util.Set;

/**
 * Tells a class that failed only because a class outside the jars is missing (an optional dependency such as SLF4J
 * for Netty, or BlockHound) from one the JVM rejected. The first is no fault of the bytes; the second is counted as a
 * verification error, whatever its type (VerifyError, ClassFormatError, IncompatibleClassChangeError, ...).
 */
final class LinkFailure {

    private LinkFailure() {
    }

    /**
     * The binary name of the missing class when {@code thrown} (or a cause) is a {@code NoClassDefFoundError} or
     * {@code ClassNotFoundException} for a class none of the jars holds; empty for every other failure, including a
     * missing class that one of the jars does hold (a jar class that could not be defined is an error).
     */
    static Optional<String> missingOutsideJars(Throwable thrown, Set<String> jarClassNames) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException) {
                String message = String.valueOf(t.getMessage());
                // "Could not initialize class X" is a failed initializer, not a missing class.
                if (message.startsWith("Could not initialize")) {
                    return Optional.empty();
                }
                String name = binaryName(message.split(" ", 2)[0]);
                return jarClassNames.contains(name) ? Optional.empty() : Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /**
     * The binary name a missing-class message names: {@code org/slf4j/Logger}, or on JDK 8 and 11 also the
     * descriptor form {@code Lorg/slf4j/Logger;}, as {@code org.slf4j.Logger}.
     */
    private static String binaryName(String named) {
        String internal = named.startsWith("L") && named.endsWith(";") ? named.substring(1, named.length() - 1) : named;
        return internal.replace('/', '.');
    }

    /** The package of a binary name, the unit the summary groups missing classes by. */
    static String packageOf(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        return dot < 0 ? "(default)" : binaryName.substring(0, dot);
    }

    /** One line for the report: the throwable's class and message, and its cause's when there is one. */
    static String describe(Throwable thrown) {
        String text = thrown.toString();
        Throwable cause = thrown.getCause();
        return cause == null ? text : text + " caused by " + cause;
    }
}

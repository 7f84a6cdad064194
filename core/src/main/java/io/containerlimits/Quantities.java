package io.containerlimits;

import java.util.Locale;

/**
 * Parses the numbers users write in settings: CPU counts ({@code 2}, {@code 1.5}, {@code 500m}) and memory sizes
 * ({@code 268435456}, {@code 256m}, {@code 1G}, {@code 512Mi}); and writes CPU counts back for people.
 *
 * <p>Every failure is an {@link IllegalArgumentException} whose message quotes the input.
 *
 * <p>No {@code BigDecimal} or {@code BigInteger}: the agent parses its settings in premain, and on JDK 19+
 * {@code BigInteger}'s static initialiser initialises {@code ForkJoinPool}, which creates the common pool before the
 * agent can set its parallelism (seen on JDK 25: common pool 1 instead of 3 with {@code cpus=4}).
 */
public final class Quantities {

    /** Whole numbers below this print without a fraction; a double is exact to the unit up to 2^53. */
    private static final double WHOLE_LIMIT = 1e15;

    private Quantities() {
        throw new UnsupportedOperationException();
    }

    /**
     * A CPU quantity in CPUs: {@code "2" -> 2.0}, {@code "1.5" -> 1.5}, {@code "500m" -> 0.5} (Kubernetes millicores).
     *
     * @param allowZero whether {@code 0} is valid ({@code reserve-cpus}) or not ({@code cpus})
     */
    public static double parseCpus(String text, boolean allowZero) {
        String t = text.trim();
        boolean milli = t.endsWith("m");
        String number = milli ? t.substring(0, t.length() - 1) : t;
        double value;
        try {
            checkDecimal(number);
            value = Double.parseDouble(number);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a CPU quantity: \"" + text + "\"");
        }
        if (milli) {
            value = value / 1000.0;
        }
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0 || (!allowZero && value == 0)
                || value > 1 << 20) {
            throw new IllegalArgumentException("out of range: \"" + text + "\"");
        }
        return value;
    }

    /**
     * A memory size in bytes. Suffixes {@code k}, {@code m}, {@code g}, {@code t} (either case, optionally followed
     * by {@code b}) and {@code Ki}, {@code Mi}, {@code Gi}, {@code Ti} are all 1024-based: {@code "256m"} and
     * {@code "256Mi"} are both 268435456.
     */
    public static long parseBytes(String text) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.endsWith("i")) {
            lower = lower.substring(0, lower.length() - 1);
        } else if (lower.endsWith("b") && lower.length() > 1 && Character.isLetter(lower.charAt(lower.length() - 2))) {
            lower = lower.substring(0, lower.length() - 1);
        }
        int shift = 0;
        if (!lower.isEmpty()) {
            switch (lower.charAt(lower.length() - 1)) {
                case 'k': shift = 10; break;
                case 'm': shift = 20; break;
                case 'g': shift = 30; break;
                case 't': shift = 40; break;
                default: shift = -1;
            }
        }
        if (shift == -1 && t.length() != lower.length()) {
            // "12i" or "12b" alone: a suffix without a unit.
            throw new IllegalArgumentException("not a memory size: \"" + text + "\"");
        }
        String number = shift > 0 ? lower.substring(0, lower.length() - 1) : lower;
        try {
            checkDecimal(number);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a memory size: \"" + text + "\"");
        }
        long unit = 1L << Math.max(shift, 0);
        int point = number.indexOf('.');
        String whole = point < 0 ? number : number.substring(0, point);
        String fraction = point < 0 ? "" : number.substring(point + 1);
        long bytes;
        try {
            bytes = Math.multiplyExact(whole.isEmpty() ? 0 : Long.parseLong(whole), unit);
            if (!fraction.isEmpty()) {
                // A fraction of at most 2^40 bytes: a double is exact to far below one byte.
                bytes = Math.addExact(bytes, (long) Math.floor(Double.parseDouble("0." + fraction) * unit));
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("out of range: \"" + text + "\"");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("out of range: \"" + text + "\"");
        }
        if (bytes <= 0) {
            throw new IllegalArgumentException("out of range: \"" + text + "\"");
        }
        return bytes;
    }

    /**
     * CPUs for people, in the report and the agent's log alike: a whole number without {@code .0}, else the shortest
     * decimal that reads back as the same double: {@code 2.0 -> "2"}, {@code 1.5 -> "1.5"},
     * {@code 0.33333 -> "0.33333"}.
     */
    public static String formatCpus(double cpus) {
        if (cpus == Math.rint(cpus) && Math.abs(cpus) < WHOLE_LIMIT) {
            return Long.toString((long) cpus);
        }
        return Double.toString(cpus);
    }

    /** Accepts a plain decimal number only: digits with at most one point, no sign, no exponent. */
    private static void checkDecimal(String number) {
        if (number.isEmpty() || number.length() > 32) {
            throw new IllegalArgumentException(number);
        }
        boolean digit = false;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.') {
                throw new IllegalArgumentException(number);
            }
        }
        if (!digit || number.indexOf('.') != number.lastIndexOf('.')) {
            throw new IllegalArgumentException(number);
        }
    }
}

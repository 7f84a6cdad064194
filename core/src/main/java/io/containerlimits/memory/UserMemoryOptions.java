package io.containerlimits.memory;

import io.containerlimits.Quantities;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The memory sizes the user already chose in {@code JAVA_TOOL_OPTIONS}: the calculator keeps them and fits the rest.
 *
 * <p>The JVM takes the last occurrence of an option, so the last token per region counts. An explicit heap size
 * ({@code -Xmx}, {@code -XX:MaxHeapSize}) beats {@code -XX:MaxRAMPercentage} wherever they stand, as in HotSpot,
 * which only uses the percentage when no size is given. Immutable.
 */
public final class UserMemoryOptions {

    /** The percentage option that sizes the heap from the limit the JVM sees. */
    static final String MAX_RAM_PERCENTAGE = "-XX:MaxRAMPercentage=";

    /** Where the options came from, for messages. */
    private final String origin;
    /** The last token per region that the user wrote, e.g. {@code HEAP -> "-Xmx512m"}. */
    private final Map<Region, String> tokens;

    private UserMemoryOptions(String origin, Map<Region, String> tokens) {
        this.origin = origin;
        this.tokens = tokens;
    }

    /** No user option at all. */
    public static UserMemoryOptions none() {
        return new UserMemoryOptions("", new EnumMap<Region, String>(Region.class));
    }

    /**
     * Picks the memory options out of tokenized JVM options.
     *
     * @param origin where they came from, for messages ({@code "JAVA_TOOL_OPTIONS"})
     */
    public static UserMemoryOptions parse(List<String> options, String origin) {
        Map<Region, String> tokens = new EnumMap<Region, String>(Region.class);
        String percentage = null;
        for (String token : options) {
            if (token.startsWith(MAX_RAM_PERCENTAGE)) {
                percentage = token;
                continue;
            }
            for (Region region : Region.values()) {
                for (String prefix : region.prefixes()) {
                    if (token.startsWith(prefix)) {
                        tokens.put(region, token);
                    }
                }
            }
        }
        if (percentage != null && !tokens.containsKey(Region.HEAP)) {
            tokens.put(Region.HEAP, percentage);
        }
        return new UserMemoryOptions(origin, tokens);
    }

    /** True when the user bounded {@code region}. */
    public boolean sets(Region region) {
        return tokens.containsKey(region);
    }

    /** The user's option for {@code region} as written, or {@code null} when {@link #sets} is false. */
    public String token(Region region) {
        return tokens.get(region);
    }

    /**
     * The size in bytes the user gave {@code region}; a heap percentage is taken of {@code limit}.
     *
     * @throws IllegalArgumentException when the value is not a size ({@code -Xmx12q}), quoting it and its origin
     */
    public long bytes(Region region, long limit) {
        String token = tokens.get(region);
        if (token == null) {
            throw new IllegalStateException("no user option for " + region.label());
        }
        try {
            if (token.startsWith(MAX_RAM_PERCENTAGE)) {
                double percent = Double.parseDouble(token.substring(MAX_RAM_PERCENTAGE.length()));
                if (!(percent > 0 && percent <= 100)) {
                    throw new NumberFormatException(token);
                }
                return (long) (limit * (percent / 100.0));
            }
            for (String prefix : region.prefixes()) {
                if (token.startsWith(prefix)) {
                    return Quantities.parseBytes(token.substring(prefix.length()));
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the one message below (NumberFormatException included)
        }
        throw new IllegalArgumentException("cannot read \"" + token + "\" in " + origin + " as a size");
    }
}

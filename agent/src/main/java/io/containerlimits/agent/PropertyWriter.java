package io.containerlimits.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The only writer of system properties: set-if-absent, so that what the user set with {@code -D} always wins.
 * Remembers what it set, for the {@code log=info} line.
 */
final class PropertyWriter {

    private final Properties target;
    private final Log log;
    private final List<AgentProperty> written = new ArrayList<AgentProperty>();

    PropertyWriter(Properties target, Log log) {
        this.target = target;
        this.log = log;
    }

    /** Sets {@code property} to {@code value} unless it already has a value; true when it was set. */
    boolean setIfAbsent(AgentProperty property, String value) {
        // Properties is a Hashtable: putIfAbsent is atomic against another thread setting it meanwhile.
        Object previous = target.putIfAbsent(property.key(), value);
        if (previous != null) {
            if (log.isDebug()) {
                log.debug("leaving " + property.key() + "=" + previous + ": set by user (" + property.library() + ")");
            }
            return false;
        }
        written.add(property);
        if (log.isDebug()) {
            log.debug("set " + property.key() + "=" + value + " (" + property.library() + ")");
        }
        return true;
    }

    /**
     * Moves a value from {@code before} to {@code after} ({@code null}: absent) when it still reads {@code before}: a
     * value someone else set or changed meanwhile stays. True when it moved.
     */
    boolean follow(AgentProperty property, String before, String after) {
        String key = property.key();
        boolean moved;
        if (before == null) {
            moved = after != null && target.putIfAbsent(key, after) == null;
        } else if (after == null) {
            moved = target.remove(key, before);
        } else {
            moved = before.equals(after) || target.replace(key, before, after);
        }
        if (moved && log.isDebug() && (before == null ? after != null : !before.equals(after))) {
            log.debug("set " + key + "=" + after + " (was " + before + ")");
        }
        return moved;
    }

    /** The value {@code property} has now, set by the user or by this writer; {@code null} when it has none. */
    Object current(AgentProperty property) {
        return target.get(property.key());
    }

    /** What this writer set, in order. */
    List<AgentProperty> written() {
        return written;
    }
}

package io.containerlimits.agent;

import io.containerlimits.Limits;
import java.util.List;

/** What the JFR events implement (in {@code agent/src/main/jfr}, compiled after this, against the JDK 11+ API). */
public interface ChangeObserver {

    /** After each detection (the first time right after the events were registered). */
    void detected(Limits current);

    /** After a change, once the agent has resized what it resizes. */
    void changed(Limits previous, Limits current, List<String> resized, List<String> notResized);
}

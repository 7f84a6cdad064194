package io.containerlimits.agent;

import io.containerlimits.Limits;
import io.containerlimits.agent.jmx.LimitsBean;
import java.lang.reflect.Method;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * Tells JMX and JFR about the limits, without ever starting either: at each detection the watcher asks whether the
 * application (or the JVM) has created the platform MBean server, or initialised JFR, since the last one, and joins
 * whichever now exists.
 *
 * <ul>
 *   <li>JMX: {@code MBeanServerFactory.findMBeanServer(null)} lists the servers created so far without creating one
 *       (loading only {@code MBeanServerFactory}, no logging: checked with {@code -verbose:class} on 17 and 25); the
 *       platform server is the one holding {@code java.lang:type=Runtime}. Creating it ourselves would come before an
 *       application server installs its own builder ({@code javax.management.builder.initial}) and log manager,
 *       which agents that did so have broken (WildFly).</li>
 *   <li>JFR (11+): {@code FlightRecorder.isInitialized()}, reflectively; the event classes (compiled against the
 *       JDK 11+ API, see {@code agent/src/main/jfr}) load only once it says true, so JDK 8 never resolves a
 *       {@code jdk.jfr} type.</li>
 * </ul>
 * Only the watcher thread uses this class.
 */
final class Observers {

    /** The platform server is the one where the JVM registered this bean. */
    private static final String PLATFORM_BEAN = "java.lang:type=Runtime";

    /** Implemented by the JFR events' class, in the sources compiled against JDK 11+. */
    static final String FLIGHT_EVENTS = "io.containerlimits.agent.jfr.FlightEvents";

    private final Log log;
    private final int javaFeature;
    /** Set after a failure: no JMX here (no {@code java.management} in the image, or a server that refuses). */
    private boolean jmxGone;
    /** Set after a failure: no JFR here. */
    private boolean jfrGone;
    private LimitsBean bean;
    private Method jfrInitialized;
    private ChangeObserver flight;

    Observers(Log log, int javaFeature) {
        this.log = log;
        this.javaFeature = javaFeature;
    }

    /** After each detection: joins JMX or JFR if they have appeared, and shows {@code current}. */
    void detected(Limits current) {
        if (bean == null && !jmxGone) {
            bean = registerIfPlatformServer(current);
        } else if (bean != null) {
            bean.update(current);
        }
        if (flight == null && !jfrGone && javaFeature >= 11 && jfrInitialized()) {
            flight = flightEvents(current);
        }
        if (flight != null) {
            flight.detected(current);
        }
    }

    /**
     * After a change: the MBean's notification and the JFR event. Joins first, so that a JMX or JFR that appeared
     * since the last detection hears of this change too.
     */
    void changed(Limits previous, Limits current, List<String> resized, List<String> notResized, String line) {
        detected(previous);
        if (bean != null) {
            bean.changed(current, line);
        }
        if (flight != null) {
            flight.changed(previous, current, resized, notResized);
        }
    }

    private LimitsBean registerIfPlatformServer(Limits current) {
        try {
            List<MBeanServer> servers = MBeanServerFactory.findMBeanServer(null);
            for (MBeanServer server : servers) {
                if (server.isRegistered(new ObjectName(PLATFORM_BEAN))) {
                    LimitsBean registered = LimitsBean.register(server, current);
                    log.debug("registered the MBean " + LimitsBean.OBJECT_NAME);
                    return registered;
                }
            }
        } catch (Throwable t) {
            jmxGone = true;
            log.debug("no MBean: " + t);
        }
        return null;
    }

    private boolean jfrInitialized() {
        try {
            if (jfrInitialized == null) {
                jfrInitialized = Class.forName("jdk.jfr.FlightRecorder").getMethod("isInitialized");
            }
            return (Boolean) jfrInitialized.invoke(null);
        } catch (Throwable t) {
            jfrGone = true;
            return false;
        }
    }

    private ChangeObserver flightEvents(Limits current) {
        try {
            ChangeObserver events = (ChangeObserver) Class.forName(FLIGHT_EVENTS).newInstance();
            events.detected(current);
            log.debug("JFR is up: registered io.containerlimits.LimitsChanged and io.containerlimits.Limits");
            return events;
        } catch (Throwable t) {
            jfrGone = true;
            log.debug("no JFR events: " + t);
            return null;
        }
    }
}

package io.containerlimits.agent.jmx;

import io.containerlimits.Limits;
import io.containerlimits.agent.LimitsText;
import java.util.Date;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanServer;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;

/**
 * {@link ContainerLimitsMXBean}, fed by the agent's watcher thread. Loaded only when the platform MBean server already
 * exists (see {@code Observers}): the agent never creates it.
 */
public final class LimitsBean extends NotificationBroadcasterSupport implements ContainerLimitsMXBean {

    /** The MBean's name. */
    public static final String OBJECT_NAME = "io.containerlimits:type=ContainerLimits";

    /** The type of the notification sent on each change; its message is the change's {@code log=info} line. */
    public static final String CHANGED = "io.containerlimits.limits.changed";

    private final ObjectName name;
    private volatile Limits limits;
    private volatile String lastChange = "none";
    private long sequence;

    private LimitsBean(ObjectName name, Limits limits) {
        super(new MBeanNotificationInfo(new String[] {CHANGED}, Notification.class.getName(),
                "the container's limits changed"));
        this.name = name;
        this.limits = limits;
    }

    /** Registers a bean showing {@code limits} in {@code server}; returns it. */
    public static LimitsBean register(MBeanServer server, Limits limits) throws Exception {
        LimitsBean bean = new LimitsBean(new ObjectName(OBJECT_NAME), limits);
        server.registerMBean(bean, bean.name);
        return bean;
    }

    /** Shows {@code current} from now on and sends one notification whose message is {@code description}. */
    public void changed(Limits current, String description) {
        limits = current;
        long now = System.currentTimeMillis();
        lastChange = new Date(now) + ": " + description;
        Notification notification;
        synchronized (this) {
            notification = new Notification(CHANGED, name, ++sequence, now, description);
        }
        sendNotification(notification);
    }

    /** Shows {@code current} (a detection without a change: sources may move). */
    public void update(Limits current) {
        limits = current;
    }

    @Override
    public int getCpus() {
        return limits.cpuCount();
    }

    @Override
    public Double getCpuQuota() {
        return limits.cpuQuota().orElse(null);
    }

    @Override
    public Long getMemoryLimit() {
        return limits.memoryLimit().orElse(null);
    }

    @Override
    public String getCpuSource() {
        return LimitsText.cpuSource(limits);
    }

    @Override
    public String getMemorySource() {
        return LimitsText.memorySource(limits);
    }

    @Override
    public String getLastChange() {
        return lastChange;
    }
}
